/**
 * Every request here goes to a server on 127.0.0.1 started by the test (with allowPrivate), or is
 * refused before any connection is made: no test sends traffic anywhere else.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchUrl, guardedLookup } from './fetch.js';

const ARTICLE = '<html><body><article><p>The council met on Tuesday.</p></article></body></html>';

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/article': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
  '/plain': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Plain text.'),
  '/gzip': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(ARTICLE)),
  '/missing': (_req, res) => res.writeHead(404).end('not here'),
  '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
  '/big': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2_000_000) }).end(Buffer.alloc(2_000_000, 97)),
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    for (let i = 0; i < 20; i++) res.write(Buffer.alloc(100_000, 97));
    res.end();
  },
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html>');
    setTimeout(() => res.end('</html>'), 2000).unref();
  },
  '/hop': (req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
    res.writeHead(302, { location: n > 0 ? `/hop?n=${n - 1}` : '/article' }).end();
  },
  '/to-ftp': (_req, res) => res.writeHead(301, { location: 'ftp://127.0.0.1/file' }).end(),
  '/bad-location': (_req, res) => res.writeHead(302, { location: 'http://[::1' }).end(),
  '/identity-huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'identity', 'content-length': String(1024 ** 3) });
    res.write('<html>'); // and then nothing: the declared length alone must refuse it
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const route = routes[new URL(req.url!, 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local = { allowPrivate: true };

describe('fetchUrl on a local server', () => {
  it('fetches a page with its media type and charset', async () => {
    const page = await fetchUrl(`${base}/article`, local);
    expect(page.bytes.toString()).toBe(ARTICLE);
    expect(page).toMatchObject({ mediaType: 'text/html', charset: 'utf-8', url: `${base}/article` });
  });
  it('decompresses a gzip body', async () => {
    expect((await fetchUrl(`${base}/gzip`, local)).bytes.toString()).toBe(ARTICLE);
  });
  it('accepts plain text', async () => {
    expect((await fetchUrl(`${base}/plain`, local)).mediaType).toBe('text/plain');
  });
  it('names the HTTP status of a failure', async () => {
    await expect(fetchUrl(`${base}/missing`, local)).rejects.toThrow(`${base}/missing: HTTP 404`);
  });
  // Issue 18: an unparsable Location was an "internal error"; identity skipped the length check (15 s wait).
  it('refuses a redirect to an invalid URL, and a declared length over the cap whatever the encoding', async () => {
    await expect(fetchUrl(`${base}/bad-location`, local)).rejects.toThrow(`${base}/bad-location: redirects to an invalid URL (http://[::1)`);
    const t0 = performance.now();
    await expect(fetchUrl(`${base}/identity-huge`, local)).rejects.toThrow('is 1024.0 MB, over the 5.0 MB limit');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
  it('refuses what is not an article', async () => {
    await expect(fetchUrl(`${base}/image`, local)).rejects.toThrow('not an article: content-type image/png');
  });
  it('refuses a page over the size cap, declared or streamed', async () => {
    await expect(fetchUrl(`${base}/big`, { ...local, maxBytes: 1_000_000 })).rejects.toThrow(/is 1\.9 MB, over the 976\.6 KB limit/);
    await expect(fetchUrl(`${base}/big-chunked`, { ...local, maxBytes: 1_000_000 })).rejects.toThrow(/larger than the 976\.6 KB limit/);
  });
  it('times out over the whole exchange', async () => {
    await expect(fetchUrl(`${base}/slow`, { ...local, timeoutMs: 200 })).rejects.toThrow(`${base}/slow: timed out after 0.2 s`);
  });
  it('follows up to 5 redirects by hand, and no more', async () => {
    const page = await fetchUrl(`${base}/hop?n=4`, local);
    expect(page.url).toBe(`${base}/article`);
    await expect(fetchUrl(`${base}/hop?n=5`, local)).rejects.toThrow('more than 5 redirects');
  });
  it('checks the scheme of every redirect target (each hop goes through the same address check)', async () => {
    await expect(fetchUrl(`${base}/to-ftp`, local)).rejects.toThrow('only http and https');
  });
});

describe('address checks', () => {
  it('refuses loopback without --allow-private', async () => {
    await expect(fetchUrl(`${base}/article`)).rejects.toThrow(
      'refused: 127.0.0.1 is a loopback address (use --allow-private to allow it)',
    );
  });
  it('refuses a private IP literal before any connection is made', async () => {
    const request = vi.spyOn(http, 'request');
    try {
      await expect(fetchUrl('http://10.0.0.1/article')).rejects.toThrow(
        'http://10.0.0.1/article: refused: 10.0.0.1 is a private address (use --allow-private to allow it)',
      );
      await expect(fetchUrl('http://[::ffff:10.0.0.1]/')).rejects.toThrow('is a private address');
      await expect(fetchUrl('http://169.254.169.254/latest/meta-data')).rejects.toThrow('is a link-local address');
      expect(request).not.toHaveBeenCalled();
    } finally {
      request.mockRestore();
    }
  });
  it('refuses a name that resolves to a restricted address, inside the connection lookup', async () => {
    await expect(fetchUrl(`http://localhost:1/`)).rejects.toThrow(/refused: (127\.0\.0\.1|::1) is a loopback address/);
    const answer = await new Promise<unknown>((resolve) =>
      guardedLookup(false)('localhost', { family: 0 }, (err) => resolve(err)),
    );
    expect(String(answer)).toMatch(/loopback address/);
  });
  it('refuses other schemes and junk', async () => {
    await expect(fetchUrl('file:///etc/passwd')).rejects.toThrow('only http and https');
    await expect(fetchUrl('http://')).rejects.toThrow('not a valid URL');
  });
});
