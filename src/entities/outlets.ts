/**
 * Outlets the lexicon does not list, from the context news writing gives them: "told X",
 * "reported by X", "according to X newspaper", "the X news agency", "X's correspondent",
 * "X reported". Applied to organisation spans of the NER model, and to capitalised words right
 * before an outlet noun ("the Vzglyad newspaper") that no other rule took. And mastheads, by their
 * head noun whatever the context: a capitalised name ending in "Gazette", "Herald", "Times"...
 * ("the Springfield Gazette"), and the head noun alone after "the" ("seen by the Gazette"), which
 * coreference joins to the outlet of that name when the article named one.
 */
import { fromTokens, type Candidate } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { isPossessive, sameStretch, titleLines, type TokenView } from './tokens.js';

const MAX_NAME = 4;
/** capitalised at a sentence start, never the first word of a masthead */
const LEADING = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'by', 'to', 'for', 'and', 'but', 'as', 'if', 'when', 'after', 'before', 'while', 'said', 'says', 'mr', 'mrs', 'ms', 'dr', 'i', 'he', 'she', 'it', 'we', 'they']);

/** The context around tokens first..last says they name an outlet. */
export function outletContext(view: TokenView, lex: Lexicon, first: number, last: number): boolean {
  const cues = lex.outletCues;
  const { lower } = view;
  for (let t = first; t <= last; t++) if (cues.notOutletWords.has(lower[t]!)) return false;
  let after = last + 1;
  const n = view.tokens.length;
  if (after < n && sameStretch(view, last, after)) {
    if (isPossessive(lower[after]!) && after + 1 < n) after++;
    const w = lower[after]!;
    if (cues.nounsAfter.has(w) || cues.staffAfter.has(w)) return true;
    if (cues.verbsAfter.has(w) && !isPossessive(lower[last + 1]!)) return true;
  }
  // a cue phrase ending right before the name ("reported by", "told", "told the")
  const at = first > 0 && lower[first - 1] === 'the' ? first - 1 : first;
  for (let s = Math.max(0, at - 3); s < at; s++) {
    const cue = cues.verbsBefore.matchAt(view, s);
    if (cue && cue.last === at - 1 && sameStretch(view, s, first)) {
      // "according to X" alone is any source: it needs an outlet noun after, checked above
      return cue.value !== 'according to';
    }
  }
  return false;
}

/** Capitalised words right before an outlet noun, on tokens nothing else took. */
export function outletsBeforeNouns(view: TokenView, lex: Lexicon, free: (t: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const { lower, cap } = view;
  for (let i = 1; i < view.tokens.length; i++) {
    if (!lex.outletCues.nounsAfter.has(lower[i]!) || !cap[i - 1] || !free(i - 1) || view.headline[i]) continue;
    let first = i - 1;
    while (first > 0 && i - first < MAX_NAME && cap[first - 1] && free(first - 1) && sameStretch(view, first - 1, first)) first--;
    while (first < i - 1 && lex.places.never.has(lower[first]!)) first++;
    if (lex.places.never.has(lower[first]!) || !sameStretch(view, i - 1, i)) continue;
    if (!outletContext(view, lex, first, i - 1)) continue;
    out.push(fromTokens(view, first, i - 1, { type: 'outlet', evidence: 'cue', confidence: 0.6 }));
  }
  return out;
}

/**
 * Tokens first..last name a masthead: a capitalised head noun ("Gazette") ending a name of two or
 * more capitalised words with no organisation noun in it ("Springfield Gazette", not "City
 * Council Herald"), or alone after "the" and before no other name or "of" ("the Gazette").
 * Never in a headline, where every word is capitalised.
 */
export function isMasthead(view: TokenView, lex: Lexicon, first: number, last: number): boolean {
  const { lower, cap } = view;
  if (!cap[last] || !lex.outletCues.headNouns.has(lower[last]!) || titleLines(view)[last]) return false;
  if (last > first) {
    for (let t = first; t < last; t++) if (lex.outletCues.notOutletWords.has(lower[t]!) || LEADING.has(lower[t]!)) return false;
    return cap[first]! && sameStretch(view, first, last);
  }
  if (first === 0 || lower[first - 1] !== 'the' || !sameStretch(view, first - 1, first)) return false;
  const next = last + 1;
  return !(next < view.tokens.length && sameStretch(view, last, next) && (lower[next] === 'of' || (cap[next] && view.compact[next] !== '')));
}

/** Mastheads on tokens nothing else took: "the Springfield Gazette", "the Gazette". */
export function mastheads(view: TokenView, lex: Lexicon, free: (t: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const { lower, cap } = view;
  for (let i = 0; i < view.tokens.length; i++) {
    if (!cap[i] || !free(i) || !lex.outletCues.headNouns.has(lower[i]!)) continue;
    let first = i;
    while (first > 0 && i - first < MAX_NAME && cap[first - 1] && view.compact[first - 1] !== '' && free(first - 1) && sameStretch(view, first - 1, first)) first--;
    // a sentence's first word is capitalised anyway: "In Springfield Gazette..." starts at "Springfield"
    while (first < i && LEADING.has(lower[first]!)) first++;
    if (!isMasthead(view, lex, first, i)) continue;
    out.push(fromTokens(view, first, i, { type: 'outlet', evidence: 'cue', confidence: first < i ? 0.7 : 0.6 }));
  }
  return out;
}
