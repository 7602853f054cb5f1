/**
 * `npm run bench:corpus`: the corpus store at 10k, 30k and 100k generated articles (SQLite).
 * One store grows through the three sizes; at each it reports the rate of storing and indexing
 * (dedup hash, packed Analysis, full text, names, places, techniques, source kinds; one
 * transaction per article, as `add` commits), the rate with analysis added, the store's size, the
 * latency of text, entity and radius searches (p50, p95), and the peak RSS.
 *
 * Analysing 100k articles on this machine would take hours, so a pool of generated articles is
 * analysed once (its rate is the "with analysis" cost per article) and each stored article is a
 * pool article with a line of its own appended: a text (and hash, id and full-text entry) of its
 * own, carrying its pool article's Analysis, whose spans stay valid since the text only grows at
 * the end. A benchmark, not a test: it asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../analyze.js';
import type { Analysis, DocumentInfo } from '../core/schema.js';
import { textHash } from '../corpus/dedup.js';
import { placeIds } from '../corpus/place-names.js';
import { openSqliteStore } from '../corpus/sqlite.js';
import type { SearchQuery } from '../corpus/store.js';
import { documentId } from '../ingest/index.js';
import { seededRandom } from '../learn/perceptron.js';
import { countWords, generateCorpus } from './corpus.js';

const SIZES = (process.env.UNSPIN_BENCH_SIZES ?? '10000,30000,100000').split(',').map(Number);
const POOL = Number(process.env.UNSPIN_BENCH_POOL ?? 100);
const QUERIES = 200;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function info(text: string, i: number): DocumentInfo {
  return { id: documentId(text), text, language: 'en', publishedAt: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`, source: { kind: 'text' } };
}

async function main(): Promise<void> {
  const texts = generateCorpus(POOL, 42);
  const words = texts.reduce((s, t) => s + countWords(t), 0);
  console.log(`pool: ${POOL} generated articles, ${fmt(words / POOL)} words on average (seed 42); sizes ${SIZES.map(fmt).join(', ')}`);
  analyzeDocument(info(texts[0]!, 0)); // models load once; that is the cold start, not the rate
  const t0 = performance.now();
  const pool: Analysis[] = texts.map((t, i) => analyzeDocument(info(t, i), [], { budgetMs: 60_000 }));
  const analysisMs = (performance.now() - t0) / POOL;
  console.log(`analysis: ${analysisMs.toFixed(0)} ms per article on one thread (${fmt(1000 / analysisMs)} articles/s)\n`);

  // what the searches look for: names and places the pool's analyses found
  const names = [...new Set(pool.flatMap((a) => a.entities.map((e) => e.name)))];
  const points = pool.flatMap((a) => a.entities.flatMap((e) => (e.place?.lat != null && e.place.lon != null ? [{ lat: e.place.lat, lon: e.place.lon }] : [])));
  const vocabulary = [...new Set(texts.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
  const ids = new Map(names.map((n) => [n, placeIds(n)]));

  const dir = mkdtempSync(join(tmpdir(), 'unspin-bench-store-'));
  const file = join(dir, 'bench.db');
  const store = openSqliteStore(file);
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  console.log(`${'articles'.padStart(9)} ${'stored/s'.padStart(9)} ${'CPU'.padStart(6)} ${'with analysis/s'.padStart(16)} ${'store'.padStart(8)} ${'per article'.padStart(12)}   search p50 / p95 ms: text, entity, near   ${'peak RSS'.padStart(9)}`);
  let stored = 0;
  try {
    for (const size of SIZES) {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      const from = stored;
      for (; stored < size; stored++) {
        const base = pool[stored % POOL]!;
        const text = `${base.document.text}\n\nBench article ${stored}.`;
        const analysis: Analysis = { ...base, document: { ...base.document, text, id: documentId(text), publishedAt: info(text, stored).publishedAt } };
        await store.put({ analysis, textHash: textHash(text), origin: `bench:${stored}`, outlet: pick(['reuters.com', 'tass.com', 'kyivindependent.com', 'bbc.co.uk']) });
      }
      const storeMs = (performance.now() - start) / (size - from);
      const cpu = process.cpuUsage(cpu0);
      const storeCpuMs = (cpu.user + cpu.system) / 1000 / (size - from);
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
        return `${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)}`;
      };
      const text = await latency(() => ({ text: `${pick(vocabulary)} ${pick(vocabulary)}` }));
      const entity = await latency(() => {
        const name = pick(names);
        return { entity: name, geonamesIds: ids.get(name) ?? [] };
      });
      const near = await latency(() => ({ near: { ...pick(points), km: 50 } }));
      const withAnalysis = 1000 / (storeMs + analysisMs);
      console.log(
        `${fmt(size).padStart(9)} ${fmt(1000 / storeMs).padStart(9)} ${fmt(1000 / storeCpuMs).padStart(6)} ${withAnalysis.toFixed(1).padStart(16)} ${mb(bytes).padStart(8)} ${`${fmt(bytes / size / 1024)} KB`.padStart(12)}   ${text}, ${entity}, ${near}   ${mb(process.resourceUsage().maxRSS * 1024).padStart(9)}`,
      );
    }
    console.log(`\nstored/s: wall-clock rate over the articles added since the previous size; CPU: the same per second of this process's CPU time (what an idle core gives); with analysis: one analysis thread (--jobs N runs N)`);
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (rates suffer when it is high)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
