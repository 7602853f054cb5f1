/**
 * `corpus add`: articles from files and folders, URL lists, feeds and JSONL into a store. Each is
 * read (or fetched politely), deduplicated by canonical URL before fetching and by normalised
 * text before analysing, analysed once (worker threads) and committed on its own: a batch killed
 * at any point leaves every committed article whole, and the same `add` again skips them and does
 * the rest. A failed article is recorded with its reason and never stops the batch.
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { UserError } from '../core/errors.js';
import type { DocumentInfo } from '../core/schema.js';
import { normaliseDate } from '../ingest/dates.js';
import { decodeText, sniffBinary } from '../ingest/decode.js';
import type { Fetched } from '../ingest/fetch.js';
import { looksLikeHtml } from '../ingest/html.js';
import { expandInputs, ingest, type Ingested, type IngestOptions, type Input } from '../ingest/index.js';
import { NO_PUBLICATION_DATE } from '../ingest/types.js';
import { canonicalUrl, declaredCanonical, textHash } from './dedup.js';
import { FEED_TYPES, feedEntries } from './feeds.js';
import { OutletResolver } from './outlets.js';
import { PoliteFetcher, type PoliteOptions } from './polite.js';
import { AnalysisPool, defaultJobs } from './pool.js';
import type { CorpusStore, FetchState } from './store.js';

export interface AddSources {
  /** files, folders and URLs, as `analyze` takes them */
  paths?: string[];
  /** files of URLs, one a line ('#' starts a comment) */
  urlFiles?: string[];
  feeds?: string[];
  /** files of one article a line: { url?, text? | html?, title?, published?, outlet? } */
  jsonl?: string[];
}

export interface AddOptions extends PoliteOptions {
  /** analysis worker threads (default: the number of cores) */
  jobs?: number;
  budgetMs?: number;
  /** YYYY-MM-DD for every article (overrides what is found) */
  published?: string;
  onProgress?: (progress: AddProgress) => void;
  /** a line to show the user (a feed unchanged, a failed article) */
  onNote?: (line: string) => void;
}

export interface AddSummary {
  /** articles met (every file, URL, feed entry and JSONL line) */
  seen: number;
  added: number;
  /** already stored: same canonical URL or same text, or a page unchanged since it was stored */
  skipped: number;
  failed: number;
}

export interface AddProgress extends AddSummary {
  /** articles known so far (a feed adds its entries once read) */
  total: number;
  /** the article just finished */
  name: string;
}

/** One article to add, before it is read. */
type Item =
  | { kind: 'input'; input: Input; origin: string }
  | { kind: 'url'; url: string; origin: string; hints: Hints }
  | { kind: 'inline'; origin: string; text?: string; html?: string; url?: string; hints: Hints }
  /** a JSONL line that cannot be an article: it fails with its reason, in its turn */
  | { kind: 'bad'; origin: string; reason: string };

interface Hints {
  title?: string;
  published?: string;
  outlet?: string;
  /** a JSONL title or date is the user's word; a feed's only fills what the page lacks */
  override?: boolean;
}

/** An article read and ingested, ready to analyse. */
interface Prepared {
  ingested: Ingested;
  canonicalUrl?: string;
  outlet?: string;
  /** the validators to keep once it is stored */
  fetched?: { url: string; state: FetchState };
}

export async function addToCorpus(store: CorpusStore, sources: AddSources, options: AddOptions = {}): Promise<AddSummary> {
  const fetcher = new PoliteFetcher(options);
  const outlets = await OutletResolver.of(store);
  const pool = new AnalysisPool(Math.max(1, options.jobs ?? defaultJobs()), options.budgetMs);
  const summary: AddSummary = { seen: 0, added: 0, skipped: 0, failed: 0 };
  let total = await countItems(sources);
  const ingestOptions: IngestOptions = {
    ...(options.allowPrivate ? { allowPrivate: true } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.published ? { published: options.published } : {}),
  };
  const note = options.onNote ?? (() => undefined);
  const feedStates: [string, FetchState][] = [];

  const finish = (name: string) => options.onProgress?.({ ...summary, total, name });

  const fail = async (origin: string, err: unknown) => {
    summary.failed++;
    const reason = err instanceof UserError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
    await store.recordFailure(origin, reason);
    note(reason.includes(origin) ? reason : `${origin}: ${reason}`);
  };

  const processItem = async (item: Item): Promise<void> => {
    summary.seen++;
    try {
      const prepared = await prepare(item);
      if (!prepared) {
        summary.skipped++;
        await store.clearFailure(item.origin);
        return;
      }
      const { info, warnings } = prepared.ingested;
      const hash = textHash(info.text);
      if (await store.find({ textHash: hash, ...(prepared.canonicalUrl ? { canonicalUrl: prepared.canonicalUrl } : {}) })) {
        summary.skipped++;
        await store.clearFailure(item.origin);
      } else {
        const analysis = await pool.analyze(info, warnings);
        const put = await store.put({
          analysis,
          textHash: hash,
          origin: item.origin,
          ...(prepared.canonicalUrl ? { canonicalUrl: prepared.canonicalUrl } : {}),
          ...(prepared.outlet ? { outlet: prepared.outlet } : {}),
        });
        if (put.stored) summary.added++;
        else summary.skipped++;
      }
      if (prepared.fetched) await store.setFetchState(prepared.fetched.url, prepared.fetched.state);
    } catch (err) {
      await fail(item.origin, err);
    } finally {
      finish(item.origin);
    }
  };

  /** null: already stored (known canonical URL, or the page unchanged since) */
  const prepare = async (item: Item): Promise<Prepared | null> => {
    if (item.kind === 'input') {
      if (item.input.kind === 'url') return prepareUrl(item.input.url, {});
      const ingested = await ingest(item.input, ingestOptions);
      const canonical = item.input.kind === 'file' && /\.x?html?$/i.test(extname(item.input.path)) ? declaredCanonical(await readHead(item.input.path)) : undefined;
      return finishPrepared(ingested, canonical, {});
    }
    if (item.kind === 'url') return prepareUrl(item.url, item.hints);
    if (item.kind === 'bad') throw new UserError(`${item.origin}: ${item.reason}`);
    if (item.text === undefined && item.html === undefined) {
      if (!item.url) throw new UserError('a JSONL line needs "text", "html" or "url"');
      return prepareUrl(item.url, item.hints);
    }
    const input: Input = item.html !== undefined ? { kind: 'html', html: item.html, path: item.origin, ...(item.url ? { url: item.url } : {}) } : { kind: 'text', text: item.text!, path: item.origin };
    const ingested = await ingest(input, withHints(item.hints));
    if (item.url && !ingested.info.url) ingested.info.url = item.url;
    const canonical = (item.html !== undefined ? declaredCanonical(item.html, item.url) : undefined) ?? (item.url ? canonicalUrl(item.url) : undefined);
    return finishPrepared(ingested, canonical, item.hints);
  };

  const prepareUrl = async (url: string, hints: Hints): Promise<Prepared | null> => {
    const given = canonicalUrl(url);
    if (given && (await store.find({ canonicalUrl: given }))) return null;
    const known = await store.fetchState(url);
    const page = await fetcher.fetch(url, known);
    if (page.status === 304) return null;
    const ingested = await ingestPage(page, withHints(hints));
    const canonical = declaredCanonical(decodedHead(page), page.url) ?? canonicalUrl(page.url);
    const prepared = finishPrepared(ingested, canonical, hints);
    const state = { ...(page.etag ? { etag: page.etag } : {}), ...(page.lastModified ? { lastModified: page.lastModified } : {}) };
    return Object.keys(state).length > 0 ? { ...prepared, fetched: { url, state } } : prepared;
  };

  const withHints = (hints: Hints): IngestOptions =>
    hints.override && hints.published && !ingestOptions.published ? { ...ingestOptions, published: hints.published } : ingestOptions;

  const finishPrepared = (ingested: Ingested, canonical: string | undefined, hints: Hints): Prepared => {
    const info: DocumentInfo = ingested.info;
    if (hints.title && (hints.override || !info.title)) info.title = hints.title;
    if (hints.published && !hints.override && info.publishedAt === null && !ingestOptions.published) {
      info.publishedAt = hints.published;
      info.publishedAtSource = 'meta';
      ingested.warnings = ingested.warnings.filter((w) => w.rule !== NO_PUBLICATION_DATE);
    }
    const outlet = outlets.resolve({ ...(info.url ? { url: info.url } : {}), ...(hints.outlet ? { given: hints.outlet } : {}), ...(info.outlet ? { siteName: info.outlet } : {}) });
    return { ingested, ...(canonical ? { canonicalUrl: canonical } : {}), ...(outlet ? { outlet } : {}) };
  };

  async function* items(): AsyncGenerator<Item> {
    for (const input of await expandInputs(sources.paths ?? [])) {
      if (input.kind === 'stdin') throw new UserError("corpus add does not read stdin ('-'): give files, folders, --urls, --feed or --jsonl");
      const origin = input.kind === 'file' ? resolve(input.path) : input.kind === 'url' ? input.url : 'input';
      yield { kind: 'input', input, origin };
    }
    for (const file of sources.urlFiles ?? []) for (const url of await urlLines(file)) yield { kind: 'url', url, origin: url, hints: {} };
    for (const feed of sources.feeds ?? []) {
      summary.seen++; // the feed itself: it counts as failed when it cannot be read
      let entries;
      try {
        const known = await store.fetchState(feed);
        const page = await fetcher.fetch(feed, known, FEED_TYPES);
        if (page.status === 304) {
          note(`${feed}: unchanged since it was last read`);
          summary.skipped++;
          continue;
        }
        entries = feedEntries(decodeText(page.bytes, { declared: page.charset }).text, page.url);
        feedStates.push([feed, { ...(page.etag ? { etag: page.etag } : {}), ...(page.lastModified ? { lastModified: page.lastModified } : {}) }]);
        await store.clearFailure(feed);
      } catch (err) {
        await fail(feed, err);
        finish(feed);
        continue;
      }
      summary.seen--;
      total += entries.length - 1;
      for (const [i, e] of entries.entries()) {
        const hints: Hints = { ...(e.title ? { title: e.title } : {}), ...(e.published ? { published: e.published } : {}) };
        if (e.url) yield { kind: 'url', url: e.url, origin: e.url, hints };
        else if (e.text) yield { kind: 'inline', origin: `${feed}#${i + 1}`, text: e.text, hints };
      }
    }
    for (const file of sources.jsonl ?? []) yield* jsonlItems(file);
  }

  try {
    await runConcurrently(items(), Math.max(4, (options.jobs ?? defaultJobs()) * 3), processItem);
    // a feed is marked read only once all its entries are in: a killed batch reads it again
    for (const [feed, state] of feedStates) if (Object.keys(state).length > 0) await store.setFetchState(feed, state);
  } finally {
    await pool.close();
  }
  return summary;
}

/** Pulls items from `source`, at most `limit` in flight. */
async function runConcurrently<T>(source: AsyncIterator<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    const task: Promise<void> = work(next.value).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

/** Articles the sources name before any feed is read (a feed counts as one until then). */
async function countItems(sources: AddSources): Promise<number> {
  let n = (await expandInputs(sources.paths ?? [])).length + (sources.feeds?.length ?? 0);
  for (const file of sources.urlFiles ?? []) n += (await urlLines(file)).length;
  for (const file of sources.jsonl ?? []) n += await countLines(file);
  return n;
}

async function urlLines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message)}`);
  });
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '');
}

function lines(file: string): AsyncIterable<string> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  return createInterface({ input: stream, crlfDelay: Infinity });
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  try {
    for await (const line of lines(file)) if (line.trim() !== '') n++;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? (err as Error).message)}`);
  }
  return n;
}

/** One item per non-blank line; a line that is not an article object is an item that fails with its reason. */
async function* jsonlItems(file: string): AsyncGenerator<Item> {
  const path = resolve(file);
  let n = 0;
  for await (const line of lines(file)) {
    n++;
    if (line.trim() === '') continue;
    const origin = `${path}:${n}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      yield { kind: 'bad', origin, reason: 'not valid JSON' };
      continue;
    }
    const bad = jsonlProblem(record);
    if (bad) {
      yield { kind: 'bad', origin, reason: bad };
      continue;
    }
    const published = typeof record.published === 'string' ? normaliseDate(record.published) : null;
    const hints: Hints = {
      override: true,
      ...(typeof record.title === 'string' && record.title.trim() ? { title: record.title.trim() } : {}),
      ...(published ? { published } : {}),
      ...(typeof record.outlet === 'string' && record.outlet.trim() ? { outlet: record.outlet.trim() } : {}),
    };
    yield {
      kind: 'inline',
      origin,
      hints,
      ...(typeof record.text === 'string' ? { text: record.text } : {}),
      ...(typeof record.html === 'string' ? { html: record.html } : {}),
      ...(typeof record.url === 'string' ? { url: record.url } : {}),
    };
  }
}

function jsonlProblem(record: unknown): string | null {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'a JSONL line must be an object';
  const r = record as Record<string, unknown>;
  for (const key of ['url', 'text', 'html', 'title', 'published', 'outlet']) {
    if (r[key] !== undefined && typeof r[key] !== 'string') return `"${key}" must be a string`;
  }
  if (r.text === undefined && r.html === undefined && r.url === undefined) return 'a JSONL line needs "text", "html" or "url"';
  return null;
}

/** A fetched page -> Ingested, decoded as ingest decodes files. */
async function ingestPage(page: Fetched, options: IngestOptions): Promise<Ingested> {
  const binary = sniffBinary(page.bytes);
  if (binary) throw new UserError(`${page.url} looks like a binary file (${binary}), not an article`);
  const html = page.mediaType !== 'text/plain' && page.mediaType !== 'text/markdown';
  const { text } = decodeText(page.bytes, { declared: page.charset, html });
  const input: Input = html && (page.mediaType !== '' || looksLikeHtml(text)) ? { kind: 'html', html: text, url: page.url } : { kind: 'text', text };
  const ingested = await ingest(input, options);
  ingested.info.url = page.url;
  ingested.info.source = { kind: 'url', path: page.url };
  return ingested;
}

function decodedHead(page: Fetched): string {
  return decodeText(page.bytes.subarray(0, 65_536), { declared: page.charset, html: true }).text;
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return decodeText(buf.subarray(0, bytesRead), { html: true }).text;
  } finally {
    await handle.close();
  }
}
