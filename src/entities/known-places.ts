/**
 * Gazetteer-backed place recognition. A name the gazetteer knows as a country, a first-level
 * region, a continent or a sea ("Ontario", "Ky.", "Canada") is a place wherever it stands on its
 * own, even where the tagger never saw the word or took it for an organisation or a person; so is
 * a city of some size spelled exactly as its own name, when the tagger took the word alone for an
 * organisation. A person reading wins only with evidence: the word is part of a person's full name
 * in the article ("Georgia Stevens").
 */
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { normalizeKey, skeleton } from '../geo/normalize.js';
import { fromTokens, type Candidate } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { isDemonym, isPossessive, sameStretch, type TokenView } from './tokens.js';

/** a city spelled exactly so, this populous, reads as the place rather than an organisation */
const CITY_POPULATION = 50_000;
const MAX_NAME = 3;

export type KnownAs = 'area' | 'city' | null;

export interface KnownPlace {
  /** some place bears the name, as its own or as one of its names */
  named: boolean;
  /** a country, a first-level region, a continent or a sea bears the name */
  area: boolean;
  /** a first- or second-level division bears it (a state, an oblast, a county), not only a country or a continent */
  division: boolean;
  /** the people of the most populous city whose own name is spelled so; 0 when none is */
  cityPopulation: number;
  /** the same, for its own name in any romanisation ("Kupjansk" is Kupiansk; "CIA" is Chía) */
  romanisedPopulation: number;
}

/** An area bears the name, or a town as its own name: enough for a name that context calls a place. */
export const isPlaceName = (known: KnownPlace): boolean => known.area || known.cityPopulation > 0;

const memo = new Map<string, KnownPlace>();

/** What the gazetteer holds under the name: an area, and the largest city of that very spelling. */
export function knownPlace(name: string, gaz: Gazetteer = loadGazetteer()): KnownPlace {
  let known = memo.get(name);
  if (known !== undefined) return known;
  known = { named: false, area: false, division: false, cityPopulation: 0, romanisedPopulation: 0 };
  const key = normalizeKey(name);
  // a short word without its dot is an abbreviation only by accident ("Man", "Mass", "Pa"), unless
  // written in capitals ("US", "UAE")
  const bare = key.length <= 4 && !name.includes('.') && name !== name.toUpperCase();
  const skel = skeleton(name);
  for (const h of gaz.lookup(skel)) {
    const p = gaz.place(h.index);
    const own = normalizeKey(p.name) === key;
    if (bare && !own) continue;
    known.named = true;
    if (p.kind !== 'city') {
      known.area = true;
      if (p.feature === 'ADM1' || p.feature === 'ADM2') known.division = true;
      continue;
    }
    if (own) known.cityPopulation = Math.max(known.cityPopulation, p.population);
    if (skeleton(p.name) === skel) known.romanisedPopulation = Math.max(known.romanisedPopulation, p.population);
  }
  if (memo.size > 20_000) memo.clear();
  memo.set(name, known);
  return known;
}

/**
 * Whether the gazetteer has a town spelled `town` (its own name) inside the country or first-level
 * region spelled `area`: "Greer" in "South Carolina", "Glen Ellyn" in "Ill.".
 */
export function townInArea(town: string, area: string, gaz: Gazetteer = loadGazetteer()): boolean {
  const areas = gaz.lookup(skeleton(area)).map((h) => gaz.place(h.index)).filter((p) => p.kind !== 'city');
  if (areas.length === 0) return false;
  const key = normalizeKey(town);
  return gaz.lookup(skeleton(town)).some(({ index }) => {
    const p = gaz.place(index);
    if (p.kind !== 'city' || normalizeKey(p.name) !== key) return false;
    return areas.some((a) => a.countryCode === p.countryCode && (a.kind === 'country' || (a.covers ?? [a.admin1]).includes(p.admin1)));
  });
}

/** What the gazetteer knows the name as: an area (country, region, continent, sea), a city, neither. */
export function knownAs(name: string, gaz: Gazetteer = loadGazetteer()): KnownAs {
  const known = knownPlace(name, gaz);
  return known.area ? 'area' : known.cityPopulation >= CITY_POPULATION ? 'city' : null;
}

/** Words of the people named in full ("Georgia Stevens"): evidence that a lone "Georgia" is her. */
function personWords(view: TokenView, candidates: readonly Candidate[]): Set<string> {
  const words = new Set<string>();
  for (const c of candidates) {
    if (c.type !== 'person' || c.last === c.first) continue;
    for (let t = c.first; t <= c.last; t++) words.add(view.compactLower[t]!);
  }
  return words;
}

/**
 * NER organisations and lone-word persons that are gazetteer areas, and lone-word organisations
 * that are sizeable cities, retyped as places. Multi-word organisations keep their type
 * ("Kentucky State Police").
 */
export function retypeKnownPlaces(view: TokenView, kept: Candidate[]): Candidate[] {
  const people = personWords(view, kept);
  return kept.map((c) => {
    if (c.evidence !== 'ner' || (c.type !== 'organization' && c.type !== 'person')) return c;
    if (isPossessive(view.lower[c.last + 1] ?? '')) return c;
    const known = knownAs(c.name);
    const lone = c.first === c.last;
    if (c.type === 'person' && (!lone || known !== 'area' || people.has(view.compactLower[c.first]!))) return c;
    if (c.type === 'organization' && !(known === 'area' || (known === 'city' && lone))) return c;
    return { ...c, type: 'place', confidence: Math.min(c.confidence, 0.8) };
  });
}

/** Free capitalised runs that the gazetteer knows as an area: places, longest run first. */
export function knownAreas(view: TokenView, lex: Lexicon, free: (t: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const n = view.tokens.length;
  const word = (t: number) =>
    t < n && free(t) && view.cap[t]! && view.compact[t] !== '' && !view.headline[t] && !isDemonym(view.lower[t]!) && !lex.places.never.has(view.lower[t]!);
  for (let i = 0; i < n; i++) {
    if (!word(i)) continue;
    let last = i;
    while (last + 1 < n && last + 1 - i < MAX_NAME && word(last + 1) && sameStretch(view, last, last + 1)) last++;
    for (let end = last; end >= i; end--) {
      const name = view.text.slice(view.tokens[i]!.start, view.tokens[end]!.end);
      if (knownAs(name) === 'area') {
        out.push(fromTokens(view, i, end, { type: 'place', evidence: 'cue', confidence: 0.6 }));
        i = end;
        break;
      }
    }
  }
  return out;
}
