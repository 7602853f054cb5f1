/**
 * `unspin eval rewrites`: builds the benchmark for a seed, analyses every article with the full
 * pipeline, adds them to a story index in a shuffled order (stories must not depend on the order
 * articles arrive in), and scores stories, alignment and each cross-article finding rule.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../analyze.js';
import { analyzeDocument } from '../../analyze.js';
import type { Analysis } from '../../core/schema.js';
import { sentencesAnalyzer } from '../../text/analyzers.js';
import { CORPUS_RULES, runCorpusRules } from '../findings/rules.js';
import { gazetteerNames } from '../gazetteer-names.js';
import { StoryIndex } from '../stories.js';
import type { CorpusFinding, Story } from '../types.js';
import { makeBenchmark, readSources, type BenchArticle, type Benchmark, type MakeOptions } from './make.js';
import { alignmentAccuracy, bcubed, pairwise, predictedStories, prf, type AlignmentScore, type PRF } from './score.js';
import { shuffle } from '../../learn/perceptron.js';
import { rng } from './transform.js';

export interface RewriteScores {
  seed: number;
  articles: number;
  rewrites: number;
  goldStories: number;
  predictedStories: number;
  pairwise: PRF;
  bcubed: PRF;
  alignment: AlignmentScore;
  rules: Record<string, PRF & { tp: number; fp: number; fn: number }>;
  /** findings between real articles the gold puts in one story (real reprints): not scored, listed */
  onRealReprints: number;
}

export function segmentOnly(text: string): { start: number; end: number }[] {
  const a = analyzeDocument({ id: 'x', text, language: 'en', publishedAt: null, source: { kind: 'text' } }, [], { analyzers: [sentencesAnalyzer] });
  return a.sentences;
}

export function loadReprints(path: string): string[][] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { groups: { files: string[]; reprint: boolean }[] };
  return data.groups.filter((g) => g.reprint).map((g) => g.files.map((f) => `warnews/articles/${f}`));
}

export async function evaluateRewrites(options: MakeOptions, progress?: (done: number, total: number) => void): Promise<RewriteScores> {
  const bench = makeBenchmark(readSources(), segmentOnly, options);
  const analyses = new Map<string, Analysis>();
  let done = 0;
  for (const a of bench.articles) {
    // the gold aligns the texts as made (page chrome and all): the analyses read them the same way
    analyses.set(a.id, await analyze({ kind: 'text', text: a.text }, { keepChrome: true, ...(a.publishedAt ? { published: a.publishedAt } : {}) }));
    progress?.(++done, bench.articles.length);
  }
  const stories = await storiesOf(bench, analyses);
  return score(bench, analyses, stories, runCorpusRules({ stories }));
}

export function storiesOf(bench: Benchmark, analyses: ReadonlyMap<string, Analysis>): Promise<Story[]> {
  const index = new StoryIndex({ names: gazetteerNames() });
  const r = rng(bench.seed ^ 0x5bd1e995);
  const order = shuffle([...bench.articles], r);
  for (const a of order) {
    index.add({ ref: { id: a.id, outlet: a.outlet, ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}), ...(a.path ? { path: a.path } : {}) }, analysis: analyses.get(a.id)! });
  }
  return index.stories((ref) => analyses.get(ref.id)!);
}

export function score(bench: Benchmark, analyses: ReadonlyMap<string, Analysis>, stories: Story[], findings: CorpusFinding[]): RewriteScores {
  const byId = new Map(bench.articles.map((a) => [a.id, a]));
  const gold = new Map(bench.articles.map((a) => [a.id, a.story]));
  const predicted = predictedStories(stories);
  const rewrites = bench.articles.filter((a) => a.rewriteOf);
  const originSentences = new Map(bench.articles.filter((a) => !a.rewriteOf).map((a) => [a.id, analyses.get(a.id)!.sentences]));

  // gold findings: (rule, rewrite, unit) for sentence rules, (rule, rewrite) for origin-uncited
  const goldKeys = new Set<string>();
  for (const rw of rewrites) {
    rw.units!.forEach((u, i) => u.gold.forEach((g) => goldKeys.add(`${g}|${rw.id}|${i}`)));
    if (!rw.credited) goldKeys.add(`origin-uncited|${rw.id}`);
  }
  const unitOf = (a: BenchArticle, span: { start: number; end: number }) => {
    let best = -1;
    let most = 0;
    a.units!.forEach((u, i) => {
      const o = Math.min(u.end, span.end) - Math.max(u.start, span.start);
      if (o > most) [best, most] = [i, o];
    });
    return best;
  };
  const predictedKeys = new Set<string>();
  let onRealReprints = 0;
  for (const f of findings) {
    const member = f.articles[1]!;
    const a = byId.get(member.id)!;
    if (!a.rewriteOf && gold.get(member.id) === gold.get(f.articles[0]!.id)) {
      onRealReprints++;
      continue;
    }
    if (f.rule === 'origin-uncited') {
      predictedKeys.add(`${f.rule}|${a.id}`);
      continue;
    }
    const span = f.spans.find((s) => s.article === a.id);
    predictedKeys.add(`${f.rule}|${a.id}|${a.units && span ? unitOf(a, span) : -1}`);
  }
  const rules: RewriteScores['rules'] = {};
  for (const rule of CORPUS_RULES) {
    const g = [...goldKeys].filter((k) => k.startsWith(`${rule.id}|`));
    const p = [...predictedKeys].filter((k) => k.startsWith(`${rule.id}|`));
    const tp = p.filter((k) => goldKeys.has(k)).length;
    rules[rule.id] = { ...prf(tp, p.length - tp, g.length - tp), tp, fp: p.length - tp, fn: g.length - tp };
  }
  return {
    seed: bench.seed,
    articles: bench.articles.length,
    rewrites: rewrites.length,
    goldStories: new Set(gold.values()).size,
    predictedStories: stories.length,
    pairwise: pairwise(gold, predicted),
    bcubed: bcubed(gold, predicted),
    alignment: alignmentAccuracy(rewrites, originSentences, stories, (id) => byId.get(id)!.text),
    rules,
    onRealReprints,
  };
}
