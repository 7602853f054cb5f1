/**
 * `npm run bench:stories`: the cross-article indexes at 10k, 30k and 100k articles (analysis
 * excluded, as the articles' layers would come from the store): near-duplicate indexing rate and
 * query latency, claim matching per new article, and memory, with the growth read off the three
 * sizes. The articles are made here: sentences of words drawn from a Zipf-distributed vocabulary
 * of 20,000 words, English function words at its head and made-up words after them (so unrelated
 * articles share few 4-word runs, and unrelated sentences few content words, as real news does:
 * on the rewrite benchmark's real articles, two sentences of different articles have a mean
 * Jaccard of 0.0038 over their claim tokens), and one article in ten a rewrite of an earlier one
 * (a paragraph dropped, words swapped).
 */
import { performance } from 'node:perf_hooks';
import type { Analysis } from '../core/schema.js';
import { ClaimIndex, claimUnits } from '../stories/claims.js';
import { NearDuplicateIndex, sketch } from '../stories/near-duplicates.js';
import { rng } from '../stories/bench/transform.js';
import { STOP_WORDS } from '../stories/words.js';

const VOCABULARY = 20_000;

function vocabulary(r: () => number): string[] {
  // function words take the head of the ranks; with 40 of them, sentences of different articles
  // share as many claim tokens as real ones (mean Jaccard 0.0038 here and on the real articles)
  const head = [...STOP_WORDS].slice(0, 40);
  const syllables = ['ka', 'ro', 'vi', 'mel', 'sto', 'an', 'dur', 'pe', 'li', 'gor', 'ta', 'ne', 'shi', 'bra', 'ost', 'ul', 'zen', 'fa'];
  const words = new Set<string>(head);
  while (words.size < VOCABULARY) {
    let w = '';
    for (let n = 2 + Math.floor(r() * 3); n > 0; n--) w += syllables[Math.floor(r() * syllables.length)];
    words.add(w);
  }
  return [...words];
}

/** Zipf(1) over the vocabulary by inverse transform on precomputed cumulative weights. */
function zipf(r: () => number, n: number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / (i + 1);
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function* articles(count: number, seed: number): Generator<string> {
  const r = rng(seed);
  const vocab = vocabulary(r);
  const draw = zipf(r, VOCABULARY);
  const sentence = () => {
    const n = 12 + Math.floor(r() * 18);
    const ws = Array.from({ length: n }, () => vocab[draw()]!);
    return `${ws[0]!.charAt(0).toUpperCase()}${ws.join(' ').slice(1)}.`;
  };
  const kept: string[] = [];
  for (let i = 0; i < count; i++) {
    if (kept.length > 0 && r() < 0.1) {
      const paras = kept[Math.floor(r() * kept.length)]!.split('\n\n');
      paras.splice(1 + Math.floor(r() * (paras.length - 1)), 1);
      yield paras.join('\n\n').replace(/ [a-z]+ /, ` ${vocab[draw()]} `);
      continue;
    }
    const paras = Array.from({ length: 6 + Math.floor(r() * 10) }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, sentence).join(' '));
    const text = paras.join('\n\n');
    if (kept.length < 2000) kept.push(text);
    yield text;
  }
}

/** The layers claim matching reads, without running the pipeline: sentences at the full stops. */
function bareAnalysis(text: string): Analysis {
  const sentences: { start: number; end: number }[] = [];
  const re = /[^.\n]+\./g;
  for (let m = re.exec(text); m; m = re.exec(text)) sentences.push({ start: m.index, end: m.index + m[0].length });
  return { document: { text }, sentences, attributions: [], entities: [], techniques: [] } as unknown as Analysis;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function run(size: number): Record<string, number> {
  const near = new NearDuplicateIndex();
  const claims = new ClaimIndex();
  const rssBefore = process.memoryUsage().rss;
  let copies = 0;
  // only the indexes' own work is timed, not the making of the articles
  let indexMs = 0;
  let n = 0;
  for (const text of articles(size, 7)) {
    const t = performance.now();
    if (near.add(n++, sketch(text)).length > 0) copies++;
    indexMs += performance.now() - t;
  }
  let claimsMs = 0;
  n = 0;
  for (const text of articles(size, 7)) {
    const analysis = bareAnalysis(text);
    const t = performance.now();
    claims.add(claimUnits(n++, analysis));
    claimsMs += performance.now() - t;
  }
  const queries: number[] = [];
  const matching: number[] = [];
  n = size;
  for (const text of articles(1000, 8)) {
    let t1 = performance.now();
    near.query(sketch(text));
    queries.push(performance.now() - t1);
    t1 = performance.now();
    claims.add(claimUnits(n++, bareAnalysis(text)));
    matching.push(performance.now() - t1);
  }
  return {
    articles: size,
    copiesFound: copies,
    indexPerSec: Math.round(size / (indexMs / 1000)),
    claimIndexPerSec: Math.round(size / (claimsMs / 1000)),
    queryP50ms: +quantile(queries, 0.5).toFixed(3),
    queryP95ms: +quantile(queries, 0.95).toFixed(3),
    claimMatchP95ms: +quantile(matching, 0.95).toFixed(3),
    rssMB: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
  };
}

const sizes = (process.argv[2] ?? '10000,30000,100000').split(',').map(Number);
for (const size of sizes) {
  const row = run(size);
  console.log(JSON.stringify(row));
  global.gc?.();
}
