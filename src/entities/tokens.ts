/**
 * A read-only view of the token layer that the entity rules share: each token's letters and
 * digits only (so "RIA-Novosti" and "RIA Novosti", "People’s" and "People's" compare equal), its
 * lower-case form, and whether it is capitalised. Built once per document, in one pass.
 */
import type { Token } from '../core/doc.js';

export interface TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** letters and digits of each token, original case ('' for punctuation) */
  readonly compact: readonly string[];
  /** the same, lower case */
  readonly compactLower: readonly string[];
  /** the first run of letters or digits, lower case ('u' for "U.S."): the key of lexicon lookups */
  readonly head: readonly string[];
  /** the token's text, lower case, with curly quotes and apostrophes made straight */
  readonly lower: readonly string[];
  /** first character is an upper-case letter */
  readonly cap: readonly boolean[];
  /** the token stands in a headline-style sentence ("Ban Muslims From Entering"), where capitals say nothing */
  readonly headline: Uint8Array;
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const UPPER_FIRST = /^\p{Lu}/u;
const FIRST_WORD = /[\p{L}\p{N}]+/u;
const NOT_ASCII_WORD = 0;
const ASCII_LOWER = 1;
const ASCII_CASED = 2;

/** Whether a word is ASCII letters and digits only ([A-Za-z0-9]+), and if so whether it has capitals. */
function asciiWord(word: string): number {
  let kind = word.length > 0 ? ASCII_LOWER : NOT_ASCII_WORD;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) kind = ASCII_CASED;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return NOT_ASCII_WORD;
  }
  return kind;
}

/** Curly and typographic quotes and apostrophes to their straight forms. */
export function straightenQuotes(s: string): string {
  return s.replace(/[‘’‚‛′`]/g, "'").replace(/[“”„‟«»″]/g, '"');
}

export function tokenView(text: string, tokens: readonly Token[]): TokenView {
  const n = tokens.length;
  const compact = new Array<string>(n);
  const compactLower = new Array<string>(n);
  const head = new Array<string>(n);
  const lower = new Array<string>(n);
  const cap = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const word = tokens[i]!.text;
    const ascii = asciiWord(word);
    if (ascii !== NOT_ASCII_WORD) {
      // the common case, without Unicode classes, and without a copy when already lower case
      const low = ascii === ASCII_LOWER ? word : word.toLowerCase();
      const c0 = word.charCodeAt(0);
      compact[i] = word;
      compactLower[i] = low;
      head[i] = low;
      lower[i] = low;
      cap[i] = c0 >= 65 && c0 <= 90;
    } else if (word.length === 1 && word.charCodeAt(0) < 128) {
      // ASCII punctuation
      compact[i] = compactLower[i] = head[i] = '';
      lower[i] = word === '`' ? "'" : word;
      cap[i] = false;
    } else {
      const low = word.toLowerCase();
      compact[i] = word.replace(NON_WORD, '');
      compactLower[i] = compact[i]!.toLowerCase();
      head[i] = compact[i] ? FIRST_WORD.exec(word)![0].toLowerCase() : '';
      lower[i] = straightenQuotes(low);
      cap[i] = UPPER_FIRST.test(word);
    }
  }
  return { text, tokens, compact, compactLower, head, lower, cap, headline: headlines(tokens, compact, lower, cap) };
}

const HEADLINE_MIN_WORDS = 4;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'by', 'with', 'from', 'as']);

/** Sentences whose words, small words aside, are (nearly) all capitalised. */
function headlines(tokens: readonly Token[], compact: string[], lower: string[], cap: boolean[]): Uint8Array {
  let sentences = 0;
  for (const t of tokens) sentences = Math.max(sentences, t.sentence + 1);
  const words = new Int32Array(sentences);
  const capitals = new Int32Array(sentences);
  tokens.forEach((t, i) => {
    const c0 = compact[i]!.charCodeAt(0);
    if (!compact[i] || SMALL_WORDS.has(lower[i]!) || (c0 >= 48 && c0 <= 57)) return;
    words[t.sentence]!++;
    if (cap[i]) capitals[t.sentence]!++;
  });
  const out = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    const w = words[t.sentence]!;
    if (w >= HEADLINE_MIN_WORDS && capitals[t.sentence]! >= 0.8 * w) out[i] = 1;
  });
  return out;
}

const titled = new WeakMap<TokenView, Uint8Array>();

/**
 * The headline-style sentences that are headlines: not ended by a full stop or an exclamation
 * mark, as a sentence dense with names is ("Army General Staff Chief Mykola Bondar visited the
 * front."). For the rules that read capitals as no evidence at all.
 */
export function titleLines(view: TokenView): Uint8Array {
  let out = titled.get(view);
  if (out) return out;
  const { tokens, headline } = view;
  const stopped = new Set<number>();
  for (let t = 0; t < tokens.length; t++) {
    const next = tokens[t + 1];
    if ((!next || next.sentence !== tokens[t]!.sentence) && (tokens[t]!.text === '.' || tokens[t]!.text === '!')) stopped.add(tokens[t]!.sentence);
  }
  out = headline.map((h, t) => (h && !stopped.has(tokens[t]!.sentence) ? 1 : 0));
  titled.set(view, out);
  return out;
}

/** Index of the token that starts (or, with `atEnd`, ends) exactly at `offset`, or -1. */
export function tokenAt(view: TokenView, offset: number, atEnd = false): number {
  const { tokens } = view;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = atEnd ? tokens[mid]!.end : tokens[mid]!.start;
    if (at === offset) return mid;
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An opening or closing quote token ("‘", "’", '"', "«"...). */
export function isQuote(lower: string): boolean {
  return lower === "'" || lower === '"';
}

/** The possessive clitic as its own token ("’s", "'s", "'"). */
export function isPossessive(lower: string): boolean {
  return lower === "'s" || lower === "'";
}

/** No line break or sentence boundary between tokens i and j (i < j): phrases never cross them. */
export function sameStretch(view: TokenView, i: number, j: number): boolean {
  const a = view.tokens[i]!;
  const b = view.tokens[j]!;
  if (a.sentence !== b.sentence) return false;
  for (let k = a.end; k < b.start; k++) if (view.text.charCodeAt(k) === 10) return false;
  return true;
}

/** Nationality and language adjectives ("Ukrainian", "Chechen" aside): never a place or a name here. */
export function isDemonym(lower: string): boolean {
  return /(?:ian|ean|ese|ish)$/u.test(lower) && lower.length > 4;
}

/** A word with the possessive glued on ("Guard’s" as one token, as Intl.Segmenter gives it). */
export function endsPossessive(word: string): boolean {
  const n = word.length;
  return n > 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === "'" || word[n - 2] === '’');
}
