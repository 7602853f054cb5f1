/**
 * Feature strings for the two trained models: the span tagger (one token in context, plus features
 * shared by the whole sentence, scored once per sentence) and the technique classifier (one span).
 */
import { type ArticleContext, isPunct, isQuoteMark, phraseCount } from './context.js';
import { loadClusters } from './clusters.js';
import { LEXICON_CLASSES } from './lexicons.js';

const CLASS_COUNT = LEXICON_CLASSES.length;

/** Fine and coarse word-cluster id of each token (as strings, 'u' for a word without one), computed once per article. */
interface TokenClusters {
  fine: string[];
  coarse: string[];
}
const CLUSTER_IDS = Array.from({ length: 1024 }, (_, i) => String(i));
const clusterCache = new WeakMap<ArticleContext, TokenClusters>();
function tokenClusters(ctx: ArticleContext): TokenClusters {
  let out = clusterCache.get(ctx);
  if (out) return out;
  const clusters = loadClusters();
  out = { fine: [], coarse: [] };
  for (const w of ctx.lower) {
    const c = clusters.get(w);
    out.fine.push(c ? (CLUSTER_IDS[c.fine] ?? String(c.fine)) : 'u');
    out.coarse.push(c ? (CLUSTER_IDS[c.coarse] ?? String(c.coarse)) : 'u');
  }
  clusterCache.set(ctx, out);
  return out;
}

/** XX (all capitals), Xx, x, d (digit) or p (anything else), from the first character. */
function shape(t: string): string {
  const c = t.charAt(0);
  if (c !== c.toLowerCase()) {
    if (t.length > 1) {
      let all = true;
      for (const ch of t) if (ch === ch.toLowerCase()) all = false;
      if (all) return 'XX';
    }
    return 'Xx';
  }
  if (c !== c.toUpperCase()) return 'x';
  return c >= '0' && c <= '9' ? 'd' : 'p';
}

const bin = (n: number, edges: readonly number[]) => {
  let b = 0;
  while (b < edges.length && n >= edges[b]!) b++;
  return b;
};

function pushMask(out: string[], prefix: string, mask: number): void {
  if (mask === 0) return;
  for (let c = 0; c < CLASS_COUNT; c++) if (mask & (1 << c)) out.push(prefix + c);
}

/** Words too common to say anything about a sentence on their own. */
const STOP = new Set(
  'the a an of to in and or for on at by with from as is are was were be been it its this that these those he she they we i you his her their our your has have had not but if then than so do does did will would can could should may might there which who whom what when where how'.split(
    ' ',
  ),
);

/** A word that says something on its own: not punctuation, not a function word, 3 letters or more. */
export const isContentWord = (w: string) => w.length > 2 && !STOP.has(w) && !isPunct(w);

/** Features of the sentence as a whole: each token of the sentence gets them. */
export function sentenceFeatures(ctx: ArticleContext, s: number): string[] {
  const out: string[] = ['sb'];
  const first = ctx.sentenceStart[s]!;
  const last = ctx.sentenceStart[s + 1]! - 1;
  const n = last - first + 1;
  out.push(`sl${bin(n, [4, 8, 15, 25, 40])}`);
  if (s === 0) out.push('title');
  pushMask(out, 'sm', ctx.sentenceMask[s]!);
  let hits = 0;
  let quotes = 0;
  for (let i = first; i <= last; i++) {
    const w = ctx.lower[i]!;
    if (ctx.lexMask[i]) hits++;
    if (isQuoteMark(w)) quotes++;
    if (w === '!' || w === '?') out.push(`s${w}`);
    if (isContentWord(w)) out.push(`sw=${w}`);
  }
  out.push(`sh${bin(hits, [1, 2, 4, 7])}`);
  if (quotes > 0) out.push('sq');
  out.push(...articleFeatures(ctx));
  return out;
}

const articleCache = new WeakMap<ArticleContext, string[]>();
/** The article's overall tone: how dense its lexicon hits, exclamations and questions are. */
function articleFeatures(ctx: ArticleContext): string[] {
  let out = articleCache.get(ctx);
  if (out) return out;
  const n = Math.max(1, ctx.tokens.length);
  let bangs = 0;
  let questions = 0;
  for (const w of ctx.lower) {
    if (w === '!') bangs++;
    else if (w === '?') questions++;
  }
  const perClass = new Uint16Array(CLASS_COUNT);
  for (const h of ctx.hits) perClass[h.cls]!++;
  out = [`ad${bin((ctx.hits.length * 100) / n, [2, 4, 6, 8, 11, 15])}`, `al${bin(n, [200, 400, 800, 1500])}`, `a!${bin(bangs, [1, 3])}`, `a?${bin(questions, [1, 3, 6])}`];
  perClass.forEach((k, c) => out!.push(`ac${c}=${bin((k * 1000) / n, [2, 5, 10, 20])}`));
  articleCache.set(ctx, out);
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a continued over `s`: mix(mix(OFFSET, a), b) equals the hash of the string a + b. */
function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash `hashFeature` (learn/perceptron.ts) gives the concatenation of the parts. */
export function featureHash(a: string, b = '', c = '', d = ''): number {
  return mix(mix(mix(mix(FNV_OFFSET, a), b), c), d) >>> 0;
}

const DIGITS = Array.from({ length: 16 }, (_, i) => String(i));
const RP_EDGES = [0.01, 0.2, 0.4, 0.6, 0.8, 0.99];
const REP_EDGES = [2, 3, 5, 8];

/**
 * Features of one token for the span tagger, as hashes of their strings (w=, p=, w-1=, ...):
 * the tagger reads every token, so no feature string is built on this path.
 */
export function tokenHashes(ctx: ArticleContext, i: number): number[] {
  const { lower, tokens } = ctx;
  const w = lower[i]!;
  const tok = tokens[i]!;
  const s = tok.sentence;
  const first = ctx.sentenceStart[s]!;
  const last = ctx.sentenceStart[s + 1]! - 1;
  const at = (k: number) => (k >= first && k <= last ? lower[k]! : k < first ? '<s>' : '</s>');
  const pos = (k: number) => (k >= first && k <= last ? tokens[k]!.pos : '-');
  const prev = at(i - 1);
  const next = at(i + 1);
  const cl = tokenClusters(ctx);
  const fine = (k: number) => (k >= first && k <= last ? cl.fine[k]! : '-');
  const coarse = (k: number) => (k >= first && k <= last ? cl.coarse[k]! : '-');
  const out = [
    featureHash('w=', w),
    featureHash('p=', tok.pos),
    featureHash('w-1=', prev),
    featureHash('w+1=', next),
    featureHash('w-2=', at(i - 2)),
    featureHash('w+2=', at(i + 2)),
    featureHash('ww-=', prev, '|', w),
    featureHash('ww+=', w, '|', next),
    featureHash('pp-=', pos(i - 1), '|', tok.pos),
    featureHash('pp+=', tok.pos, '|', pos(i + 1)),
    featureHash('p-1=', pos(i - 1)),
    featureHash('p+1=', pos(i + 1)),
    featureHash('sh=', shape(tok.text)),
    featureHash('suf=', w.slice(-3)),
    featureHash('c=', cl.fine[i]!),
    featureHash('cc=', cl.coarse[i]!),
    featureHash('c-1=', fine(i - 1)),
    featureHash('c+1=', fine(i + 1)),
    featureHash('cc-=', coarse(i - 1), '|', cl.coarse[i]!),
    featureHash('cc+=', cl.coarse[i]!, '|', coarse(i + 1)),
    featureHash('rp', DIGITS[bin((i - first) / Math.max(1, last - first), RP_EDGES)]!),
  ];
  hashMask(out, 'l=', ctx.lexMask[i]!);
  let before = 0;
  let after = 0;
  for (let k = Math.max(first, i - 3); k < i; k++) before |= ctx.lexMask[k]!;
  for (let k = i + 1; k <= Math.min(last, i + 3); k++) after |= ctx.lexMask[k]!;
  hashMask(out, 'l<', before);
  hashMask(out, 'l>', after);
  if (ctx.quoted[i]) out.push(featureHash('q'));
  if (isContentWord(w)) out.push(featureHash('rep', DIGITS[bin(ctx.counts.get(w) ?? 0, REP_EDGES)]!));
  return out;
}

function hashMask(out: number[], prefix: string, mask: number): void {
  if (mask === 0) return;
  for (let c = 0; c < CLASS_COUNT; c++) if (mask & (1 << c)) out.push(featureHash(prefix, DIGITS[c]!));
}

/**
 * Features of one span for the technique classifier (TC): those of spanFeatures plus the fine and
 * coarse word cluster of each of its words (TC micro-F1 0.602 -> 0.609 in 5-fold CV; the hull
 * classifier, a perceptron, is trained without them).
 */
export function classifierFeatures(ctx: ArticleContext, first: number, last: number): string[] {
  const out = spanFeatures(ctx, first, last);
  const cl = tokenClusters(ctx);
  for (let i = first; i <= last; i++) if (cl.fine[i] !== 'u') out.push(`cf=${cl.fine[i]}`, `cc=${cl.coarse[i]}`);
  return out;
}

/** Features of one span [first, last] (token indexes) for the hull classifier. */
export function spanFeatures(ctx: ArticleContext, first: number, last: number): string[] {
  const { lower, tokens } = ctx;
  const n = last - first + 1;
  const out: string[] = ['b', `n${bin(n, [2, 3, 4, 6, 9, 14, 21, 31])}`];
  const words: string[] = [];
  let mask = 0;
  let quoted = 0;
  let caps = 0;
  for (let i = first; i <= last; i++) {
    const w = lower[i]!;
    words.push(w);
    mask |= ctx.lexMask[i]!;
    if (ctx.quoted[i]) quoted++;
    if (shape(tokens[i]!.text) === 'XX') caps++;
    out.push(`w=${w}`);
    if (i < last) out.push(`bi=${w}|${lower[i + 1]}`);
    if (w === '!' || w === '?') out.push(`x${w}`);
    if (isContentWord(w)) out.push(`rw${bin(ctx.counts.get(w) ?? 0, [2, 3, 5, 8])}`);
  }
  if (n <= 6) out.push(`txt=${words.join(' ')}`);
  if (n <= 4) out.push(`pos=${tokens.slice(first, last + 1).map((t) => t.pos).join(' ')}`);
  out.push(`f=${lower[first]}`, `l=${lower[last]}`, `fp=${tokens[first]!.pos}`, `lp=${tokens[last]!.pos}`);
  out.push(`prev=${first > 0 ? lower[first - 1] : '<a>'}`, `next=${last + 1 < lower.length ? lower[last + 1] : '</a>'}`);
  pushMask(out, 'm', mask);
  const s0 = tokens[first]!.sentence;
  const s1 = tokens[last]!.sentence;
  if (s1 > s0) out.push(`ms${bin(s1 - s0, [2, 4])}`);
  pushMask(out, 'sm', ctx.sentenceMask[s0]!);
  if (s0 === 0) out.push('title');
  const sentenceLength = ctx.sentenceStart[s0 + 1]! - ctx.sentenceStart[s0]!;
  out.push(`cov${bin(n / Math.max(1, sentenceLength), [0.2, 0.5, 0.8, 0.95])}`);
  out.push(`rep${bin(phraseCount(ctx, first, last), [2, 3, 4, 6])}`);
  if (quoted === n) out.push('allq');
  else if (quoted > 0) out.push('someq');
  if (isQuoteMark(lower[first]!) || (first > 0 && isQuoteMark(lower[first - 1]!))) out.push('qstart');
  if (caps > 0) out.push('caps');
  return out;
}
