/**
 * Multi-word lexicon lookup over tokens, compiled once: phrases are compared on their letters and
 * digits only, so the tokenizer's choices (hyphens, "’s" split off or not) do not matter. A match
 * starts at a token, ends at a token boundary, and is the longest phrase found there. The cost per
 * token is one map lookup unless some phrase begins with that token's word.
 */
import { endsPossessive, sameStretch, type TokenView } from './tokens.js';

/** How the letter case of the text must agree with the phrase. */
export type CaseRule =
  /** any case */
  | 'any'
  /** every capital letter of the phrase is a capital in the text ("RIA Novosti" matches "RIA NOVOSTI", not "ria novosti") */
  | 'capitals';

export interface PhraseMatch<T> {
  value: T;
  /** first and last token of the match (inclusive) */
  first: number;
  last: number;
  /** character span; `end` may stop before the last token's end when a trailing possessive was cut */
  start: number;
  end: number;
}

interface Compiled<T> {
  value: T;
  /** letters and digits of the phrase, in its own case */
  letters: string;
  lower: string;
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const FIRST_WORD = /[\p{L}\p{N}]+/u;
/** a phrase spans at most this many tokens (bounds the work per token) */
const MAX_TOKENS = 12;

export class PhraseMatcher<T> {
  /** the first word of every phrase: tokens with another word are passed over at once */
  private readonly firstWords = new Set<string>();
  private readonly byLetters = new Map<string, Compiled<T>[]>();
  /** every prefix of every phrase's letters: the walk over tokens stops as soon as it leaves them */
  private readonly prefixes = new Set<string>();

  constructor(
    phrases: Iterable<{ phrase: string; value: T }>,
    private readonly caseRule: CaseRule,
  ) {
    for (const { phrase, value } of phrases) {
      const letters = phrase.replace(NON_WORD, '');
      const first = FIRST_WORD.exec(phrase)?.[0].toLowerCase();
      if (!first || !letters) continue;
      const c: Compiled<T> = { value, letters, lower: letters.toLowerCase() };
      this.firstWords.add(first);
      push(this.byLetters, c.lower, c);
      for (let k = 1; k <= c.lower.length; k++) this.prefixes.add(c.lower.slice(0, k));
    }
  }

  /** The longest phrase starting at token i, or null. */
  matchAt(view: TokenView, i: number): PhraseMatch<T> | null {
    if (!this.firstWords.has(view.head[i]!)) return null;

    let best: PhraseMatch<T> | null = null;
    let cased = '';
    let lower = '';
    for (let j = i; j < view.tokens.length && j < i + MAX_TOKENS; j++) {
      if (j > i && !sameStretch(view, j - 1, j)) break;
      const piece = view.compact[j]!;
      if (!piece) continue; // punctuation inside a phrase ("RIA-Novosti", "Lenta.ru")
      // "Guard’s" as one token: the phrase may end before the possessive
      const token = view.tokens[j]!;
      if (piece.length > 1 && endsPossessive(token.text)) {
        const found = this.lookup(cased + piece.slice(0, -1), lower + view.compactLower[j]!.slice(0, -1));
        if (found) best = { value: found.value, first: i, last: j, start: view.tokens[i]!.start, end: token.end - 2 };
      }
      cased += piece;
      lower += view.compactLower[j]!;
      if (!this.prefixes.has(lower)) break;
      const found = this.lookup(cased, lower);
      if (found) best = { value: found.value, first: i, last: j, start: view.tokens[i]!.start, end: token.end };
    }
    return best;
  }

  /** Every non-overlapping longest match, left to right. */
  matchAll(view: TokenView): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < view.tokens.length; i++) {
      const m = this.matchAt(view, i);
      if (m) {
        out.push(m);
        i = m.last;
      }
    }
    return out;
  }

  private lookup(cased: string, lower: string): Compiled<T> | undefined {
    const candidates = this.byLetters.get(lower);
    if (!candidates) return undefined;
    return candidates.find((c) => this.caseRule === 'any' || capitalsAgree(c.letters, cased));
  }
}

function capitalsAgree(phrase: string, text: string): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const p = phrase[k]!;
    if (p !== p.toLowerCase() && text[k] === text[k]!.toLowerCase()) return false;
  }
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
