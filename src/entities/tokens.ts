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
  /** the first run of letters or digits, lower case ('u' for "U.S."): the key of lexicon lookups */
  readonly head: readonly string[];
  /** the token's text, lower case, with curly quotes and apostrophes made straight */
  readonly lower: readonly string[];
  /** first character is an upper-case letter */
  readonly cap: readonly boolean[];
  /** token index by start offset and by end offset, to snap character spans to tokens */
  readonly byStart: ReadonlyMap<number, number>;
  readonly byEnd: ReadonlyMap<number, number>;
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const UPPER_FIRST = /^\p{Lu}/u;
const FIRST_WORD = /[\p{L}\p{N}]+/u;

/** Curly and typographic quotes and apostrophes to their straight forms. */
export function straightenQuotes(s: string): string {
  return s.replace(/[‘’‚‛′`]/g, "'").replace(/[“”„‟«»″]/g, '"');
}

export function tokenView(text: string, tokens: readonly Token[]): TokenView {
  const n = tokens.length;
  const compact = new Array<string>(n);
  const head = new Array<string>(n);
  const lower = new Array<string>(n);
  const cap = new Array<boolean>(n);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    compact[i] = t.text.replace(NON_WORD, '');
    head[i] = compact[i] ? FIRST_WORD.exec(t.text)![0].toLowerCase() : '';
    lower[i] = straightenQuotes(t.text.toLowerCase());
    cap[i] = UPPER_FIRST.test(t.text);
    byStart.set(t.start, i);
    byEnd.set(t.end, i);
  }
  return { text, tokens, compact, head, lower, cap, byStart, byEnd };
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
