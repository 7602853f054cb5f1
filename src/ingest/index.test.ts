import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { legacyBytes } from '../testing/encodings.js';
import { documentId, ingest } from './index.js';

const STORY =
  'The council voted on Tuesday to close the old bridge for repairs, the mayor said. ' +
  'Residents will use a ferry until the work is done, according to a statement from the city.';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unspin-ingest-'));
});

describe('ingest of text', () => {
  it('keeps the text exactly, minus the BOM, and warns about replaced bytes', async () => {
    const file = join(dir, 'bom.txt');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(` ${STORY}`)]);
    await writeFile(file, bytes);
    const { info, warnings } = await ingest({ kind: 'file', path: file });
    const expected = new TextDecoder().decode(bytes); // the decoder drops the BOM
    expect(info.text).toBe(expected);
    expect(info.text.startsWith('Caf\ufffd The council')).toBe(true);
    expect(info.text.indexOf('bridge')).toBe(expected.indexOf('bridge'));
    expect(warnings.map((w) => w.message)).toContain(`${file}: 1 invalid byte sequence was replaced by U+FFFD`);
    expect(info.id).toBe(documentId(info.text));
    expect(info.id).toMatch(/^[0-9a-f]{16}$/);
    expect(info.language).toBe('en');
    expect(info.source).toEqual({ kind: 'text', path: file });
  });

  it('uses --published and says so, and warns when there is no date at all', async () => {
    const dated = await ingest({ kind: 'text', text: STORY }, { published: '2025-12-15' });
    expect(dated.info).toMatchObject({ publishedAt: '2025-12-15', publishedAtSource: 'option' });
    const undated = await ingest({ kind: 'text', text: STORY });
    expect(undated.info.publishedAt).toBeNull();
    expect(undated.warnings.map((w) => w.message).join('\n')).toMatch(/no publication date/);
  });

  it('refuses empty, blank, binary and oversized inputs with one clear line', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'blank.txt'), ' \n\t\n ');
    await writeFile(join(dir, 'x.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]));
    await expect(ingest({ kind: 'file', path: join(dir, 'empty.txt') })).rejects.toThrow('empty.txt: the article is empty');
    await expect(ingest({ kind: 'file', path: join(dir, 'blank.txt') })).rejects.toThrow('blank.txt: the article is only white space');
    await expect(ingest({ kind: 'file', path: join(dir, 'x.png') })).rejects.toThrow('x.png looks like a binary file (PNG image), not an article');
    await expect(ingest({ kind: 'file', path: join(dir, 'nope.txt') })).rejects.toThrow(`cannot read ${join(dir, 'nope.txt')}: no such file`);
    await expect(ingest({ kind: 'file', path: dir })).rejects.toThrow('is a folder');
    await expect(ingest({ kind: 'text', text: STORY }, { maxBytes: 100 })).rejects.toThrow(/over the 100 bytes limit/);
  });

  it('refuses a 20 MB file from its size, without reading it', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, Buffer.alloc(20 * 1024 * 1024, 'a'));
    const t0 = performance.now();
    await expect(ingest({ kind: 'file', path: big })).rejects.toThrow(`${big} is 20.0 MB, over the 5.0 MB limit (use --max-bytes to raise it)`);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  // Issue 18: a FIFO argument blocked forever, and the rest of the batch never ran.
  it('refuses FIFOs, devices and dangling links at once, naming what they are', async () => {
    const fifo = join(dir, 'f.txt');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    await expect(ingest({ kind: 'file', path: fifo })).rejects.toThrow(`${fifo} is a named pipe (FIFO), not a regular file`);
    await expect(ingest({ kind: 'file', path: '/dev/null' })).rejects.toThrow('/dev/null is a device, not a regular file');
    expect(performance.now() - t0).toBeLessThan(1000);
    await symlink(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    await expect(ingest({ kind: 'file', path: join(dir, 'dangling.txt') })).rejects.toThrow('dangling.txt: a symbolic link to nothing');
  });

  it('reads Windows-1251 stdin and says how it was decoded', async () => {
    const stream = new PassThrough();
    stream.end(legacyBytes('windows-1251', 'Министерство обороны России заявило во вторник, что его войска заняли село.'));
    const { info, warnings } = await ingest({ kind: 'stdin', stream });
    expect(info.text).toBe('Министерство обороны России заявило во вторник, что его войска заняли село.');
    expect(warnings.map((w) => w.message)).toContain('stdin: no charset declared and not UTF-8: read as windows-1251, as detected (--encoding sets another)');
  });

  it('reads stdin, capped too', async () => {
    const stream = new PassThrough();
    stream.end(STORY);
    const { info } = await ingest({ kind: 'stdin', stream });
    expect(info).toMatchObject({ text: STORY, source: { kind: 'stdin' } });
    const flood = new PassThrough();
    flood.end(Buffer.alloc(2000, 'a'));
    await expect(ingest({ kind: 'stdin', stream: flood }, { maxBytes: 1000 })).rejects.toThrow('stdin is larger than the 1000 bytes limit');
  });

  it('takes adversarial text in its stride', async () => {
    const t0 = performance.now();
    for (const text of ['a'.repeat(200_000), 'aaa, '.repeat(40_000), `a${'<'.repeat(200_000)}`]) {
      expect((await ingest({ kind: 'text', text })).info.text).toBe(text);
    }
    // Issue 18: a text with no letter or digit (quotes, zero-width characters) is no article
    for (const text of ['"'.repeat(200_000), '\u200b\u200c\u200d\ufeff'.repeat(1000), `<${'<'.repeat(200_000)}`]) {
      await expect(ingest({ kind: 'text', text })).rejects.toThrow('input: the article has no letters or digits');
    }
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('recognises the dateline, even under a title line', async () => {
    const text = 'Shelling resumes\n\nKYIV, Ukraine (AP) — Shelling resumed on Monday.';
    const { info } = await ingest({ kind: 'text', text });
    const said = (s?: { start: number; end: number }) => s && text.slice(s.start, s.end);
    expect(said(info.dateline)).toBe('KYIV, Ukraine (AP) — ');
    expect([said(info.dateline?.place), said(info.dateline?.region), said(info.dateline?.agency)]).toEqual(['KYIV', 'Ukraine', 'AP']);
    expect((await ingest({ kind: 'text', text: 'Shelling resumed on Monday in Kyiv.' })).info.dateline).toBeUndefined();
  });

  it('flags a language other than English', async () => {
    const { info, warnings } = await ingest({ kind: 'text', text: 'Міська рада у вівторок проголосувала за закриття старого мосту на ремонт, повідомив мер.' });
    expect(info.language).toBe('uk');
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/Ukrainian \(uk\)/);
  });
});

describe('ingest of HTML', () => {
  const page = (head: string, body: string) => `<!doctype html><html><head><title>Bridge closes</title>${head}</head><body>${body}</body></html>`;
  const article = `<article><h1>Bridge closes</h1><p>${STORY}</p><p>Repairs are expected to take three months, officials said in a briefing.</p></article>`;

  it('extracts article text and metadata from an .html file', async () => {
    const file = join(dir, 'story.html');
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2025-12-14T18:00:00+01:00' };
    await writeFile(file, page(`<meta property="og:site_name" content="River Gazette"><script type="application/ld+json">${JSON.stringify(ld)}</script>`, article));
    const { info } = await ingest({ kind: 'file', path: file });
    expect(info.text).toBe(`${STORY}\n\nRepairs are expected to take three months, officials said in a briefing.`);
    expect(info).toMatchObject({ title: 'Bridge closes', outlet: 'River Gazette', publishedAt: '2025-12-14', publishedAtSource: 'json-ld', source: { kind: 'html', path: file } });
    expect(info.id).toBe(documentId(info.text));
  });

  it('lets --published override the page date', async () => {
    const { info } = await ingest({ kind: 'html', html: page('<meta name="date" content="2025-12-14">', article) }, { published: '2025-12-20' });
    expect(info).toMatchObject({ publishedAt: '2025-12-20', publishedAtSource: 'option' });
  });

  it('sniffs HTML in a file without an .html name', async () => {
    const file = join(dir, 'saved-page.txt');
    await writeFile(file, page('', article));
    expect((await ingest({ kind: 'file', path: file })).info.text.startsWith(STORY)).toBe(true);
  });

  it('refuses a page with no article', async () => {
    const file = join(dir, 'login.html');
    await writeFile(file, page('', '<form><input name="user"><button>Log in</button></form>'));
    await expect(ingest({ kind: 'file', path: file })).rejects.toThrow(`no article text found in ${file}`);
  });

  it('reads the seed-like plain text unchanged', async () => {
    const file = join(dir, 'plain.md');
    await writeFile(file, `# Bridge closes\n\n${STORY}\n`);
    const { info } = await ingest({ kind: 'file', path: file });
    expect(info.text).toBe(await readFile(file, 'utf8'));
  });
});

describe('ingest limits', () => {
  // Issue 18: 200 MB let through --max-bytes ended in a V8 fatal error (exit 133) after 3.7 GB.
  it('refuses a maxBytes above the ceiling as a usage error, before reading', async () => {
    const err = await ingest({ kind: 'text', text: 'The port closed on Tuesday.' }, { maxBytes: 200 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'UserError', exitCode: 2, message: 'maxBytes can be at most 10.0 MB, not 200.0 MB' });
  });
});
