/**
 * What a technique detector is (one file each in this folder, listed in index.ts): a small
 * pattern over tokens, POS tags and our lexicons that marks a span with its technique and says
 * why. Detectors work on tokens (no regular expression runs over the article), with bounded
 * look-ahead, so their cost is linear in the article. The helpers below are what they share.
 */
import type { RuleMeta } from '../../core/rule.js';
import { type ArticleContext, isPunct } from '../context.js';
import { LEXICON_CLASSES, type LexiconClass } from '../lexicons.js';
import type { TechniqueName } from '../names.js';

/** One span a detector marks: its first and last token, and why (the cue a reader can check). */
export interface RuleHit {
  first: number;
  last: number;
  cue: string;
  /** the hit's technique, for a detector that marks several (its `technique` is null) */
  technique?: TechniqueName;
}

export interface TechniqueRule extends RuleMeta {
  /** the technique its spans are marked with; null when each hit names its own (a lexicon of several) */
  technique: TechniqueName | null;
  /**
   * The share of its spans that overlap a gold span of its technique on the 371 PTC training
   * articles (measured; PTC marks few of the words a rule can see, hence the low values).
   */
  confidence: number;
  find(ctx: ArticleContext): RuleHit[];
}

const bit = (c: LexiconClass) => 1 << LEXICON_CLASSES.indexOf(c);
export const has = (ctx: ArticleContext, i: number, c: LexiconClass) => i >= 0 && i < ctx.tokens.length && (ctx.lexMask[i]! & bit(c)) !== 0;
export const sameSentence = (ctx: ArticleContext, a: number, b: number) => ctx.tokens[a]!.sentence === ctx.tokens[b]!.sentence;
export const words = (ctx: ArticleContext, first: number, last: number) => ctx.text.slice(ctx.tokens[first]!.start, ctx.tokens[last]!.end);
const NOUNS = new Set(['NOUN', 'PROPN']);

/** Extends right over the nouns that follow, in the same sentence (at most `max`). */
export function nounTail(ctx: ArticleContext, i: number, max = 3): number {
  let j = i;
  while (j + 1 < ctx.tokens.length && j - i < max && sameSentence(ctx, i, j + 1) && NOUNS.has(ctx.tokens[j + 1]!.pos)) j++;
  return j;
}

/** Extends left over adjectives and nouns (and 'and' between two of them) of the same sentence. */
export function nounHead(ctx: ArticleContext, i: number, max = 4): number {
  let j = i;
  while (j - 1 >= 0 && i - j < max && sameSentence(ctx, i, j - 1)) {
    const p = ctx.tokens[j - 1]!.pos;
    if (p === 'ADJ' || p === 'NOUN' || has(ctx, j - 1, 'labels')) j--;
    else if (ctx.lower[j - 1] === 'and' && j - 2 >= 0 && (ctx.tokens[j - 2]!.pos === 'ADJ' || has(ctx, j - 2, 'labels'))) j -= 2;
    else break;
  }
  return j;
}

/** The first token in [from, until) of the sentence of `anchor` that passes `test`, or -1 (a bounded look ahead). */
export function firstAhead(ctx: ArticleContext, anchor: number, from: number, until: number, test: (k: number) => boolean): number {
  for (let k = from; k < Math.min(ctx.tokens.length, until) && sameSentence(ctx, anchor, k); k++) if (test(k)) return k;
  return -1;
}

/** Last token of the clause from i, before punctuation, at most `max` tokens on. */
export function sentenceEnd(ctx: ArticleContext, i: number, max: number): number {
  let last = i;
  for (let k = i + 1; k < Math.min(ctx.tokens.length, i + max + 1) && sameSentence(ctx, i, k) && !isPunct(ctx.lower[k]!); k++) last = k;
  return last;
}
