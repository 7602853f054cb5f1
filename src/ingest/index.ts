/**
 * Ingest: turns what the user handed us (a file, a URL, stdin, a string) into a DocumentInfo
 * whose `text` all offsets refer to. Text is decoded once here; HTML is reduced to its article.
 * Everything the user can get wrong is a one-line UserError naming the input and the problem.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../core/errors.js';
import { type Message, warning } from '../core/message.js';
import type { DocumentInfo } from '../core/schema.js';
import { decodeText, sniffBinary } from './decode.js';
import { fetchUrl } from './fetch.js';
import { removeChrome } from './chrome.js';
import { extractArticle, looksLikeHtml } from './html.js';
import { inputName } from './inputs.js';
import { detectLanguage, languageWarning } from './language.js';
import { DEFAULT_MAX_BYTES, MAX_BYTES_CEILING, formatSize, tooBigMessage } from './limits.js';
import { findDateline } from '../text/dateline.js';
import { NO_PUBLICATION_DATE, type IngestOptions, type Ingested, type Input } from './types.js';

export type { IngestOptions, Ingested, Input } from './types.js';
export { expandInputs, inputName } from './inputs.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);

export async function ingest(input: Input, options: IngestOptions = {}): Promise<Ingested> {
  return decodeInput(await readInput(input, options), options);
}

/**
 * What was read, before it is decoded: bytes (files, stdin, pages) or a string (library callers).
 * Reading waits on I/O only; decoding and HTML parsing are the CPU-bound half, and that half can
 * run on a worker thread (src/deadline/) that is stopped when the time budget runs out.
 */
export type RawInput = { bytes: Uint8Array; origin: Origin } | { text: string; origin: Origin };

export async function readInput(input: Input, options: IngestOptions = {}): Promise<RawInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (maxBytes > MAX_BYTES_CEILING) throw new UserError(`maxBytes can be at most ${formatSize(MAX_BYTES_CEILING)}, not ${formatSize(maxBytes)}`, 2);
  const name = inputName(input);
  switch (input.kind) {
    case 'file': {
      const bytes = await readFileCapped(input.path, maxBytes);
      const html = HTML_EXTENSIONS.has(extname(input.path).toLowerCase());
      return { bytes, origin: { name, html, source: { kind: 'text', path: input.path } } };
    }
    case 'stdin': {
      const bytes = await readStream(input.stream ?? process.stdin, name, maxBytes);
      return { bytes, origin: { name, html: false, source: { kind: 'stdin' } } };
    }
    case 'url': {
      const page = await fetchUrl(input.url, { ...options, maxBytes });
      const html = page.mediaType !== 'text/plain' && page.mediaType !== 'text/markdown';
      return {
        bytes: page.bytes,
        origin: { name: page.url, html: html && page.mediaType !== '', charset: page.charset, url: page.url, source: { kind: 'url', path: input.url } },
      };
    }
    case 'text':
      checkLength(input.text, name, maxBytes);
      return { text: input.text, origin: { name, html: looksLikeHtml(input.text), source: { kind: 'text', ...(input.path ? { path: input.path } : {}) } } };
    case 'html':
      checkLength(input.html, name, maxBytes);
      return {
        text: input.html,
        origin: { name, html: true, ...(input.url ? { url: input.url } : {}), source: { kind: 'html', ...(input.path ? { path: input.path } : {}) } },
      };
  }
}

export interface Origin {
  /** the input as named in messages */
  name: string;
  /** known to be HTML (by extension or content type); otherwise sniffed */
  html: boolean;
  charset?: string;
  url?: string;
  source: DocumentInfo['source'];
}

/** Decodes what was read and reduces HTML to its article. */
export function decodeInput(raw: RawInput, options: IngestOptions = {}): Promise<Ingested> {
  return 'bytes' in raw ? fromBytes(raw.bytes, raw.origin, options) : build(raw.text, [], raw.origin, options);
}

async function fromBytes(bytes: Uint8Array, origin: Origin, options: IngestOptions): Promise<Ingested> {
  const binary = sniffBinary(bytes);
  if (binary) throw new UserError(`${origin.name} looks like a binary file (${binary}), not an article`);
  const html = origin.html || looksLikeHtml(new TextDecoder('latin1').decode(bytes.subarray(0, 2048)));
  const { text, encoding, by, replaced } = decodeText(bytes, { forced: options.encoding, declared: origin.charset, html });
  const warnings: Message[] = [];
  if (by === 'detected') warnings.push(warning('ingest', 'charset-detected', `${origin.name}: no charset declared and not UTF-8: read as ${encoding}, as detected (--encoding sets another)`));
  if (replaced > 0) {
    const hint = by === 'default' ? ' (the encoding could not be told: --encoding sets it)' : '';
    warnings.push(warning('ingest', 'bytes-replaced', `${origin.name}: ${replaced} invalid byte sequence${replaced === 1 ? ' was' : 's were'} replaced by U+FFFD${hint}`));
  }
  return build(text, warnings, origin, options);
}

async function build(raw: string, warnings: Message[], origin: Origin, options: IngestOptions): Promise<Ingested> {
  if (raw.length === 0) throw new UserError(`${origin.name}: the article is empty`);
  if (raw.trim() === '') throw new UserError(`${origin.name}: the article is only white space`);
  if (!/[\p{L}\p{N}]/u.test(raw)) throw new UserError(`${origin.name}: the article has no letters or digits, only marks, symbols or invisible characters`);
  const page = origin.html || looksLikeHtml(raw) ? extractArticle(raw) : undefined;
  if (page === null) throw new UserError(`no article text found in ${origin.name}`);
  const read = page?.text ?? raw;
  // page chrome is cut from the text every layer reads, and listed (unless the cut would leave no article)
  const kept = options.keepChrome ? null : removeChrome(read);
  const cut = kept && kept.removed.length > 0 && /[\p{L}\p{N}]/u.test(kept.text) ? kept : null;
  const text = cut?.text ?? read;
  const language = await detectLanguage(text);
  const languageNote = languageWarning(language);
  if (languageNote) warnings.push(warning('ingest', 'language', languageNote));

  const published = options.published
    ? { publishedAt: options.published, publishedAtSource: 'option' as const }
    : page?.publishedAt
      ? { publishedAt: page.publishedAt, publishedAtSource: page.publishedAtSource }
      : { publishedAt: null };
  if (published.publishedAt === null) {
    warnings.push(warning('ingest', NO_PUBLICATION_DATE, 'no publication date found: relative dates (yesterday, on Tuesday) are left unresolved; give one with --published YYYY-MM-DD'));
  }
  const outlet = page?.outlet ?? (origin.url ? hostOf(origin.url) : undefined);
  const dateline = findDateline(text);
  const info: DocumentInfo = {
    id: documentId(text),
    text,
    ...(page?.title ? { title: page.title } : {}),
    language,
    ...published,
    ...(origin.url ? { url: origin.url } : {}),
    ...(outlet ? { outlet } : {}),
    ...(page?.byline ? { byline: page.byline } : {}),
    ...(dateline ? { dateline } : {}),
    ...(cut ? { removed: cut.removed } : {}),
    // a file found to hold HTML is reported as HTML
    source: page && origin.source.kind === 'text' ? { ...origin.source, kind: 'html' } : origin.source,
  };
  return { info, warnings };
}

/** The stable document id: first 16 hex digits of the sha256 of the text. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function checkLength(text: string, name: string, maxBytes: number): void {
  // UTF-16 length is a cheap lower bound of the UTF-8 size; the exact size only when near the cap.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) {
    throw new UserError(tooBigMessage(name, Buffer.byteLength(text), maxBytes));
  }
}

/** Reads a regular file, refusing it before reading when it is over the cap. */
async function readFileCapped(path: string, maxBytes: number): Promise<Buffer> {
  const info = await stat(path).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw new UserError(`cannot read ${path}: ${err.code ?? err.message}`);
    const link = await lstat(path).catch(() => null);
    throw new UserError(link?.isSymbolicLink() ? `cannot read ${path}: a symbolic link to nothing` : `cannot read ${path}: no such file`);
  });
  if (info.isDirectory()) throw new UserError(`${path} is a folder, not an article`);
  // A FIFO or a device could block forever or never end: only regular files are read.
  if (!info.isFile()) throw new UserError(`${path} is ${specialKind(info)}, not a regular file: only files are read (use - for standard input)`);
  if (info.size > maxBytes) throw new UserError(tooBigMessage(path, info.size, maxBytes));
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${path}: ${err.code ?? err.message}`);
  });
  try {
    // at most maxBytes + 1, even if the file grew since stat
    return await readStream(handle.createReadStream({ end: maxBytes, autoClose: false }), path, maxBytes);
  } finally {
    await handle.close();
  }
}

function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

async function readStream(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) throw new UserError(tooBigMessage(name, null, maxBytes));
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
