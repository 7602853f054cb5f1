/**
 * What the technique models and rules know about one article, computed once: lowercased tokens,
 * lexicon hits, quotation depth, and how often each word recurs.
 */
import type { Token } from '../core/doc.js';
import type { Sentence } from '../core/schema.js';
import { type LexiconHit, type Lexicons, lexiconForm } from './lexicons.js';

export interface ArticleContext {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  /** lexicon form of each token */
  lower: string[];
  /** bit c set when the token is inside a hit of lexicon class c */
  lexMask: Uint16Array;
  /** the classes hit anywhere in each sentence */
  sentenceMask: Uint16Array;
  hits: LexiconHit[];
  /** 1 when the token sits between quotation marks (the marks excluded) */
  quoted: Uint8Array;
  /** occurrences of each lexicon form in the article */
  counts: Map<string, number>;
  /** first token index of each sentence (sentences.length + 1 entries) */
  sentenceStart: Int32Array;
}

const OPEN_DOUBLE = new Set(['“', '«', '„']);
const CLOSE_DOUBLE = new Set(['”', '»']);

export function buildContext(text: string, tokens: readonly Token[], sentences: readonly Sentence[], lexicons: Lexicons): ArticleContext {
  const lower = tokens.map((t) => lexiconForm(t.text));
  const hits = lexicons.match(lower);
  const lexMask = new Uint16Array(tokens.length);
  const sentenceMask = new Uint16Array(Math.max(1, sentences.length));
  for (const h of hits) {
    for (let i = h.first; i <= h.last; i++) lexMask[i]! |= 1 << h.cls;
    sentenceMask[tokens[h.first]!.sentence]! |= 1 << h.cls;
  }
  const counts = new Map<string, number>();
  for (const w of lower) counts.set(w, (counts.get(w) ?? 0) + 1);
  const sentenceStart = new Int32Array(sentences.length + 1).fill(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) sentenceStart[tokens[i]!.sentence] = i;
  for (let s = sentences.length - 1; s >= 0; s--) sentenceStart[s] = Math.min(sentenceStart[s]!, sentenceStart[s + 1]!);
  return {
    text,
    tokens,
    sentences,
    lower,
    lexMask,
    sentenceMask,
    hits,
    quoted: quotedTokens(text, tokens),
    counts,
    sentenceStart,
  };
}

/**
 * Marks tokens inside quotation marks. Curly marks open and close; a straight double quote
 * toggles; a single curly quote closes only when it stands as a token of its own (not in "Guard’s").
 * A line break ends any open quotation, so one stray mark cannot run to the end of the article.
 */
function quotedTokens(text: string, tokens: readonly Token[]): Uint8Array {
  const quoted = new Uint8Array(tokens.length);
  let double = false;
  let single = false;
  let newline = text.indexOf('\n');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (newline >= 0 && newline < tokens[i]!.start) {
      double = single = false;
      newline = text.indexOf('\n', tokens[i]!.start);
    }
    if (OPEN_DOUBLE.has(t)) double = true;
    else if (CLOSE_DOUBLE.has(t)) double = false;
    else if (t === '"') double = !double;
    else if (t === '‘') single = true;
    else if (t === '’' && single) single = false;
    else if (double || single) quoted[i] = 1;
  }
  return quoted;
}

/** True when the token is a quotation mark of any kind. */
export const isQuoteMark = (t: string) => /^["“”«»„‘’']$/.test(t);

/** True for a token with no letter or digit. */
export const isPunct = (t: string) => !/[\p{L}\p{N}]/u.test(t);

/**
 * How often the token sequence [first, last] occurs in the article (capped). It is looked for
 * only where its rarest word occurs, so the cost stays small even in a long article.
 */
export function phraseCount(ctx: ArticleContext, first: number, last: number, cap = 10): number {
  const { lower } = ctx;
  let anchor = first;
  for (let i = first; i <= last; i++) if ((ctx.counts.get(lower[i]!) ?? 0) < (ctx.counts.get(lower[anchor]!) ?? 0)) anchor = i;
  if ((ctx.counts.get(lower[anchor]!) ?? 0) < 2) return 1;
  const offset = anchor - first;
  let n = 0;
  for (const at of positions(ctx).get(lower[anchor]!) ?? []) {
    const start = at - offset;
    if (start < 0 || start + (last - first) >= lower.length) continue;
    let same = true;
    for (let k = 0; k <= last - first && same; k++) same = lower[start + k] === lower[first + k];
    if (same && ++n >= cap) break;
  }
  return n;
}

const positionCache = new WeakMap<ArticleContext, Map<string, number[]>>();
/** Token indexes of each word form, built on first use. */
function positions(ctx: ArticleContext): Map<string, number[]> {
  let map = positionCache.get(ctx);
  if (!map) {
    map = new Map();
    ctx.lower.forEach((w, i) => {
      const list = map!.get(w);
      if (list) list.push(i);
      else map!.set(w, [i]);
    });
    positionCache.set(ctx, map);
  }
  return map;
}
