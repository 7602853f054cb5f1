/**
 * `npm run bench`: speed on a generated corpus (see corpus.ts). Prints words per second, ms per
 * article (p50, p95), peak RSS, words per second of each stage (first pass and warm), the pipeline's own overhead, the
 * floor set by wink-nlp's tokenizer alone, and the cold start of `unspin analyze`.
 * A benchmark, not a test: it asserts nothing and never runs in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, analyzeDocument } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import type { Analyzer } from '../core/analyzer.js';
import type { DocumentInfo } from '../core/schema.js';
import { countWords, generateArticle, generateCorpus } from './corpus.js';
import { seededRandom } from '../learn/perceptron.js';

/** Stages as the issues judge them: each group must keep up with the others. */
const STAGES: Record<string, string[]> = {
  'text (sentences, tokens, POS)': ['sentences', 'tokens'],
  'entities + places': ['entities', 'places'],
  'attributions + sourcing': ['attributions', 'sourcing'],
  techniques: ['techniques', 'techniques-shown', 'technique-candidates', 'technique-summary'],
  'times + events + findings': ['times', 'events', 'findings'],
};

const info = (text: string, i: number): DocumentInfo => ({
  id: `bench-${i}`,
  text,
  language: 'en',
  publishedAt: '2025-12-15',
  source: { kind: 'text' },
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Spent {
  wallMs: number;
  cpuMs: number;
}

async function measure(fn: () => Promise<void>): Promise<Spent> {
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - w0, cpuMs: (c.user + c.system) / 1000 };
}

const rate = (words: number, spent: Spent) =>
  `${fmt((words / spent.cpuMs) * 1000)} words/s CPU, ${fmt((words / spent.wallMs) * 1000)} wall`;

/**
 * wink-nlp's tokenizer alone over `text`. Its instance holds ~20 MB of heap after reading the
 * corpus; made here, it is garbage once the floor is measured: V8 lets the heap grow to a multiple
 * (up to 4x) of what was live at its last major GC, so kept alive it raised the peak RSS printed
 * below by 10-90 MB, none of it the pipeline's.
 */
async function tokenizerFloor(text: string): Promise<Spent> {
  const tokenizer = winkNLP(model, []);
  return measure(async () => void tokenizer.readDoc(text).tokens().out());
}

async function main(): Promise<void> {
  const articles = generateCorpus(200, 42);
  const words = articles.reduce((sum, a) => sum + countWords(a), 0);
  const allText = articles.join('\n\n');
  console.log(`corpus: ${articles.length} generated articles, ${fmt(words)} words (seed 42)\n`);

  // The floor: wink-nlp's tokenizer alone over the same text.
  const tok = await tokenizerFloor(allText);
  console.log(`wink-nlp tokenizer alone:        ${rate(words, tok)}`);

  // The pipeline's own overhead: Doc, runner and report assembly with no analyzers, timed as the
  // stages are (after a one-article warm-up, then warm: the median of five passes, since one pass
  // takes about a millisecond); then ingest (decoding, id, language detection) apart, since its
  // cost is mostly fixed per article.
  const bare = () => measure(async () => void articles.forEach((a, i) => analyzeDocument(info(a, i), [], { analyzers: [] })));
  analyzeDocument(info(articles[0]!, -1), [], { analyzers: [] });
  const overheadFirst = await bare();
  const overheadWarm: Spent[] = [];
  for (let i = 0; i < 5; i++) overheadWarm.push(await bare());
  overheadWarm.sort((x, y) => x.cpuMs - y.cpuMs);
  console.log(`pipeline overhead, first pass:   ${rate(words, overheadFirst)}  (runner, report; no analyzers)`);
  console.log(`pipeline overhead, warm:         ${rate(words, overheadWarm[2]!)}  (median of 5 passes)`);
  const ingestOnly = await measure(async () => {
    for (const a of articles) await analyze({ kind: 'text', text: a }, { analyzers: [], published: '2025-12-15' });
  });
  console.log(`ingest + overhead:               ${rate(words, ingestOnly)}  (decoding, id, language detection)`);

  // Each analyzer timed in wall and CPU time: CPU time is what the process spends (with V8's
  // compiler and GC threads), whatever else the machine is doing; wall time is what a user waits
  // for on an idle machine. Two passes over the corpus: the first after a one-article warm-up (code
  // still being compiled, caches filling), the second warm, as in a long batch.
  const passes = [new Map<string, Spent>(), new Map<string, Spent>()];
  let stages = passes[0]!;
  const timed: Analyzer[] = defaultAnalyzers.map((a) => ({
    ...a,
    run: (doc, ctx) => {
      const w0 = performance.now();
      const c0 = process.cpuUsage();
      const layer = a.run(doc, ctx);
      const c = process.cpuUsage(c0);
      const spent = stages.get(a.name) ?? { wallMs: 0, cpuMs: 0 };
      spent.cpuMs += (c.user + c.system) / 1000;
      spent.wallMs += performance.now() - w0;
      stages.set(a.name, spent);
      return layer;
    },
  }));

  // Warm up: models load on first use; that cost belongs to the cold start below.
  analyzeDocument(info(articles[0]!, -1));

  const totals: Spent[] = [];
  let perArticle: number[] = [];
  for (const pass of passes) {
    stages = pass;
    perArticle = [];
    totals.push(
      await measure(async () => {
        articles.forEach((a, i) => {
          const w0 = performance.now();
          analyzeDocument(info(a, i), [], { analyzers: timed, budgetMs: 60_000 });
          perArticle.push(performance.now() - w0);
        });
      }),
    );
  }
  perArticle.sort((x, y) => x - y);
  console.log(`full pipeline, first pass:       ${rate(words, totals[0]!)}`);
  console.log(`full pipeline, warm:             ${rate(words, totals[1]!)}`);
  console.log(`ms per article (wall, warm):     p50 ${percentile(perArticle, 50).toFixed(1)}, p95 ${percentile(perArticle, 95).toFixed(1)}, max ${perArticle.at(-1)!.toFixed(1)}`);
  console.log(`peak RSS:                        ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(`load average at the end:         ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall figures suffer when it is high)\n`);

  console.log(`${'stage'.padEnd(32)} ${'words/s CPU'.padStart(12)} ${'CPU, warm'.padStart(12)} ${'wall, warm'.padStart(12)}`);
  const row = (name: string, analyzers: string[]) => {
    const ran = analyzers.filter((a) => passes[0]!.has(a));
    if (ran.length === 0) return console.log(`${name.padEnd(32)} (not in the pipeline)`);
    const speed = (pass: Map<string, Spent>, key: keyof Spent) => fmt((words / ran.reduce((acc, a) => acc + pass.get(a)![key], 0)) * 1000);
    console.log(`${name.padEnd(32)} ${speed(passes[0]!, 'cpuMs').padStart(12)} ${speed(passes[1]!, 'cpuMs').padStart(12)} ${speed(passes[1]!, 'wallMs').padStart(12)}`);
  };
  for (const [stage, analyzers] of Object.entries(STAGES)) row(stage, analyzers);
  for (const a of defaultAnalyzers) row(`  ${a.name}`, [a.name]);

  coldStart();
}

/** Wall time of `unspin analyze FILE --json` in a fresh process, on a 1,000-word article. */
function coldStart(): void {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-bench-'));
  try {
    const file = join(dir, 'article.txt');
    writeFileSync(file, generateArticle(1000, seededRandom(7)));
    const bin = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      runs.push(timeIt(() => execFileSync(process.execPath, [bin, 'analyze', file, '--json', '--published', '2025-12-15'], { stdio: ['ignore', 'ignore', 'inherit'] })));
    }
    runs.sort((x, y) => x - y);
    console.log(`\ncold start, unspin analyze on a ${countWords(generateArticle(1000, seededRandom(7)))}-word article: median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}, 5 runs)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
