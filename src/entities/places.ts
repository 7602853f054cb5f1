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
import { isPlaceName, knownAs, knownPlace } from './known-places.js';
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
  return isPlaceName(knownPlace(name.replace(/\bOf\b/g, 'of')));
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

/** a US legislator's party, before the hometown: "Rep. Torrey Westrom, R-Elbow Lake," */
const PARTIES = new Set(['R', 'D', 'I', 'DFL']);
const MAX_HOMETOWN = 3;

/**
 * The hometown after a legislator's party letter and a hyphen, set off by commas or brackets:
 * "Brent Boggs, D-Braxton, said", "(R-Elbow Lake)". A place whatever the model took it for.
 */
export function partyHometowns(view: TokenView): Candidate[] {
  const { tokens, cap } = view;
  const out: Candidate[] = [];
  const touching = (a: number, b: number) => tokens[a]!.end === tokens[b]!.start;
  for (let t = 1; t + 2 < tokens.length; t++) {
    if (!PARTIES.has(tokens[t]!.text) || tokens[t + 1]!.text !== '-' || !touching(t, t + 1) || !touching(t + 1, t + 2) || !cap[t + 2]) continue;
    if (tokens[t - 1]!.text !== ',' && tokens[t - 1]!.text !== '(') continue;
    let last = t + 2;
    while (last + 1 < tokens.length && last + 1 - (t + 2) < MAX_HOMETOWN + 2 && !/^[,)]$/.test(tokens[last + 1]!.text)) last++;
    const close = tokens[last + 1]?.text;
    if (close !== ',' && close !== ')') continue;
    out.push(fromTokens(view, t + 2, last, { type: 'place', evidence: 'pattern', confidence: 0.8 }));
    t = last;
  }
  return out;
}

/** a division's word in the plural, after a list of names, and how each name is written alone */
const DIVISIONS_OF_LIST: Record<string, string> = { counties: 'County', parishes: 'Parish', regions: 'region', oblasts: 'Oblast', provinces: 'province' };

/**
 * The divisions of a list ("Barrow and Jackson counties", "Becker, Clay, Douglas and Wilkin
 * counties", "the Donetsk and Luhansk regions"), each a place under its division's name, where the
 * gazetteer has a division so named: "Donetsk" here is the region, not the city.
 */
export function divisionLists(view: TokenView): Candidate[] {
  const { tokens, cap, lower } = view;
  const out: Candidate[] = [];
  for (let t = 2; t < tokens.length; t++) {
    const word = DIVISIONS_OF_LIST[lower[t]!];
    if (!word) continue;
    const names: [number, number][] = [];
    let k = t - 1;
    // bounded: a list of at most twenty names of at most two words
    while (k >= 0 && names.length < 20 && cap[k] && view.compact[k] !== '') {
      let start = k;
      if (start - 1 >= 0 && cap[start - 1] && view.compact[start - 1] !== '' && tokens[start - 1]!.sentence === tokens[k]!.sentence) start--;
      names.push([start, k]);
      const sep = lower[start - 1];
      if (sep === 'and' || sep === 'or') k = lower[start - 2] === ',' ? start - 3 : start - 2;
      else if (sep === ',') k = start - 2;
      else break;
    }
    if (names.length < 2) continue;
    for (const [a, b] of names.reverse()) {
      const name = `${view.text.slice(tokens[a]!.start, tokens[b]!.end)} ${word}`;
      if (knownPlace(name).area) out.push(fromTokens(view, a, b, { type: 'place', evidence: 'pattern', confidence: 0.8, name, canonical: true }));
    }
  }
  return out;
}
