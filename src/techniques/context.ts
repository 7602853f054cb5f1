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
  /** the article text lowercased (same length: used to count repeated phrases) */
  lowerText: string;
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
  // toLowerCase can change the length of a few characters (e.g. 'İ'); keep offsets aligned then.
  const lowered = text.toLowerCase();
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
    lowerText: lowered.length === text.length ? lowered : text,
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
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    if (i > 0 && text.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n')) double = single = false;
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

/** How often the phrase occurs in the article, counted on lowercased text (capped). */
export function phraseCount(ctx: ArticleContext, start: number, end: number, cap = 10): number {
  const phrase = ctx.lowerText.slice(start, end).trim();
  if (phrase.length < 3) return 0;
  let n = 0;
  for (let at = ctx.lowerText.indexOf(phrase); at >= 0 && n < cap; at = ctx.lowerText.indexOf(phrase, at + phrase.length)) n++;
  return n;
}
