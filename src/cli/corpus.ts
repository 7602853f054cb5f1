/**
 * `unspin corpus <add|ls|show|search|export|reanalyze|rm|stats|outlet>` over a store named by
 * --store (or UNSPIN_STORE; default ./unspin.db; a postgres:// URL for PostgreSQL). Thin shells
 * over src/corpus: each opens the store, does one thing, closes it.
 */
import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';
import { addToCorpus, type AddProgress, type AddSources } from '../corpus/add.js';
import { exportCsv, exportStream } from '../corpus/export.js';
import { openStore, storeLocation } from '../corpus/open.js';
import { seedOutlets } from '../corpus/outlets.js';
import { defaultJobs } from '../corpus/pool.js';
import { placeIds } from '../corpus/place-names.js';
import { reanalyzeCorpus } from '../corpus/reanalyze.js';
import type { ArticleSummary, CorpusStore, SearchQuery } from '../corpus/store.js';
import { isIsoDay } from '../ingest/dates.js';
import { renderHtml } from '../report/html.js';
import { renderTerminal } from '../report/terminal.js';
import { registerCorpusStories } from './corpus-stories.js';
import { byteCount, positiveInteger, processIo, progressBars, type CliIo } from './analyze.js';

interface StoreFlag {
  store?: string;
}

export function registerCorpus(program: Command, io: CliIo = processIo()): void {
  const corpus = program
    .command('corpus')
    .description('keep many articles in a store, analysed once: add, ls, show, search, export, reanalyze, rm, stats, outlet')
    .option('--store <location>', 'an SQLite file or a postgres:// URL (default: $UNSPIN_STORE, else ./unspin.db)');
  const location = (cmd: Command) => storeLocation((cmd.optsWithGlobals() as StoreFlag).store, io.env ?? process.env);
  registerCorpusStories(corpus, (cmd, body) => withStore(location(cmd), body), io);

  corpus
    .command('add')
    .description('add articles: files and folders (and URLs), --urls FILE, --feed URL, --jsonl FILE')
    .argument('[inputs...]', 'text or HTML files, folders, http(s) URLs')
    .option('--urls <file>', 'a file of URLs, one a line', collect, [])
    .option('--feed <url>', 'an RSS or Atom feed: every entry it lists', collect, [])
    .option('--jsonl <file>', 'one article a line: {"url"?, "text"? | "html"?, "title"?, "published"?, "outlet"?}', collect, [])
    .option('--jobs <n>', 'analysis threads (default: the number of cores)', positiveInteger('--jobs'))
    .option('--published <date>', 'publication date of every article, YYYY-MM-DD')
    .option('--allow-private', 'let URLs reach loopback, private and link-local addresses')
    .option('--delay <ms>', 'ms between two requests to one host (default 1000)', nonNegativeInteger('--delay'))
    .option('--budget <ms>', 'time budget per article in ms', positiveInteger('--budget'))
    .option('--max-bytes <n>', 'largest article accepted (default 5M)', byteCount)
    .action(async (inputs: string[], flags: AddFlags, cmd: Command) => {
      if (flags.published !== undefined && !isIsoDay(flags.published)) throw new UsageError(`--published must be a real date written YYYY-MM-DD, not '${flags.published}'`);
      const sources: AddSources = { paths: inputs, urlFiles: flags.urls, feeds: flags.feed, jsonl: flags.jsonl };
      if (inputs.length + flags.urls.length + flags.feed.length + flags.jsonl.length === 0) throw new UsageError('corpus add needs files, folders, --urls, --feed or --jsonl');
      await withStore(location(cmd), async (store) => {
        const progress = reporter(io);
        const summary = await addToCorpus(store, sources, {
          jobs: flags.jobs ?? defaultJobs(),
          ...(flags.published ? { published: flags.published } : {}),
          ...(flags.allowPrivate ? { allowPrivate: true } : {}),
          ...(flags.delay !== undefined ? { delayMs: flags.delay } : {}),
          ...(flags.budget ? { budgetMs: flags.budget } : {}),
          ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
          onProgress: progress.update,
          onNote: progress.note,
        });
        progress.stop();
        io.stderr.write(`unspin: ${summary.added} added, ${summary.skipped} already stored, ${summary.failed} failed (of ${summary.seen})\n`);
        if (summary.failed > 0) throw new UserError(`${summary.failed} of ${summary.seen} failed: see unspin corpus ls --failed`);
      });
    });

  corpus
    .command('ls')
    .description('list stored articles (or --failed: those that could not be added, with the reason)')
    .option('--failed', 'the articles that failed, with their reasons')
    .option('--json', 'a JSON array')
    .option('--html <dir>', 'write each article’s HTML report into this folder')
    .option('--limit <n>', 'at most n articles', positiveInteger('--limit'))
    .option('--newest', 'the most recently added first')
    .action(async (flags: { failed?: boolean; json?: boolean; html?: string; limit?: number; newest?: boolean }, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        if (flags.failed) {
          const failures = await store.failures();
          if (flags.json) io.stdout.write(`${JSON.stringify(failures, null, 2)}\n`);
          else for (const f of failures) io.stdout.write(`${f.origin}\t${f.reason}\n`);
          return;
        }
        const listed = await store.list({ ...(flags.limit ? { limit: flags.limit } : {}), ...(flags.newest ? { newestFirst: true } : {}) });
        await printArticles(io, store, listed, flags);
      });
    });

  corpus
    .command('show')
    .description('print a stored article’s report, as analyze does')
    .argument('<id>', 'article id (or its first characters)')
    .option('--json', 'the Analysis as JSON')
    .option('--html <file>', 'write the HTML report to this file')
    .option('--no-color', 'plain terminal output')
    .action(async (id: string, flags: { json?: boolean; html?: string; color: boolean }, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        const article = await findArticle(store, id);
        if (flags.html) {
          await writeFile(flags.html, renderHtml(article.analysis));
          io.stderr.write(`unspin: wrote ${flags.html}\n`);
        }
        if (flags.json) io.stdout.write(`${JSON.stringify(article.analysis, null, 2)}\n`);
        else if (!flags.html) {
          const color = flags.color && !(io.env ?? process.env).NO_COLOR && Boolean(io.stdout.isTTY);
          io.stdout.write(`${renderTerminal(article.analysis, { color })}\n`);
        }
      });
    });

  corpus
    .command('search')
    .description('find stored articles: words and "phrases", and filters that all apply')
    .argument('[text...]', 'words (all must occur) and "quoted phrases"')
    .option('--entity <name>', 'a name, in any spelling (a place name finds the place)')
    .option('--near <lat,lon,km>', 'a place mentioned within km of the point', nearPoint)
    .option('--outlet <name>', 'outlet domain or name')
    .option('--from <date>', 'published on or after YYYY-MM-DD', isoDay('--from'))
    .option('--to <date>', 'published on or before YYYY-MM-DD', isoDay('--to'))
    .option('--technique <name>', 'a persuasion technique, spelled as in the report (Loaded_Language)')
    .option('--source-kind <kind>', 'a kind of source cited: anonymous, named-person, outlet...')
    .option('--limit <n>', 'at most n articles (default 50)', positiveInteger('--limit'))
    .option('--json', 'a JSON array')
    .action(async (text: string[], flags: SearchFlags, cmd: Command) => {
      const query: SearchQuery = {
        ...(text.length > 0 ? { text: text.join(' ') } : {}),
        ...(flags.entity ? { entity: flags.entity, geonamesIds: placeIds(flags.entity) } : {}),
        ...(flags.near ? { near: flags.near } : {}),
        ...(flags.outlet ? { outlet: flags.outlet } : {}),
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.technique ? { technique: flags.technique } : {}),
        ...(flags.sourceKind ? { sourceKind: flags.sourceKind } : {}),
        ...(flags.limit ? { limit: flags.limit } : {}),
      };
      if (Object.keys(query).filter((k) => k !== 'limit').length === 0) throw new UsageError('corpus search needs words or a filter (--entity, --near, --outlet, --from, --to, --technique, --source-kind)');
      await withStore(location(cmd), async (store) => printArticles(io, store, await store.search(query), flags));
    });

  corpus
    .command('export')
    .description('the stored corpus as JSONL (one Analysis a line), CSV (a table per layer, in a folder) or GeoJSON (a point per place)')
    .requiredOption('--format <format>', 'jsonl, csv or geojson')
    .option('--out <path>', 'a file (jsonl, geojson; default: stdout) or, for csv, a folder (required)')
    .action(async (flags: { format: string; out?: string }, cmd: Command) => {
      const format = flags.format.toLowerCase();
      if (format !== 'jsonl' && format !== 'csv' && format !== 'geojson') throw new UsageError(`--format must be jsonl, csv or geojson, not '${flags.format}'`);
      if (format === 'csv' && !flags.out) throw new UsageError('--format csv writes a table per layer: give the folder with --out DIR');
      await withStore(location(cmd), async (store) => {
        if (format === 'csv') {
          const counts = await exportCsv(store, flags.out!);
          io.stderr.write(`unspin: wrote ${Object.entries(counts).map(([t, n]) => `${t}.csv (${n})`).join(', ')} in ${flags.out}\n`);
          return;
        }
        if (!flags.out) return void (await exportStream(store, format, io.stdout));
        const file = createWriteStream(flags.out);
        const n = await exportStream(store, format, file);
        await new Promise<void>((resolve, reject) => file.end((err?: Error | null) => (err ? reject(err) : resolve())));
        io.stderr.write(`unspin: wrote ${n} ${format === 'jsonl' ? 'articles' : 'places'} to ${flags.out}\n`);
      });
    });

  corpus
    .command('reanalyze')
    .description('bring stored Analyses up to date: recompute only the layers whose analyzer version or model changed since they were stored')
    .option('--jobs <n>', 'analysis threads (default: the number of cores)', positiveInteger('--jobs'))
    .option('--budget <ms>', 'time budget per article in ms', positiveInteger('--budget'))
    .option('--dry-run', 'count what is stale; change nothing')
    .option('--json', 'the counts as JSON')
    .action(async (flags: { jobs?: number; budget?: number; dryRun?: boolean; json?: boolean }, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        let shown = 0;
        const summary = await reanalyzeCorpus(store, {
          jobs: flags.jobs ?? defaultJobs(),
          ...(flags.budget ? { budgetMs: flags.budget } : {}),
          ...(flags.dryRun ? { dryRun: true } : {}),
          onProgress: (p) => {
            const done = p.upToDate + p.reanalysed + p.failed;
            if (done - shown >= 100) {
              shown = done - (done % 100);
              io.stderr.write(`unspin: ${done}/${p.articles}: ${p.reanalysed} ${flags.dryRun ? 'stale' : 'reanalysed'}, ${p.upToDate} up to date, ${p.failed} failed\n`);
            }
          },
          onNote: (line) => void io.stderr.write(`unspin: ${line}\n`),
        });
        if (flags.json) io.stdout.write(`${JSON.stringify({ ...summary, dryRun: Boolean(flags.dryRun) }, null, 2)}\n`);
        const layers = Object.entries(summary.layers)
          .map(([layer, n]) => `${layer} ${n}`)
          .join(', ');
        io.stderr.write(
          `unspin: ${summary.upToDate} up to date, ${summary.reanalysed} ${flags.dryRun ? 'stale' : 'reanalysed'}, ${summary.failed} failed (of ${summary.articles})${layers ? `; ${flags.dryRun ? 'stale layers' : 'layers recomputed'}: ${layers}` : ''}\n`,
        );
        if (summary.failed > 0) throw new UserError(`${summary.failed} of ${summary.articles} could not be reanalysed: they keep their earlier Analysis; run reanalyze again to retry`);
      });
    });

  corpus
    .command('rm')
    .description('remove stored articles')
    .argument('<ids...>', 'article ids (or their first characters)')
    .action(async (ids: string[], _flags: unknown, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        for (const id of ids) {
          const article = await findArticle(store, id);
          await store.remove(article.id);
          io.stderr.write(`unspin: removed ${article.id}\n`);
        }
      });
    });

  corpus
    .command('stats')
    .description('what the store holds: articles, failures, outlets, languages, dates, size')
    .option('--json', 'as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        const stats = await store.stats();
        if (flags.json) return void io.stdout.write(`${JSON.stringify({ backend: store.backend, ...stats }, null, 2)}\n`);
        const lines = [
          `store: ${store.backend}, ${formatBytes(stats.bytes)}`,
          `articles: ${stats.articles} (${stats.failed} failed to add)`,
          `published: ${stats.published.from ?? '?'} to ${stats.published.to ?? '?'}`,
          `languages: ${stats.languages.map((l) => `${l.language} ${l.articles}`).join(', ') || '-'}`,
          'outlets:',
          ...stats.outlets.slice(0, 20).map((o) => `  ${String(o.articles).padStart(7)}  ${o.outlet || '(unknown)'}`),
        ];
        io.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  const outlet = corpus.command('outlet').description('outlet records: domain, name, country, kind');
  outlet
    .command('set')
    .description('add or change an outlet record (yours win over the lexicon)')
    .argument('<domain>', 'the site’s domain, e.g. example.org')
    .requiredOption('--name <name>', 'the outlet’s name')
    .option('--country <cc>', 'ISO 3166-1 alpha-2 code of its home country')
    .option('--kind <kind>', 'wire-agency, state-media, public-broadcaster, independent, private...')
    .action(async (domain: string, flags: { name: string; country?: string; kind?: string }, cmd: Command) => {
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) throw new UsageError(`'${domain}' is not a domain such as example.org`);
      if (flags.country && !/^[A-Za-z]{2}$/.test(flags.country)) throw new UsageError(`--country must be a two-letter code, not '${flags.country}'`);
      await withStore(location(cmd), (store) =>
        store.setOutlet({ domain, name: flags.name, ...(flags.country ? { country: flags.country.toUpperCase() } : {}), ...(flags.kind ? { kind: flags.kind } : {}) }),
      );
    });
  outlet
    .command('ls')
    .description('list outlet records')
    .option('--json', 'as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      await withStore(location(cmd), async (store) => {
        const outlets = await store.outlets();
        if (flags.json) return void io.stdout.write(`${JSON.stringify(outlets, null, 2)}\n`);
        for (const o of outlets) io.stdout.write(`${o.domain}\t${o.name}\t${o.country ?? ''}\t${o.kind ?? ''}\t${o.source}\n`);
      });
    });
}

interface AddFlags {
  urls: string[];
  feed: string[];
  jsonl: string[];
  jobs?: number;
  published?: string;
  allowPrivate?: boolean;
  delay?: number;
  budget?: number;
  maxBytes?: number;
}

interface SearchFlags {
  entity?: string;
  near?: { lat: number; lon: number; km: number };
  outlet?: string;
  from?: string;
  to?: string;
  technique?: string;
  sourceKind?: string;
  limit?: number;
  json?: boolean;
  html?: string;
}

/** Opens the store (with the outlet lexicon written in), runs `body`, always closes it. */
export async function withStore<T>(location: string, body: (store: CorpusStore) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    await seedOutlets(store);
    return await body(store);
  } finally {
    await store.close();
  }
}

async function findArticle(store: CorpusStore, id: string) {
  const article = await store.get(id);
  if (!article) throw new UserError(`no stored article has the id ${id} (or it names more than one: give more characters)`);
  return article;
}

/** One line per article (id, date, outlet, title), a JSON array, or HTML reports in a folder. */
async function printArticles(io: CliIo, store: CorpusStore, listed: ArticleSummary[], flags: { json?: boolean; html?: string }): Promise<void> {
  if (flags.html) {
    await mkdir(flags.html, { recursive: true });
    for (const summary of listed) {
      const article = await store.get(summary.id);
      if (article) await writeFile(join(flags.html, `${summary.id}.html`), renderHtml(article.analysis));
    }
    io.stderr.write(`unspin: wrote ${listed.length} reports in ${flags.html}\n`);
  }
  if (flags.json) io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  else if (!flags.html) {
    for (const a of listed) io.stdout.write(`${a.id}  ${a.published ?? '----------'}  ${(a.outlet ?? '-').padEnd(20)}  ${a.title ?? a.url ?? a.origin}\n`);
  }
}

/** A bar on a terminal; otherwise a line every 100 articles. Notes (failures) print above the bar. */
function reporter(io: CliIo): { update: (p: AddProgress) => void; note: (line: string) => void; stop: () => void } {
  if (io.stderr.isTTY) {
    const bars = progressBars({ stream: io.stderr, format: ' {bar} {value}/{total} added {added}, skipped {skipped}, failed {failed}', hideCursor: true });
    const bar = bars.create(0, 0, { added: 0, skipped: 0, failed: 0 });
    return {
      update: (p) => {
        bar.setTotal(p.total);
        bar.update(p.added + p.skipped + p.failed, { added: p.added, skipped: p.skipped, failed: p.failed });
      },
      note: (line) => {
        bars.log(`unspin: ${line}\n`);
        bars.update();
      },
      stop: () => bars.stop(),
    };
  }
  let shown = 0;
  return {
    update: (p) => {
      const done = p.added + p.skipped + p.failed;
      if (done - shown >= 100) {
        shown = done - (done % 100);
        io.stderr.write(`unspin: ${done}/${p.total}: ${p.added} added, ${p.skipped} already stored, ${p.failed} failed\n`);
      }
    },
    note: (line) => void io.stderr.write(`unspin: ${line}\n`),
    stop: () => undefined,
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function nonNegativeInteger(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${flag} must be a whole number, not '${value}'`);
    return Number(value);
  };
}

function isoDay(flag: string): (value: string) => string {
  return (value) => {
    if (!isIsoDay(value)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD, not '${value}'`);
    return value;
  };
}

function nearPoint(value: string): { lat: number; lon: number; km: number } {
  const parts = value.split(',').map((p) => p.trim());
  const [lat, lon, km] = parts.map(Number) as [number, number, number];
  if (parts.length !== 3 || parts.some((p) => p === '' || !Number.isFinite(Number(p))) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || km <= 0) {
    throw new UsageError(`--near must be LAT,LON,KM (e.g. 49.99,36.23,50), not '${value}'`);
  }
  return { lat, lon, km };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
