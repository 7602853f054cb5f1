/**
 * `npm run bench`: speed on a generated corpus (see corpus.ts). Prints words per second, ms per
 * article (p50, p95), peak RSS, words per second of each stage, the pipeline's own overhead, the
 * floor set by wink-nlp's tokenizer alone, and the cold start of `unspin analyze`.
 * A benchmark, not a test: it asserts nothing and never runs in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, analyzeDocument } from '../analyze.js';
import type { DocumentInfo } from '../core/schema.js';
import { countWords, generateArticle, generateCorpus } from './corpus.js';
import { seededRandom } from '../learn/perceptron.js';

/** Stages as the issues judge them: each group must keep up with the others. */
const STAGES: Record<string, string[]> = {
  'text (sentences, tokens, POS)': ['sentences', 'tokens'],
  'entities + places': ['entities', 'places'],
  'attributions + sourcing': ['attributions', 'sourcing'],
  techniques: ['techniques'],
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

async function main(): Promise<void> {
  const articles = generateCorpus(200, 42);
  const words = articles.reduce((sum, a) => sum + countWords(a), 0);
  const allText = articles.join('\n\n');
  console.log(`corpus: ${articles.length} generated articles, ${fmt(words)} words (seed 42)\n`);

  // The floor: wink-nlp's tokenizer alone over the same text.
  const tokenizer = winkNLP(model, []);
  const tokMs = timeIt(() => tokenizer.readDoc(allText).tokens().out());
  console.log(`wink-nlp tokenizer alone:        ${fmt((words / tokMs) * 1000)} words/s`);

  // The pipeline's own overhead: ingest (decoding, id, language), runner and report, no analyzers.
  const t0 = performance.now();
  for (const a of articles) await analyze({ kind: 'text', text: a }, { analyzers: [], published: '2025-12-15' });
  const overheadMs = performance.now() - t0;
  console.log(`pipeline overhead (no analyzers): ${fmt((words / overheadMs) * 1000)} words/s (ingest, runner, report)`);

  // Warm up: models load on first use; that cost belongs to the cold start below.
  analyzeDocument(info(articles[0]!, -1));

  const perArticle: number[] = [];
  const stageMs = new Map<string, number>();
  const totalMs = timeIt(() =>
    articles.forEach((a, i) => {
      let analysis!: ReturnType<typeof analyzeDocument>;
      perArticle.push(timeIt(() => (analysis = analyzeDocument(info(a, i), [], { budgetMs: 60_000 }))));
      for (const t of analysis.timings) stageMs.set(t.analyzer, (stageMs.get(t.analyzer) ?? 0) + t.ms);
    }),
  );
  perArticle.sort((x, y) => x - y);
  console.log(`full pipeline:                   ${fmt((words / totalMs) * 1000)} words/s`);
  console.log(`ms per article:                  p50 ${percentile(perArticle, 50).toFixed(1)}, p95 ${percentile(perArticle, 95).toFixed(1)}, max ${perArticle.at(-1)!.toFixed(1)}`);
  console.log(`peak RSS:                        ${fmt(process.resourceUsage().maxRSS / 1024)} MB\n`);

  console.log('stage                            words/s      total ms');
  for (const [stage, analyzers] of Object.entries(STAGES)) {
    const ran = analyzers.filter((a) => stageMs.has(a));
    if (ran.length === 0) {
      console.log(`${stage.padEnd(32)} (not in the pipeline)`);
      continue;
    }
    const ms = ran.reduce((sum, a) => sum + stageMs.get(a)!, 0);
    const missing = analyzers.filter((a) => !stageMs.has(a));
    console.log(`${stage.padEnd(32)} ${fmt((words / ms) * 1000).padStart(10)} ${ms.toFixed(0).padStart(12)}${missing.length ? `  (without ${missing.join(', ')})` : ''}`);
  }
  for (const [analyzer, ms] of stageMs) console.log(`  ${analyzer.padEnd(30)} ${fmt((words / ms) * 1000).padStart(10)} ${ms.toFixed(0).padStart(12)}`);

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
