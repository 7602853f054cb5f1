/**
 * `npm run bench:corpus`: the corpus store at 10k, 30k and 100k generated articles (SQLite).
 * One store grows through the three sizes; at each it reports the rate of storing and indexing
 * as `corpus add` does it once an article is analysed: packing the Analysis (JSON, Brotli, index
 * rows) on as many threads as there are cores, as the analysis workers do, and writing on the one
 * writer (dedup hash, the article, its packed Analysis, full text, names, places, techniques,
 * source kinds), whose queue commits what arrived together in one transaction (group commit);
 * then the rate with analysis added, the store's size, the latency of text, entity and radius
 * searches (p50, p95), and the peak RSS. CPU time is given beside wall time, since the machine
 * may be shared: the process's (all threads) and the writer thread's own.
 *
 * Analysing 100k articles on this machine would take hours, so a pool of generated articles is
 * analysed once (its rate is the "with analysis" cost per article) and each stored article is a
 * pool article with a line of its own appended: a text (and hash, id and full-text entry) of its
 * own, carrying its pool article's Analysis, whose spans stay valid since the text only grows at
 * the end. A benchmark, not a test: it asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeDocument } from '../analyze.js';
import type { Analysis, DocumentInfo } from '../core/schema.js';
import { textHash } from '../corpus/dedup.js';
import { placeIds } from '../corpus/place-names.js';
import type { SqlStore } from '../corpus/sql-store.js';
import { openSqliteStore } from '../corpus/sqlite.js';
import type { NewArticle, SearchQuery } from '../corpus/store.js';
import { documentId } from '../ingest/index.js';
import { seededRandom } from '../learn/perceptron.js';
import { countWords, generateCorpus } from './corpus.js';
import { publishedOn } from './store-articles.js';

const SIZES = (process.env.UNSPIN_BENCH_SIZES ?? '10000,30000,100000').split(',').map(Number);
const POOL = Number(process.env.UNSPIN_BENCH_POOL ?? 100);
const QUERIES = 200;
const THREADS = availableParallelism();
/**
 * articles a packing thread makes per request: few, so that what it makes dies young there (chunks
 * of 100 outlived the young generation, and grew each packing thread's heap by 70 MB)
 */
const CHUNK = 10;
/** requests a packing thread has open at once: the writer's queue holds up to THREADS x AHEAD x CHUNK articles (400, as many as before), committed together */
const AHEAD = 20;
/** the argument that makes this module the process analysing the pool */
const ANALYSE = '--analyse-pool';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function info(text: string, i: number): DocumentInfo {
  return { id: documentId(text), text, language: 'en', publishedAt: publishedOn(i), source: { kind: 'text' } };
}

/** What the child process analysing the pool sends back: the pool itself it writes to a file, for the packing threads. */
interface Analysed {
  analysisMs: number;
  /** names and points the pool's analyses found: what the searches look for */
  names: string[];
  points: { lat: number; lon: number }[];
}

/**
 * The pool analysed once in a child process, which writes it to `poolFile`, and the analysis time
 * per article: its models (and what the allocator keeps of them once freed) are not the store's
 * memory, nor is the pool, which only the packing threads read.
 */
function analysePool(texts: string[], poolFile: string): Promise<Analysed> {
  const child = fork(fileURLToPath(import.meta.url), [ANALYSE]);
  return new Promise((resolve, reject) => {
    child.once('message', (result) => {
      child.disconnect();
      resolve(result as Analysed);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the analysis process ended (${code}) before it sent the pool`)));
    child.send({ texts, poolFile });
  });
}

function analyseInThisProcess({ texts, poolFile }: { texts: string[]; poolFile: string }): void {
  analyzeDocument(info(texts[0]!, 0)); // models load once; that is the cold start, not the rate
  const t0 = performance.now();
  const pool: Analysis[] = texts.map((t, i) => analyzeDocument(info(t, i), [], { budgetMs: 60_000 }));
  const analysisMs = (performance.now() - t0) / texts.length;
  writeFileSync(poolFile, JSON.stringify(pool));
  const names = [...new Set(pool.flatMap((a) => a.entities.map((e) => e.name)))];
  const points = pool.flatMap((a) => a.entities.flatMap((e) => (e.place?.lat != null && e.place.lon != null ? [{ lat: e.place.lat, lon: e.place.lon }] : [])));
  process.send!({ analysisMs, names, points } satisfies Analysed);
}

/** the highest resident set size seen while storing, sampled after each chunk */
let storingRss = 0;

/** CPU ms of the main thread (the writer) so far: Linux's per-thread counters, undefined elsewhere. */
function writerCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * Stores articles from..to: each packing thread makes and packs the chunks it is asked for, up to
 * AHEAD of them ahead of the writer, which hashes and puts each as it arrives (put's queue commits
 * what arrived together).
 */
async function fill(store: SqlStore, workers: Worker[], from: number, to: number): Promise<void> {
  let next = from;
  const run = async (worker: Worker) => {
    // a thread answers its requests in order
    const waiting: ((articles: Omit<NewArticle, 'textHash'>[]) => void)[] = [];
    const answer = (articles: Omit<NewArticle, 'textHash'>[]) => waiting.shift()!(articles);
    worker.on('message', answer);
    const open: Promise<void>[] = [];
    while (next < to) {
      const range = { from: next, to: Math.min(to, next + CHUNK) };
      next = range.to;
      const made = new Promise<Omit<NewArticle, 'textHash'>[]>((resolve) => waiting.push(resolve));
      worker.postMessage(range);
      open.push(
        made.then(async (articles) => {
          await Promise.all(articles.map((a) => store.put({ ...a, textHash: textHash(a.analysis.document.text) })));
          storingRss = Math.max(storingRss, process.memoryUsage.rss());
        }),
      );
      if (open.length >= AHEAD) await open.shift();
    }
    await Promise.all(open);
    worker.off('message', answer);
  };
  await Promise.all(workers.map(run));
}

/**
 * The pool analysed, what the searches look for (names and places the pool's analyses found,
 * words of its texts), and the packing threads, which read the pool from its file.
 */
async function prepare(dir: string) {
  const texts = generateCorpus(POOL, 42);
  const words = texts.reduce((s, t) => s + countWords(t), 0);
  console.log(`pool: ${POOL} generated articles, ${fmt(words / POOL)} words on average (seed 42); sizes ${SIZES.map(fmt).join(', ')}`);
  const poolFile = join(dir, 'pool.json');
  const { analysisMs, names, points } = await analysePool(texts, poolFile);
  console.log(`analysis: ${analysisMs.toFixed(0)} ms per article on one thread (${fmt(1000 / analysisMs)} articles/s)\n`);
  const vocabulary = [...new Set(texts.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
  const ids = new Map(names.map((n) => [n, placeIds(n)]));
  const workers = Array.from({ length: THREADS }, () => new Worker(new URL('./store-worker.js', import.meta.url), { workerData: poolFile }));
  return { analysisMs, names, points, vocabulary, ids, workers };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-bench-store-'));
  const { analysisMs, names, points, vocabulary, ids, workers } = await prepare(dir);
  const file = join(dir, 'bench.db');
  const store = openSqliteStore(file);
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  console.log(`storing: ${THREADS} packing threads and one writer; rates in articles/s: wall clock, per CPU-second of the process, per CPU-second of the writer`);
  console.log(`${'articles'.padStart(9)} ${'stored/s'.padStart(9)} ${'CPU'.padStart(6)} ${'writer'.padStart(7)} ${'with analysis/s'.padStart(16)} ${'store'.padStart(8)} ${'per article'.padStart(12)}   search p50 / p95 ms: text, entity, near   ${'peak RSS'.padStart(9)}   load`);
  let stored = 0;
  const growth: Growth[] = [];
  try {
    for (const size of SIZES) {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      const writer0 = writerCpuMs();
      const from = stored;
      await fill(store, workers, from, size);
      stored = size;
      const storeMs = (performance.now() - start) / (size - from);
      const cpu = process.cpuUsage(cpu0);
      const storeCpuMs = (cpu.user + cpu.system) / 1000 / (size - from);
      const writer1 = writerCpuMs();
      const writerRate = writer0 === undefined || writer1 === undefined ? '-' : fmt((1000 * (size - from)) / (writer1 - writer0));
      const bytes = (await store.stats()).bytes;
      const latency = async (make: () => SearchQuery) => {
        const times: number[] = [];
        for (let q = 0; q < QUERIES; q++) {
          const query = make();
          const s = performance.now();
          await store.search(query);
          times.push(performance.now() - s);
        }
        times.sort((a, b) => a - b);
        return { p50: percentile(times, 50), p95: percentile(times, 95) };
      };
      const searches = [
        await latency(() => ({ text: `${pick(vocabulary)} ${pick(vocabulary)}` })),
        await latency(() => {
          const name = pick(names);
          return { entity: name, geonamesIds: ids.get(name) ?? [] };
        }),
        await latency(() => ({ near: { ...pick(points), km: 50 } })),
      ];
      const [text, entity, near] = searches.map((l) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)}`);
      const writerMs = writer0 === undefined || writer1 === undefined ? undefined : (writer1 - writer0) / (size - from);
      growth.push({ size, cpuMs: storeCpuMs, ...(writerMs !== undefined ? { writerMs } : {}), bytesPerArticle: bytes / size, p95: searches.map((l) => l.p95) });
      // analysis on every core, then packing and writing: what `add --jobs <cores>` could sustain
      const withAnalysis = 1000 / (storeMs + analysisMs / THREADS);
      console.log(
        `${fmt(size).padStart(9)} ${fmt(1000 / storeMs).padStart(9)} ${fmt(1000 / storeCpuMs).padStart(6)} ${writerRate.padStart(7)} ${withAnalysis.toFixed(1).padStart(16)} ${mb(bytes).padStart(8)} ${`${fmt(bytes / size / 1024)} KB`.padStart(12)}   ${text}, ${entity}, ${near}   ${mb(storingRss).padStart(9)}   ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    console.log(
      `\nstored/s: wall-clock rate over the articles added since the previous size; CPU: the same per second of the process's CPU time, all threads (${THREADS} idle cores give up to ${THREADS}x that, as long as the writer keeps up); writer: per second of the writer thread's CPU time (the most one writer can commit); with analysis: ${THREADS} analysis threads (--jobs ${THREADS}) then storing; peak RSS: the most resident memory seen while storing (the pool was analysed in a process of its own)`,
    );
    if (growth.length >= 2) console.log(extrapolation(growth));
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (rates suffer when it is high)`);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Growth {
  size: number;
  /** CPU ms per article, all threads */
  cpuMs: number;
  writerMs?: number;
  bytesPerArticle: number;
  /** search p95 ms: text, entity, near */
  p95: number[];
}

/** The growth from the first size to the last, and where it leads at 1M articles if it keeps its pace per tenfold. */
function extrapolation(growth: Growth[]): string {
  const first = growth[0]!;
  const last = growth.at(-1)!;
  const decades = Math.log10(last.size / first.size);
  const ahead = Math.log10(1_000_000 / last.size);
  const at1M = (a: number, b: number) => b * (b / a) ** (ahead / decades);
  const writer = first.writerMs !== undefined && last.writerMs !== undefined ? `, writer ${fmt(1000 / at1M(first.writerMs, last.writerMs))}/s` : '';
  const p95 = last.p95.map((p, i) => at1M(first.p95[i]!, p).toFixed(1)).join(' / ');
  return [
    `growth ${fmt(first.size)} -> ${fmt(last.size)}: CPU per article x${(last.cpuMs / first.cpuMs).toFixed(2)}, store per article x${(last.bytesPerArticle / first.bytesPerArticle).toFixed(2)}, search p95 x${last.p95.map((p, i) => (p / first.p95[i]!).toFixed(1)).join(' / ')} (text / entity / near)`,
    `at 1M, each cost growing per tenfold as it did here: ${fmt(1000 / at1M(first.cpuMs, last.cpuMs))} articles per CPU-second${writer}, store ${(at1M(first.bytesPerArticle, last.bytesPerArticle) * 1e6 / 1024 ** 3).toFixed(0)} GB, search p95 ${p95} ms`,
  ].join('\n');
}

if (process.argv.includes(ANALYSE)) process.once('message', (job) => analyseInThisProcess(job as { texts: string[]; poolFile: string }));
else await main();
