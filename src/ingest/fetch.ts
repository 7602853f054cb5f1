/**
 * A careful GET for article URLs: http(s) only, a timeout over the whole exchange, a size cap,
 * redirects followed by hand (at most 5, each one checked again) and an address check against
 * SSRF. The check runs inside the socket's own DNS lookup, so the address that was checked is the
 * address connected to: a name that resolves to a public address for the check and a private one
 * for the connection (DNS rebinding) cannot slip through.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { refusalMessage, restrictedKind } from './address.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, MAX_REDIRECTS, tooBigMessage } from './limits.js';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** extra request headers (a corpus's conditional GET sends If-None-Match, If-Modified-Since) */
  headers?: Record<string, string>;
  /** media types accepted (default: article pages; a feed reader adds XML types) */
  accept?: ReadonlySet<string>;
}

export interface Fetched {
  /** the URL finally answered, after redirects */
  url: string;
  bytes: Buffer;
  /** media type without parameters ('' when the server sent none) */
  mediaType: string;
  charset?: string;
  /** 200, or 304 (empty bytes) when a conditional request found the page unchanged */
  status: number;
  etag?: string;
  lastModified?: string;
}

/** An HTTP error status, with the server's Retry-After in seconds when it sent one. */
export class HttpError extends UserError {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const ARTICLE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown']);

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await follow(url, options, controller.signal);
  } catch (err) {
    if (controller.signal.aborted) throw new UserError(`${url}: timed out after ${formatSeconds(timeoutMs)}`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

async function follow(start: string, options: FetchOptions, signal: AbortSignal): Promise<Fetched> {
  let current = parseHttpUrl(start, start);
  for (let redirects = 0; ; redirects++) {
    const res = await get(current, options, signal);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (redirects >= MAX_REDIRECTS) throw new UserError(`${start}: more than ${MAX_REDIRECTS} redirects`);
      current = parseHttpUrl(redirectTarget(res.headers.location, current), start);
      continue;
    }
    const validators = {
      ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
      ...(typeof res.headers['last-modified'] === 'string' ? { lastModified: res.headers['last-modified'] } : {}),
    };
    if (status === 304 && options.headers) {
      res.resume();
      return { url: current.href, bytes: Buffer.alloc(0), mediaType: '', status, ...validators };
    }
    if (status < 200 || status >= 300) {
      res.resume();
      const retryAfter = Number(res.headers['retry-after']);
      throw new HttpError(`${current.href}: HTTP ${status}`, status, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
    }
    const contentType = res.headers['content-type'] ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (mediaType && !(options.accept ?? ARTICLE_TYPES).has(mediaType)) {
      res.resume();
      throw new UserError(`${current.href}: not an article: content-type ${mediaType}`);
    }
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
    const bytes = await readBody(res, current.href, options.maxBytes ?? DEFAULT_MAX_BYTES, signal);
    return { url: current.href, bytes, mediaType, ...(charset ? { charset } : {}), status, ...validators };
  }
}

/** Where a redirect points, resolved against the page that sent it. */
function redirectTarget(location: string, from: URL): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw new UserError(`${from.href}: redirects to an invalid URL (${location.slice(0, 100)})`);
  }
}

function parseHttpUrl(href: string, given: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new UserError(`${given}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${href}: only http and https URLs can be fetched`);
  }
  return url;
}

/** One request; resolves with the response head. */
function get(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Node connects to an IP literal without a lookup: check it here, before any connection.
  if (isIP(host) && !options.allowPrivate) {
    const kind = restrictedKind(host);
    if (kind) throw new UserError(`${url.href}: ${refusalMessage(host, kind)}`);
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      signal,
      agent: false, // no pooled sockets: every connection goes through the checked lookup
      lookup: guardedLookup(Boolean(options.allowPrivate)),
      headers: {
        'user-agent': `unspin/${VERSION} (article analysis for fact-checkers)`,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        ...options.headers,
      },
    });
    req.on('response', resolve);
    req.on('error', (err) => reject(networkError(url, err)));
    req.end();
  });
}

/** dns.lookup that refuses restricted addresses (all of them are checked, whichever is used). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!allowPrivate) {
        for (const { address } of addresses) {
          const kind = restrictedKind(address);
          if (kind) return callback(new RefusedAddress(refusalMessage(address, kind)), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

class RefusedAddress extends Error {}

function networkError(url: URL, err: Error & { code?: string }): Error {
  if (err instanceof RefusedAddress) return new UserError(`${url.href}: ${err.message}`);
  if (err.name === 'AbortError') return err; // the timeout; fetchUrl names it
  const reasons: Record<string, string> = {
    ENOTFOUND: `cannot resolve ${url.hostname}`,
    EAI_AGAIN: `cannot resolve ${url.hostname} (DNS failure)`,
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
  };
  return new UserError(`${url.href}: ${(err.code && reasons[err.code]) ?? err.message}`);
}

/** The (decompressed) body, refused as soon as it passes the cap. */
function readBody(res: IncomingMessage, href: string, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  // 'identity' is no encoding at all: the declared length is the body's
  const encoding = (res.headers['content-encoding'] ?? '').toLowerCase().trim().replace(/^identity$/, '');
  if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new UserError(tooBigMessage(href, declared, maxBytes)));
  }
  const decoders: Record<string, () => NodeJS.ReadWriteStream> = {
    gzip: createGunzip,
    'x-gzip': createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  };
  const stream: Readable = encoding && decoders[encoding] ? (res.pipe(decoders[encoding]()) as unknown as Readable) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true; // first cause wins: destroying the streams below emits more events
      reject(err);
      res.destroy();
      stream.destroy();
    };
    if (signal.aborted) return fail(new Error('aborted'));
    signal.addEventListener('abort', () => fail(new Error('aborted')), { once: true });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(new UserError(tooBigMessage(href, null, maxBytes)));
      else chunks.push(chunk);
    });
    stream.on('end', () => {
      settled = true;
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (err) => fail(new UserError(`${href}: ${err.message}`)));
    res.on('aborted', () => fail(new UserError(`${href}: the connection closed before the page was complete`)));
  });
}
