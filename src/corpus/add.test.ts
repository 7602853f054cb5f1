/**
 * `corpus add` from every kind of source into each backend: a folder, a URL list, an RSS and an
 * Atom feed (served on 127.0.0.1, with allowPrivate), a JSONL file. Duplicates are stored once;
 * failures are recorded and do not stop the batch; pages seen before are asked for conditionally.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCorpus, type AddOptions } from './add.js';
import { seedOutlets } from './outlets.js';
import { placeIds } from './place-names.js';
import { testBackends } from './test-stores.js';

const story = (place: string, n: number) =>
  `Officials in ${place} said on Monday that ${n} new shelters had opened. ` +
  `“We are ready for the winter,” the mayor told reporters. A source in the city council, who asked not to be named, said more were planned.`;

const page = (title: string, body: string, canonical?: string) =>
  `<!doctype html><html><head><title>${title}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}` +
  `<meta property="article:published_time" content="2025-02-03T10:00:00Z"></head>` +
  `<body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

let server: http.Server;
let base: string;
let dir: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (body: string, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (path.startsWith('/a')) return html(page('Shelters in Kharkiv', story('Kharkiv', 12), `${base}/a`));
    if (path === '/b') return html(page('Shelters in Lviv', story('Lviv', 3)));
    if (path === '/c') return html(page('Shelters in Odesa', story('Odesa', 7)));
    if (path === '/d') return html(page('Shelters in Dnipro', story('Dnipro', 5)));
    if (path === '/e') return html(page('Shelters in Poltava', story('Poltava', 9)));
    if (path === '/dead') {
      res.writeHead(404);
      return res.end('gone');
    }
    if (path === '/busy') {
      if (hits.get(path) === 1) {
        res.writeHead(429, { 'retry-after': '0' });
        return res.end();
      }
      return html(page('Shelters in Sumy', story('Sumy', 4)));
    }
    if (path === '/tagged') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        return res.end();
      }
      return html(page('Shelters in Chernihiv', story('Chernihiv', 6), `${base}/chernihiv-story`), { etag: '"v1"' });
    }
    if (path === '/binary') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 1, 2]));
    }
    if (path === '/feed.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title><link>${base}</link><description>t</description>` +
          `<item><title>Shelters in Dnipro</title><link>${base}/d</link><pubDate>Mon, 03 Feb 2025 10:00:00 GMT</pubDate></item>` +
          `<item><title>Kharkiv again</title><link>${base}/a?utm_source=rss</link></item>` +
          `</channel></rss>`,
      );
    }
    if (path === '/feed.atom') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      return res.end(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test</title><id>t</id><updated>2025-02-03T00:00:00Z</updated>` +
          `<entry><title>Shelters in Poltava</title><id>e</id><link rel="alternate" href="${base}/e"/><updated>2025-02-03T00:00:00Z</updated></entry>` +
          `<entry><title>Inline only</title><id>f</id><updated>2025-02-04T00:00:00Z</updated><content type="html">&lt;p&gt;${story('Kherson', 2)}&lt;/p&gt;</content></entry>` +
          `</feed>`,
      );
    }
    if (path === '/notxml') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('this is not a feed at all');
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'unspin-add-'));
  await mkdir(join(dir, 'folder', 'sub'), { recursive: true });
  await writeFile(join(dir, 'folder', 'one.txt'), story('Kyiv', 20));
  await writeFile(join(dir, 'folder', 'sub', 'two.txt'), story('Zaporizhzhia', 8));
  await writeFile(join(dir, 'folder', 'sub', 'copy.txt'), `  ${story('Kyiv', 20).replace(/ /g, '  ')}\n`); // same text, spaced out
  await writeFile(join(dir, 'folder', 'empty.txt'), '');
  await writeFile(join(dir, 'urls.txt'), `# pages\n${base}/a?utm_source=x&utm_medium=y\n${base}/b\n\n${base}/dead\n${base}/busy\n${base}/tagged\n${base}/binary\n`);
  await writeFile(
    join(dir, 'articles.jsonl'),
    [
      JSON.stringify({ text: story('Mykolaiv', 11), title: 'Mykolaiv shelters', published: '2025-01-30', outlet: 'Reuters' }),
      JSON.stringify({ html: page('Shelters in Odesa', story('Odesa', 7)), url: `${base}/c` }),
      JSON.stringify({ url: `${base}/c` }),
      '{"text": 5}',
      'not json',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const polite: AddOptions = { allowPrivate: true, delayMs: 0, backoffMs: 1, jobs: 1 };

for (const backend of testBackends()) {
  describe(`corpus add on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('adds a folder, a URL list, RSS and Atom feeds and a JSONL file, each article once, and records what failed', async () => {
      hits.clear();
      const { store } = await backend.open();
      await seedOutlets(store);
      const summary = await addToCorpus(
        store,
        { paths: [join(dir, 'folder')], urlFiles: [join(dir, 'urls.txt')], feeds: [`${base}/feed.rss`, `${base}/feed.atom`, `${base}/notxml`], jsonl: [join(dir, 'articles.jsonl')] },
        polite,
      );
      // stored: Kyiv, Zaporizhzhia, /a, /b, /busy, /tagged, /d, /e, the inline Kherson entry, Mykolaiv, /c
      expect(summary.added).toBe(11);
      const failures = (await store.failures()).map((f) => [f.origin.replace(dir, '<dir>').replace(base, '<base>'), f.reason.replace(dir, '<dir>').replace(base, '<base>')]);
      expect(failures.map(([origin]) => origin).sort()).toEqual(
        ['<base>/binary', '<base>/dead', '<base>/notxml', '<dir>/articles.jsonl:4', '<dir>/articles.jsonl:5', '<dir>/folder/empty.txt'].sort(),
      );
      expect(Object.fromEntries(failures)['<base>/dead']).toContain('HTTP 404');
      expect(Object.fromEntries(failures)['<base>/notxml']).toContain('not a feed');
      expect(summary.failed).toBe(6);
      // duplicates: the spaced-out copy, /a again from the RSS feed (canonical URL), /c given twice
      expect(summary.skipped).toBe(3);
      expect(hits.get('/busy')).toBe(2); // a 429, then the retry
      expect(await store.count()).toBe(11);

      const titles = (await store.list()).map((a) => a.title ?? a.origin.replace(dir, '<dir>'));
      expect(titles).toContain('Mykolaiv shelters');
      expect(titles).toContain('Inline only');
      const jsonl = (await store.search({ text: 'Mykolaiv' }))[0]!;
      expect(jsonl).toMatchObject({ outlet: 'reuters.com', published: '2025-01-30' });
      expect((await store.search({ text: 'Dnipro' }))[0]).toMatchObject({ published: '2025-02-03', outlet: '127.0.0.1' });
      // the canonical URL is the page's own, without tracking parameters
      expect((await store.search({ text: 'Kharkiv' })).map((a) => a.canonicalUrl)).toEqual([`${base.replace('http:', 'https:')}/a`]);
      await store.close();
    });

    it('adds again: skips what is stored without fetching it, asks changed pages conditionally, retries what failed', async () => {
      hits.clear();
      const { store } = await backend.open();
      await addToCorpus(store, { urlFiles: [join(dir, 'urls.txt')] }, polite);
      const first = new Map(hits);
      hits.clear();
      const again = await addToCorpus(store, { urlFiles: [join(dir, 'urls.txt')] }, polite);
      expect(again.added).toBe(0);
      expect(again.skipped).toBe(4); // /a (known canonical URL), /b, /busy (known URLs), /tagged (304)
      expect(again.failed).toBe(2); // /dead and /binary, tried again
      expect(hits.get('/a?utm_source=x&utm_medium=y')).toBeUndefined();
      expect(hits.get('/b')).toBeUndefined();
      expect(hits.get('/tagged')).toBe(1);
      expect(first.get('/tagged')).toBe(1);
      expect(await store.count()).toBe(4);
      await store.close();
    });

    it('finds stored articles by a place in another spelling, and by radius', async () => {
      const { store } = await backend.open();
      await addToCorpus(store, { paths: [join(dir, 'folder', 'one.txt'), join(dir, 'folder', 'sub', 'two.txt')] }, polite);
      const kyiv = (await store.search({ text: 'Kyiv' }))[0]!;
      expect((await store.search({ entity: 'Kiev', geonamesIds: placeIds('Kiev') })).map((a) => a.id)).toEqual([kyiv.id]);
      expect((await store.search({ near: { lat: 50.45, lon: 30.52, km: 30 } })).map((a) => a.id)).toEqual([kyiv.id]);
      await store.close();
    });
  });
}
