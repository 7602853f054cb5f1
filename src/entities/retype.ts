/**
 * Candidates retyped by where their names stand, after the overlaps are settled: the MISC policy
 * (only events' and agreements' names are kept, as 'other'); places the tagger typed as people or
 * organisations (a street, a division, a natural feature, a dateline in capitals, a town after a
 * place preposition, before its state or its people, a division's name alone, each name of a list
 * of divisions); names that are no place's (words for kinds of places, acronyms no place bears, a
 * person's surname); people the tagger cut at their particles or ran on into their town.
 */
import { fromTokens, round, type Candidate } from './candidates.js';
import { PART_WORDS, serviceDistrict } from './inside-names.js';
import { isPlaceName, knownAs, knownPlace, townInArea } from './known-places.js';
import type { Lexicon } from './lexicon.js';
import { divisionLists, hyphenated, isCapsDateline } from './places.js';
import { endsPossessive, isPossessive, type TokenView } from './tokens.js';

const EVENT_WORDS =
  /\b(?:operation|war|agreements?|accords?|treaty|declaration|summit|memorandum|protocol|format|plan|conference|convention|act|law|resolution|revolution|offensive|counteroffensive|battle|games|cup|forum|initiative|deal)\b/iu;

const ACRONYM = /^\p{Lu}{2,5}$/u;
/** An acronym no country, region or town bears as its own name ("AIG", "LTTE"): a body's, not a place's. */
const bodysAcronym = (name: string) => ACRONYM.test(name) && !isPlaceName(knownPlace(name));

/** The surnames of the people named in full among `candidates` ("Anderson" of "John Anderson"). */
function surnamesOf(view: TokenView, candidates: readonly Candidate[]): Set<string> {
  const surnames = new Set<string>();
  for (const c of candidates) if (c.type === 'person' && c.last > c.first) surnames.add(view.compactLower[c.last]!);
  return surnames;
}

/** the people a town spelled like a lone word needs before "in" or "near" alone makes the word a place */
const TOWN_AFTER_PREPOSITION = 10_000;

/**
 * A lone word the model took for a person or an organisation is a place where only a place can
 * stand: listed with a place ("in Krasnoarmiysk and Gulyaypol"), after a place preposition ("near
 * Vovchansk") or after taking and shelling ("had taken Vovchansk", "the capture of Vovchansk").
 * Not when the word is the surname of a person named in full, a name some lexicon knows, nor
 * before a possessive ("in Peskov's words").
 */
export function loneNamesAsPlaces(view: TokenView, lex: Lexicon, kept: Candidate[]): Candidate[] {
  const surnames = surnamesOf(view, kept);
  const word = (t: number) => (t >= 0 ? view.lower[t]! : '');
  const joiner = (t: number) => word(t) === 'and' || word(t) === 'or';
  const lone = (c: Candidate) =>
    c.first === c.last &&
    ((c.type === 'person' && !c.role && !surnames.has(view.compactLower[c.first]!)) || (c.type === 'organization' && c.evidence === 'ner'));
  // "in" and "from" also stand before institutions ("in Nato", "in Congress", "from PACE"): after
  // them, only an area or a town of some size spelled so, not in capitals
  const placeAfterPreposition = (c: Candidate, preposition: string) => {
    if (!lex.places.institutionPrepositions.has(preposition)) return true;
    const known = knownPlace(c.name);
    if (known.area) return true;
    return known.romanisedPopulation >= TOWN_AFTER_PREPOSITION && view.tokens[c.first]!.text !== view.tokens[c.first]!.text.toUpperCase();
  };
  // one place context is enough for every occurrence of the word: the name is the same place
  const places = new Set<string>();
  kept.forEach((c, k) => {
    if (!lone(c) || isPossessive(word(c.last + 1)) || endsPossessive(view.tokens[c.last]!.text)) return;
    // an acronym is a place only as a place's own name or an area's ("the control of AIG")
    if (bodysAcronym(c.name)) return;
    const before = kept[k - 1];
    const after = kept[k + 1];
    const b1 = word(c.first - 1);
    const b2 = word(c.first - 2);
    // towns are listed with towns ("Ukraine and Nato" lists an institution with a country), and
    // names no place bears are people's ("Putin and Zelensky")
    const listedWith = (x: Candidate | undefined) =>
      x !== undefined && (x.type === 'place' || places.has(view.compactLower[x.first]!)) && knownPlace(c.name).named &&
      (knownAs(x.name) !== 'area' || knownPlace(c.name).area);
    const placed =
      (listedWith(before) && before!.last === c.first - 2 && joiner(c.first - 1)) ||
      (listedWith(after) && after!.first === c.last + 2 && joiner(c.last + 1)) ||
      (lex.places.prepositions.has(b1) && placeAfterPreposition(c, b1)) ||
      lex.places.takenVerbs.has(b1) ||
      (b1 === 'of' && (lex.places.takenVerbs.has(b2) || lex.places.ofNouns.has(b2))) ||
      (lex.places.peopleNouns.has(view.compact[c.last + 1]!) && knownPlace(c.name).cityPopulation > 0);
    if (placed) places.add(view.compactLower[c.first]!);
  });
  // a name of several words after a place preposition ("in Rolling Meadows", "near Glen Ellyn") or
  // before its people ("a Meadow Grove man"), where the gazetteer has a place spelled so: few
  // people or bodies are named like a town
  const townAfterPreposition = (c: Candidate) =>
    c.last > c.first && c.evidence === 'ner' && (c.type === 'person' || c.type === 'organization') && !c.role &&
    (lex.places.prepositions.has(word(c.first - 1)) || lex.places.peopleNouns.has(view.compact[c.last + 1] ?? '')) &&
    !isPossessive(word(c.last + 1)) && isPlaceName(knownPlace(c.name));
  // a town before its state or country ("Greer, South Carolina", "Glen Ellyn, Ill."), where the
  // gazetteer has it there
  const townBeforeArea = (c: Candidate, k: number) => {
    const after = kept[k + 1];
    return (
      c.evidence === 'ner' && (c.type === 'person' || c.type === 'organization') && !c.role && !surnames.has(view.compactLower[c.last]!) &&
      after?.type === 'place' && after.first === c.last + 2 && view.compact[c.last + 1] === '' && view.tokens[c.last + 1]!.text === ',' &&
      townInArea(c.name, after.name)
    );
  };
  const retype = (c: Candidate, k: number) => (lone(c) && places.has(view.compactLower[c.first]!)) || townAfterPreposition(c) || townBeforeArea(c, k);
  if (places.size === 0 && !kept.some(retype)) return kept;
  return kept.map((c, k) => (retype(c, k) ? { ...c, type: 'place', confidence: round(c.confidence * 0.8) } : c));
}

/**
 * Each name of a list of divisions ("Barrow and Jackson counties", "the Donetsk and Luhansk
 * regions") is that division, whatever found the name first (the lexicon knows "Donetsk" as a
 * place, the model may take "Barrow" for a person); a name nothing found is added.
 */
export function listedDivisions(view: TokenView, found: Candidate[]): Candidate[] {
  const listed = divisionLists(view);
  if (listed.length === 0) return found;
  const at = new Map(listed.map((d) => [d.first, d]));
  const used = new Set<Candidate>();
  const out = found.map((c) => {
    const d = at.get(c.first);
    if (!d || d.last !== c.last || (c.type !== 'place' && c.evidence !== 'ner' && c.evidence !== 'propagated')) return c;
    used.add(d);
    return d;
  });
  for (const d of listed) if (!used.has(d) && !found.some((c) => c.first <= d.last && d.first <= c.last)) out.push(d);
  return out;
}

/** words after a name that make it a division's ("DeKalb County", "the Kharkiv region") */
const DIVISION_WORDS = new Set(['county', 'parish', 'borough', 'township']);

/**
 * A division named in full is named by its name alone too: "DeKalb" in an article on "DeKalb
 * County", "Avoyelles" beside "Avoyelles Parish", where the model took the lone word for an
 * organisation or a person. Not the surname of a person the article names in full ("Anderson"
 * beside "Anderson County" and "John Anderson"), nor a person with a title.
 */
export function divisionsByTheirName(view: TokenView, lex: Lexicon, found: Candidate[]): Candidate[] {
  const names = new Set<string>();
  for (const c of found) {
    const division = c.last === c.first + 1 && (DIVISION_WORDS.has(view.lower[c.last]!) || lex.places.regionNouns.has(view.lower[c.last]!));
    if (c.type === 'place' && division) names.add(view.compactLower[c.first]!);
  }
  if (names.size === 0) return found;
  const surnames = surnamesOf(view, found);
  const byName = (c: Candidate) =>
    c.first === c.last &&
    names.has(view.compactLower[c.first]!) &&
    (c.evidence === 'ner' || c.evidence === 'propagated') &&
    (c.type === 'organization' || (c.type === 'person' && !c.role && !surnames.has(view.compactLower[c.first]!)));
  return found.map((c) => (byName(c) ? { ...c, type: 'place' } : c));
}

/**
 * The MISC policy, and places that take a region noun: "the Kharkiv region", and a dateline in
 * capitals that the model took for an organisation ("KHARKIV REGION, November 18").
 */
export function keepOrRetype(view: TokenView, lex: Lexicon, c: Candidate): Candidate[] {
  if (c.type === 'misc') return EVENT_WORDS.test(c.name) ? [{ ...c, type: 'other' }] : [];
  // "District A", "Pack 123", "City Hall": words for a kind of place are no place's name
  if (c.type === 'place' && c.evidence === 'ner' && c.last - c.first < 3 && view.lower.slice(c.first, c.last + 1).every((w) => lex.places.kindNouns.has(w))) return [];
  // an acronym no country, region or town is spelled as ("AIG", "LTTE") names a body
  if (c.type === 'place' && c.first === c.last && c.evidence === 'ner' && bodysAcronym(c.name)) return [{ ...c, type: 'organization' }];
  // not an institution's district ("Rapides Parish Fire District"): the place inside is found later
  if ((c.type === 'organization' || c.type === 'person') && c.evidence === 'ner' && c.last > c.first && lex.places.regionNouns.has(view.lower[c.last]!) && !serviceDistrict(view, c.first, c.last)) {
    return [{ ...c, type: 'place' }];
  }
  // "Northeast Georgia", "Downtown Greer", "Metro Nashville": the town or state after a part's word,
  // unless the whole is a place's name ("North Carolina"); not a country or continent, which the part
  // makes another place ("North Vietnam", "Western Europe")
  if ((c.type === 'organization' || c.type === 'person') && c.evidence === 'ner' && c.last > c.first && c.last - c.first <= 3 && PART_WORDS.has(view.compactLower[c.first]!)) {
    const whole = knownPlace(c.name);
    const rest = fromTokens(view, c.first + 1, c.last, { type: 'place', evidence: 'ner', confidence: c.confidence });
    const part = knownPlace(rest.name);
    if (!whole.named && view.cap[c.first + 1] && (part.division || (part.cityPopulation > 0 && !part.area))) return [rest];
  }
  const hometown = c.type === 'person' && c.evidence === 'ner' ? personOfTown(view, c) : null;
  if (hometown) return hometown;
  if ((c.type === 'organization' || c.type === 'person') && c.evidence === 'ner' && (isStreet(view, lex, c) || isDivision(view, c) || isFeature(view, c) || isCapsDateline(view, c.first, c.last))) {
    return [{ ...c, type: 'place' }];
  }
  if (c.type === 'place' && !c.region) {
    const next = c.last + 1;
    if (next < view.tokens.length && lex.places.regionNouns.has(view.lower[next]!) && view.tokens[next]!.sentence === view.tokens[c.last]!.sentence) {
      return [fromTokens(view, c.first, next, { type: 'place', evidence: c.evidence, confidence: c.confidence })];
    }
  }
  return [c];
}

/**
 * "Daniel Ray Hufstetler of Roswell", "Mindy Miller of Ravenel": a name the model ran on into the
 * person's town is the person and the town, where the gazetteer has a town or area so named and two
 * names or more stand before "of" (not a title's "Duke of Edinburgh").
 */
function personOfTown(view: TokenView, c: Candidate): Candidate[] | null {
  for (let of = c.first + 2; of < c.last; of++) {
    if (view.lower[of] !== 'of') continue;
    for (let t = c.first; t < of; t++) if (!view.cap[t]) return null;
    for (let t = of + 1; t <= c.last; t++) if (!view.cap[t]) return null;
    const town = fromTokens(view, of + 1, c.last, { type: 'place', evidence: 'ner', confidence: c.confidence });
    if (!isPlaceName(knownPlace(town.name))) return null;
    const person = fromTokens(view, c.first, of - 1, { type: 'person', evidence: 'ner', confidence: c.confidence, ...(c.role ? { role: c.role } : {}) });
    return [person, town];
  }
  return null;
}

/** street words written short, after a street's name ("Patrick St.") */
const STREET_ABBREVIATIONS = new Set(['st.', 'ave.', 'rd.', 'blvd.']);

/**
 * A name ending in a street's word: "Henrico Boulevard", "Sumska Street", "Patrick St." No one's
 * surname is "Drive" or "Boulevard"; a "Lane" is a street only where a street stands: after "on",
 * "at", "block of" and the like, or a house number ("508 Cumberland Lane"), not in "Nathan Lane said".
 */
function isStreet(view: TokenView, lex: Lexicon, c: Candidate): boolean {
  const word = view.lower[c.last]!;
  if (c.last === c.first || !(lex.places.streetNouns.has(word) || STREET_ABBREVIATIONS.has(word))) return false;
  if (word !== 'lane') return true;
  const before = c.first - 1;
  if (before < 0 || view.tokens[before]!.sentence !== view.tokens[c.first]!.sentence) return false;
  return lex.places.streetLeads.has(view.lower[before]!) || /^\d+$/.test(view.compact[before]!);
}

/** words that end the name of a natural feature: "Otter Creek Wilderness", "River Lune" opens with one */
const FEATURE_ENDS = new Set(['river', 'creek', 'wilderness', 'forest', 'trail', 'valley', 'island', 'islands', 'mountain', 'mountains', 'canyon', 'reservoir', 'lake', 'bay']);
const FEATURE_STARTS = new Set(['lake', 'mount', 'mt.', 'fort', 'river']);
/** people are named so too: "Ricki Lake", "Michael Bay"; "River Phoenix" */
const SURNAME_FEATURES = new Set(['lake', 'bay', 'forest']);
const GIVEN_NAME_FEATURES = new Set(['river']);

/** A name of several words that a feature's word ends or opens ("Lake Cunningham") is the feature, not a person or a body. */
function isFeature(view: TokenView, c: Candidate): boolean {
  if (c.last === c.first || c.last - c.first > 3) return false;
  const end = view.lower[c.last]!;
  const start = view.lower[c.first]!;
  const person = c.type === 'person';
  return (FEATURE_ENDS.has(end) && !(person && SURNAME_FEATURES.has(end))) || (FEATURE_STARTS.has(start) && !(person && GIVEN_NAME_FEATURES.has(start)));
}

/** A name ending in a division's word is the division ("Walker County", "Jackson Township"), whatever the model said. */
const isDivision = (view: TokenView, c: Candidate) => c.last > c.first && DIVISION_WORDS.has(view.lower[c.last]!);

/**
 * A lone word the model took for a town that is the surname of a person the article names in full
 * is that person ("Abraham Lincoln" ... "Lincoln's height", "Elizabeth Fairfield" ... "Fairfield's
 * lawyers"); not a country's or a region's name ("Michael Jordan" and Jordan).
 */
export function surnamesAsPeople(view: TokenView, kept: Candidate[]): Candidate[] {
  const surnames = surnamesOf(view, kept);
  if (surnames.size === 0) return kept;
  return kept.map((c) =>
    c.type === 'place' && c.evidence === 'ner' && c.first === c.last && surnames.has(view.compactLower[c.first]!) && !knownPlace(c.name).area ? { ...c, type: 'person' } : c,
  );
}

/** the small words of family names: "Ursula von der Leyen", "Rafael van der Vaart", "Luiz da Silva" */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'ter', 'ten', 'zu']);

/**
 * A person's name the model cut at its particles ("Ursula" + "von der" + "Leyen", as an
 * organisation and a place) is one person. Not a place's name spelled so ("Rio de Janeiro").
 */
export function namesWithParticles(view: TokenView, kept: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of kept) {
    let t = c.first - 1;
    while (t >= 0 && PARTICLES.has(view.tokens[t]!.text) && view.tokens[t]!.sentence === view.tokens[c.first]!.sentence) t--;
    const prev = out[out.length - 1];
    const joins =
      t < c.first - 1 && c.evidence === 'ner' && c.first === c.last && prev !== undefined && prev.last === t && prev.evidence === 'ner' && view.cap[c.first]! &&
      view.tokens[t]!.sentence === view.tokens[c.first]!.sentence;
    if (joins) {
      const person = fromTokens(view, prev.first, c.last, { type: 'person', evidence: 'ner', confidence: Math.min(prev.confidence, c.confidence) });
      if (!knownPlace(person.name).named) {
        out[out.length - 1] = person;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** A place the tagger cut at a hyphen takes the rest of its name: "Kupiansk-Vuzlovyi" (places.ts). */
export function joinHyphenated(view: TokenView, kept: Candidate[]): Candidate[] {
  const word = (t: number) => view.cap[t]! && view.compact[t] !== '';
  const joined = kept.map((c) =>
    c.type === 'place' && hyphenated(view, c.last, word) ? fromTokens(view, c.first, c.last + 2, { type: 'place', evidence: c.evidence, confidence: c.confidence }) : c,
  );
  // the rest of the name is no entity of its own
  const ends = new Set(joined.filter((c, k) => c !== kept[k]).map((c) => c.last));
  return ends.size ? joined.filter((c) => !(c.first === c.last && ends.has(c.last) && c.type !== 'place')) : joined;
}
