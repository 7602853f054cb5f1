/**
 * The rewrite benchmark: real articles from ../shared/data (warnews, PolNeAR, PTC) as origins, each
 * rewritten by the documented transformations of transform.ts, mixed with other real articles as
 * distractors (some of them real reprints of one another, as checked by hand in
 * test/gold/warnews-reprints.json). The gold is what the script did. Deterministic for a seed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../../core/paths.js';
import { shuffle } from '../../learn/perceptron.js';
import { CREDIT_LINES } from './lexicon.js';
import {
  changeNumber, dropAttribution, insertLoaded, launder, paraphrase, pick, removeHedge, rng, switchSpelling,
  type GoldRule, type Unit,
} from './transform.js';

export interface SourceArticle {
  /** path under ../shared/data */
  path: string;
  text: string;
  publishedAt: string | null;
}

export interface BenchArticle {
  id: string;
  text: string;
  outlet: string;
  publishedAt: string | null;
  path?: string;
  /** gold story: articles with the same value are one story */
  story: string;
  /** for a generated rewrite: its origin's id and, per rewrite sentence, where it came from */
  rewriteOf?: string;
  units?: { origin: number | null; start: number; end: number; gold: GoldRule[] }[];
  /** origin sentences the rewrite dropped */
  dropped?: number[];
  /** whether the rewrite names its origin's outlet */
  credited?: boolean;
}

export interface Benchmark {
  seed: number;
  articles: BenchArticle[];
}

/** Fictional outlet names: no real article's text names them, so a credit is one the script wrote. */
const OUTLETS = [
  'Northgate Wire', 'Eastern Courier', 'Baltic Ledger', 'Harbor Tribune', 'Meridian Post', 'Danube Herald',
  'Steppe Gazette', 'Carpathian Times', 'Atlas Dispatch', 'Riverside Chronicle', 'Sentinel Daily', 'Lantern News',
];

/** Reads the real articles the benchmark draws on. */
export function readSources(): SourceArticle[] {
  const out: SourceArticle[] = [];
  const warnews = sharedPath('data', 'warnews', 'articles');
  for (const f of readdirSync(warnews).sort()) {
    const m = /^(\d{4})(\d{2})(\d{2})T/.exec(f);
    out.push({ path: `warnews/articles/${f}`, text: readFileSync(join(warnews, f), 'utf8'), publishedAt: m ? `${m[1]}-${m[2]}-${m[3]}` : null });
  }
  const meta = new Map<string, string>();
  for (const line of readFileSync(sharedPath('data', 'polnear', 'metadata.tsv'), 'utf8').split('\n').slice(1)) {
    const c = line.split('\t');
    if (c[1] && c[5]) meta.set(c[1], c[5]);
  }
  for (const split of ['dev', 'train']) {
    const dir = sharedPath('data', 'polnear', split, 'text');
    for (const f of readdirSync(dir).sort()) {
      out.push({ path: `polnear/${split}/text/${f}`, text: readFileSync(join(dir, f), 'utf8'), publishedAt: meta.get(f.replace(/\.txt$/, '')) ?? null });
    }
  }
  const ptc = sharedPath('data', 'ptc', 'train-articles');
  for (const f of readdirSync(ptc).sort()) out.push({ path: `ptc/train-articles/${f}`, text: readFileSync(join(ptc, f), 'utf8').replace(/^\uFEFF/, ''), publishedAt: null });
  return out;
}

/** Sentences of an origin, as the analysis found them: what the alignment gold refers to. */
export type Segmenter = (text: string) => { start: number; end: number }[];

export interface MakeOptions {
  seed: number;
  origins: number;
  rewritesPerOrigin: number;
  distractors: number;
  /** groups of source paths that are real reprints of one another (hand-checked) */
  reprints: string[][];
}

const addDays = (day: string | null, n: number): string | null => {
  if (!day) return null;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function makeBenchmark(sources: readonly SourceArticle[], segment: Segmenter, o: MakeOptions): Benchmark {
  const r = rng(o.seed);
  const inReprint = new Map<string, number>();
  o.reprints.forEach((g, i) => g.forEach((p) => inReprint.set(p, i)));
  // origins: long enough to rewrite, not themselves a real reprint (their story's gold would be unclear)
  const usable = sources.filter((s) => !inReprint.has(s.path) && s.text.length > 800 && s.text.length < 20_000);
  const shuffled = shuffle([...usable], r);
  const origins = shuffled.slice(0, o.origins);
  const rest = sources.filter((s) => !origins.includes(s));
  const distractors = shuffle([...rest], r).slice(0, o.distractors);

  const articles: BenchArticle[] = [];
  origins.forEach((src, k) => {
    const id = `o${k}`;
    const outlet = pick(r, OUTLETS);
    const publishedAt = src.publishedAt ?? addDays('2020-01-01', k);
    articles.push({ id, text: src.text, outlet, publishedAt, path: src.path, story: id });
    const sentences = segment(src.text);
    for (let v = 0; v < o.rewritesPerOrigin; v++) {
      const other = OUTLETS.filter((x) => x !== outlet);
      articles.push(rewrite(src.text, sentences, { id: `${id}r${v}`, origin: id, outlet: pick(r, other), originOutlet: outlet, publishedAt: addDays(publishedAt, 1 + v), filler: pick(r, distractors.length ? distractors : origins), r, segment }));
    }
  });
  // distractors: real articles, each its own story unless a hand-checked reprint group joins them
  distractors.forEach((src, k) => {
    const group = inReprint.get(src.path);
    articles.push({ id: `d${k}`, text: src.text, outlet: pick(r, OUTLETS), publishedAt: src.publishedAt, path: src.path, story: group === undefined ? `d${k}` : `reprint${group}` });
  });
  return { seed: o.seed, articles };
}

interface RewriteContext {
  id: string;
  origin: string;
  outlet: string;
  originOutlet: string;
  publishedAt: string | null;
  /** a real article whose sentence the rewrite may add */
  filler: SourceArticle;
  r: () => number;
  segment: Segmenter;
}

function rewrite(text: string, sentences: { start: number; end: number }[], c: RewriteContext): BenchArticle {
  const { r } = c;
  // paragraphs: a blank line (or, in one-sentence-a-line texts, a line break) between sentences
  let paragraph = 0;
  const units: Unit[] = sentences.map((s, i) => {
    if (i > 0 && /\n\s*\n/.test(text.slice(sentences[i - 1]!.end, s.start))) paragraph++;
    return { origin: i, text: text.slice(s.start, s.end), paragraph, gold: new Set<GoldRule>() };
  });

  // trim: up to a fifth of the sentences after the lead
  const drop = Math.floor(r() * 0.2 * units.length);
  for (let i = 0; i < drop && units.length > 3; i++) units.splice(1 + Math.floor(r() * (units.length - 1)), 1);

  // sentence-level edits, each with its own chance, at most one per sentence
  const edits: [number, (u: Unit) => boolean][] = [
    [0.25, (u) => paraphrase(u, r)],
    [0.5, (u) => dropAttribution(u)],
    [0.35, (u) => launder(u, r)],
    [0.8, (u) => removeHedge(u)],
    [0.3, (u) => changeNumber(u, r)],
    [0.6, (u) => switchSpelling(u)],
    [0.06, (u) => insertLoaded(u, r)],
  ];
  for (const u of units) {
    for (const [p, edit] of shuffle([...edits], r)) {
      if (r() < p && edit(u)) break;
    }
  }

  // an added sentence from another real article
  if (r() < 0.5) {
    const fs = c.segment(c.filler.text);
    const s = fs[Math.floor(r() * fs.length)];
    if (s) units.splice(1 + Math.floor(r() * (units.length - 1)), 0, { origin: null, text: c.filler.text.slice(s.start, s.end), paragraph: units[0]!.paragraph, gold: new Set() });
  }

  // reorder the paragraphs after the lead
  const paras = [...new Set(units.map((u) => u.paragraph))];
  const order = paras.length > 2 && r() < 0.5 ? [paras[0]!, ...shuffle(paras.slice(1), r)] : paras;
  const ordered = order.flatMap((p) => units.filter((u) => u.paragraph === p));

  // credit the origin, unless this is the credit-removal transformation
  const credited = r() < 0.5;
  let out = '';
  const placed: NonNullable<BenchArticle['units']> = [];
  ordered.forEach((u, i) => {
    // a sentence with no closing punctuation (a headline, a list item) keeps its own line, as in the origin
    if (i > 0) out += u.paragraph !== ordered[i - 1]!.paragraph ? '\n\n' : /[.!?"”’)]$/.test(ordered[i - 1]!.text) ? ' ' : '\n';
    placed.push({ origin: u.origin, start: out.length, end: out.length + u.text.length, gold: [...u.gold] });
    out += u.text;
  });
  if (credited) {
    const line = pick(r, CREDIT_LINES)(c.originOutlet);
    out += '\n\n';
    placed.push({ origin: null, start: out.length, end: out.length + line.length, gold: [] });
    out += line;
  }
  const kept = new Set(units.map((u) => u.origin));
  return {
    id: c.id,
    text: out,
    outlet: c.outlet,
    publishedAt: c.publishedAt,
    story: c.origin,
    rewriteOf: c.origin,
    units: placed,
    dropped: sentences.map((_, i) => i).filter((i) => !kept.has(i)),
    credited,
  };
}
