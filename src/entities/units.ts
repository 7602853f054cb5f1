/**
 * Military units by pattern, for the many units no lexicon lists:
 *  - an ordinal, type words, a unit noun: "the 47th Mechanised Brigade", "93rd Separate
 *    Mechanized Brigade ‘Kholodnyi Yar’", "First Tank Army" (a spelled-out ordinal only in capitals:
 *    "the first corps" is a description, not a name);
 *  - a quoted or capitalised name before a unit noun: "the ‘West’ group of forces", "Sheikh Mansur
 *    Battalion". A quoted name the lexicon knows ("‘Azov’ unit") is left to the lexicon, so the
 *    entity is the name itself.
 * Every loop is bounded by a few tokens.
 */
import { fromTokens, type Candidate } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { isDemonym, isQuote, sameStretch, type TokenView } from './tokens.js';

const NUMERIC_ORDINAL = /^\d{1,4}(?:st|nd|rd|th|-?[a-z]{1,2})?$/u;
const WORD_ORDINALS = new Set([
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
]);
const MAX_TYPE_WORDS = 6;
const MAX_QUOTED_WORDS = 4;
const MAX_NAME_WORDS = 3;

export function findUnits(view: TokenView, lex: Lexicon): Candidate[] {
  const out: Candidate[] = [];
  const { lower, cap, tokens } = view;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const numeric = NUMERIC_ORDINAL.test(lower[i]!) && /\D/u.test(lower[i]!);
    const spelled = cap[i]! && WORD_ORDINALS.has(lower[i]!);
    if (numeric || spelled) {
      const unit = ordinalUnit(view, lex, i, spelled);
      if (unit) {
        out.push(unit);
        i = unit.last;
        continue;
      }
    }
    const noun = lex.units.namedNouns.matchAt(view, i);
    if (noun && i > 0) {
      const unit = namedUnit(view, lex, i, noun.last);
      if (unit) out.push(unit);
    }
  }
  return out;
}

function ordinalUnit(view: TokenView, lex: Lexicon, at: number, spelled: boolean): Candidate | null {
  const { lower, cap } = view;
  for (let j = at + 1; j < view.tokens.length && j <= at + MAX_TYPE_WORDS + 1; j++) {
    if (!sameStretch(view, j - 1, j)) return null;
    const w = lower[j]!;
    if (lex.units.nouns.has(w) && (!spelled || cap[j])) {
      if (j === at + 1 && w === 'group') return null; // "the 5th group" of anything
      return fromTokens(view, at, withQuotedName(view, j), { type: 'military-unit', evidence: 'pattern', confidence: 0.85 });
    }
    const typeWord = lex.units.modifiers.has(w) || (cap[j] && !spelled) || (spelled && cap[j]);
    if (!typeWord) return null;
  }
  return null;
}

/** "93rd Separate Mechanized Brigade ‘Kholodnyi Yar’": the quoted name belongs to the unit. */
function withQuotedName(view: TokenView, last: number): number {
  const open = last + 1;
  if (open >= view.tokens.length || !isQuote(view.lower[open]!) || !sameStretch(view, last, open)) return last;
  for (let j = open + 1; j < view.tokens.length && j <= open + MAX_QUOTED_WORDS + 1; j++) {
    if (isQuote(view.lower[j]!)) return j > open + 1 && view.cap[open + 1] ? j : last;
    if (!sameStretch(view, j - 1, j)) return last;
  }
  return last;
}

function namedUnit(view: TokenView, lex: Lexicon, nounFirst: number, nounLast: number): Candidate | null {
  const { lower, cap } = view;
  const before = nounFirst - 1;
  if (!sameStretch(view, before, nounFirst)) return null;
  if (isQuote(lower[before]!)) {
    // ‘West’ group of forces: find the opening quote a few words back
    for (let open = before - 1; open >= 0 && open >= before - MAX_QUOTED_WORDS - 1; open--) {
      if (!isQuote(lower[open]!)) continue;
      if (open === before - 1 || !cap[open + 1] || !sameStretch(view, open, before)) return null;
      const known = lex.names.matchAt(view, open + 1);
      if (known && known.last === before - 1) return null; // the lexicon names it
      const inner = view.text.slice(view.tokens[open + 1]!.start, view.tokens[before - 1]!.end);
      const noun = view.text.slice(view.tokens[nounFirst]!.start, view.tokens[nounLast]!.end);
      return fromTokens(view, open, nounLast, {
        type: 'military-unit',
        evidence: 'pattern',
        confidence: 0.8,
        name: `${inner} ${noun}`,
      });
    }
    return null;
  }
  // unquoted: only a capitalised noun ("Sheikh Mansur Battalion") or a noun phrase that cannot be
  // anything else ("West group of forces")
  if (!cap[before] || !(cap[nounFirst] || nounLast > nounFirst)) return null;
  let first = before;
  while (first > 0 && before - first < MAX_NAME_WORDS - 1 && cap[first - 1] && sameStretch(view, first - 1, first)) first--;
  while (first < before && lex.places.never.has(lower[first]!)) first++; // "The Sheikh Mansur Battalion"
  // not a determiner or a nationality ("This battalion", "Ukrainian battalion")
  if (lex.places.never.has(lower[before]!) || isDemonym(lower[before]!)) return null;
  return fromTokens(view, first, nounLast, { type: 'military-unit', evidence: 'pattern', confidence: 0.7 });
}
