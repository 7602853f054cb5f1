/**
 * Places the NER model missed, from the patterns of war reports, on tokens no other rule took:
 * "in/near/outside/towards X", "the village of X", "the X region" (the region noun is part of the
 * name: the Kharkiv region is another place than Kharkiv), "the X direction", a town before its
 * people or services in lower case ("Torrington firefighters"), and the next names of
 * a list ("in Krasnoarmiysk and Gulyaypol"). Capitalised words
 * only, never a month, a title or a nationality, nor in a headline in title case; confidence stays
 * below the model's and lexicon's.
 */
import { fromTokens, type Candidate } from './candidates.js';
import { knownAs, knownPlace } from './known-places.js';
import type { Lexicon } from './lexicon.js';
import { isDemonym, isPossessive, isQuote, sameStretch, type TokenView } from './tokens.js';

const MAX_NAME = 3;

/** `placeEnds`: last tokens of the places already found, which may start a list. */
export function placesFromCues(
  view: TokenView,
  lex: Lexicon,
  free: (t: number) => boolean,
  placeEnds: ReadonlyMap<number, number>,
): Candidate[] {
  const out: Candidate[] = [];
  const { lower } = view;
  const n = view.tokens.length;
  const word = (t: number) => t < n && free(t) && placeWord(view, lex, t);
  // the last place found, for lists: "in Krasnoarmiysk and Gulyaypol"
  let previous: Candidate | undefined;
  const listConfidence = (i: number) => (previous?.last === i - 2 ? previous.confidence : Math.min(0.6, placeEnds.get(i - 2) ?? 0));

  for (let i = 0; i < n; i++) {
    if (!word(i)) continue;
    // the capitalised run i..last
    let last = i;
    for (;;) {
      if (last + 1 < n && last + 1 - i < MAX_NAME && word(last + 1) && sameStretch(view, last, last + 1)) last++;
      else if (hyphenated(view, last, word)) last += 2;
      else break;
    }
    const before = i > 0 && sameStretch(view, i - 1, i) ? lower[i - 1]! : '';
    const before2 = i > 1 && sameStretch(view, i - 2, i) ? lower[i - 2]! : '';
    const next = last + 1 < n && sameStretch(view, last, last + 1) && free(last + 1) ? lower[last + 1]! : '';

    if (lex.places.regionNouns.has(next)) {
      previous = fromTokens(view, i, last + 1, { type: 'place', evidence: 'cue', confidence: 0.65 });
      out.push(previous);
      i = last + 1;
      continue;
    }
    // not after a comma: "In Kyiv, Zelensky said"
    const listed = before === 'and' || before === 'or' ? listConfidence(i) : 0;
    const name = () => view.text.slice(view.tokens[i]!.start, view.tokens[last]!.end);
    const confidence =
      before === 'of' && lex.places.ofNouns.has(before2)
        ? 0.7
        : lex.places.afterNouns.has(next)
          ? 0.6
          : lex.places.peopleNouns.has(view.compact[last + 1] ?? '') && next !== '' && knownPlace(name()).cityPopulation > 0
            ? 0.55
          : lex.places.prepositions.has(before) || (before === 'the' && lex.places.prepositions.has(before2))
            ? 0.5
            : listed;
    // "in District A": a kind of place alone is no place's name
    if (confidence > 0 && !(i === last && lex.places.kindNouns.has(lower[i]!))) {
      previous = fromTokens(view, i, last, { type: 'place', evidence: 'cue', confidence });
      out.push(previous);
    }
    i = last;
  }
  return out;
}

/**
 * "Kupiansk-Vuzlovyi": a capitalised word joined by a hyphen, with no space, continues the name
 * (another place than Kupiansk), unless it is a place of its own ("Russia-Ukraine war").
 */
export function hyphenated(view: TokenView, t: number, word: (t: number) => boolean): boolean {
  const { tokens } = view;
  const hyphen = tokens[t + 1];
  const next = tokens[t + 2];
  if (!hyphen || !next || hyphen.text !== '-' || hyphen.start !== tokens[t]!.end || next.start !== hyphen.end || !word(t + 2)) return false;
  return knownAs(next.text) === null;
}

function placeWord(view: TokenView, lex: Lexicon, t: number): boolean {
  const w = view.lower[t]!;
  return (
    view.cap[t]! &&
    !view.headline[t] &&
    view.compact[t] !== '' &&
    !isPossessive(w) &&
    !isQuote(w) &&
    !lex.places.never.has(w) &&
    !lex.places.prepositions.has(w) &&
    !isDemonym(w) &&
    // an acronym is an organisation more often than a place (NATO, SBU)
    !(view.compact[t]!.length > 1 && view.compact[t] === view.compact[t]!.toUpperCase() && /\p{L}/u.test(view.compact[t]!)) &&
    lex.roles.matchAt(view, t) === null
  );
}

const DASHES = new Set(['—', '–', '-', '--']);

/**
 * A dateline in capitals, as local papers open a story: "CROMWELL — The third Democrat...", "ISLE
 * OF PALMS — Two members...": capitalised words that open a sentence, before a dash, that the
 * gazetteer has as a place.
 */
export function isCapsDateline(view: TokenView, first: number, last: number): boolean {
  const { tokens } = view;
  const dash = tokens[last + 1];
  if (!dash || !DASHES.has(dash.text) || (first > 0 && tokens[first - 1]!.sentence === tokens[first]!.sentence && !/[.!?]$/.test(tokens[first - 1]!.text))) return false;
  for (let t = first; t <= last; t++) {
    const w = tokens[t]!.text;
    if (w !== w.toUpperCase() || !/\p{Lu}/u.test(w)) return false;
  }
  const name = view.text.slice(tokens[first]!.start, tokens[last]!.end).toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());
  const known = knownPlace(name.replace(/\bOf\b/g, 'of'));
  return known.area || known.cityPopulation > 0;
}

/** Datelines in capitals on tokens no other rule took (see isCapsDateline). */
export function capsDatelines(view: TokenView, free: (t: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const n = view.tokens.length;
  for (let i = 0; i < n; i++) {
    if (!free(i) || !view.cap[i]) continue;
    for (let last = i; last < Math.min(n, i + MAX_NAME + 1) && free(last); last++) {
      if (isCapsDateline(view, i, last)) {
        out.push(fromTokens(view, i, last, { type: 'place', evidence: 'cue', confidence: 0.6 }));
        i = last;
        break;
      }
    }
  }
  return out;
}
