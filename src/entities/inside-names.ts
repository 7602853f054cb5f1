/**
 * Places inside the names of organisations: "Grand Ledge Police Department", "the Kyiv School of
 * Economics", "Mariupol City Council", "the Texas Forest Service", "University of Texas". The
 * organisation stays an organisation; the place its name gives is a place mention as well, so that
 * it is linked, mapped and counted with the article's other places. Only where the name says what it
 * is: a town opens the name and the next word is an institution's ("Police", "City", "School"); a
 * country, state, region or county opens it ("Kentucky Workforce Development Cabinet", "Laurel County
 * Clerk"), unless a pact is named for it ("North Atlantic Treaty"); a country or region follows "of"
 * ("Professional Association of Georgia Educators"); a town closes it after "City of" or "Bank of"
 * ("First Bank of Princeton"); a word for a part of a place may stand before it ("Northern Illinois University"). Only names the
 * gazetteer knows as a country, region (a US county too: "Laurel County"), sea or continent, or as a
 * town spelled as its own name; never the town that lends a county its name ("Anderson" in "Anderson
 * County Sheriff"). Outlets' mastheads and units are left alone: "The Washington Post" is a paper,
 * "Azov" in a regiment's name no sea.
 */
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { normalizeKey, skeleton } from '../geo/normalize.js';
import { fromTokens, type Candidate } from './candidates.js';
import { isDemonym, type TokenView } from './tokens.js';

/** Words that, after a place at the start of a name, make it the name of that place's institution. */
const INSTITUTION = new Set(
  (
    'police sheriff sheriffs city town village council mayor fire department school schools high elementary middle ' +
    'institute chamber board court courthouse hospital medical clinic airport library museum zoo park parks ' +
    'fed federal state public community regional oblast ' +
    'municipal district metro transit water electric power energy port harbor harbour symphony opera ballet theatre theater club ' +
    'association society forest service highway patrol region military administration cathedral church diocese patriarchate ' +
    'mosque synagogue station railway railways bus stadium arena football basketball baseball hockey rugby marathon festival fair ' +
    'committee project bureau reservoir recreation senior chapter lodge cemetery branch international'
  ).split(' '),
);
/** After a town's name these make it a division's name: the division is the place, if the gazetteer has it. */
const DIVISION = new Set(['county', 'parish', 'township', 'borough', 'co', 'twp']);
// outlets' mastheads ("The Washington Post") name a paper, not where the story is; "X University" is as often a benefactor
const TYPES = new Set(['organization', 'other', 'misc']);
/** places that after "of" end a company's or a body's name more often than they place it ("Bank of America") */
const NOT_AFTER_OF = new Set(['america', 'commerce', 'congress']);
/** after an area, these name a pact for it, not a body in it ("North Atlantic Treaty Organization") */
const NAMED_FOR = new Set(['treaty', 'alliance', 'pact', 'accord', 'accords']);
const MAX_PLACE = 3;
/** before "of" and a town that closes the name, words for its institutions ("Bank of Princeton"), not "Department of Justice" */
const TOWN_WORDS = new Set(['city', 'town', 'village', 'municipality', 'mayor', 'port', 'university', 'college', 'bank', 'people', 'diocese', 'archdiocese', 'church']);
/** words that name a part of a place before its name: "Northeast Georgia", "Metro Nashville" */
export const PART_WORDS = new Set(
  (
    'north south east west northeast northwest southeast southwest northern southern eastern western ' +
    'northeastern northwestern southeastern southwestern central upper lower greater metro downtown'
  ).split(' '),
);

/** What the gazetteer knows `name` as: an area (country, region, sea), a town spelled so, or nothing. */
function known(name: string, gaz: Gazetteer): 'area' | 'town' | null {
  const key = normalizeKey(name);
  // a short word without its dot is an abbreviation only by accident ("Man", "Mass" in "the Institute
  // of Mass Information"): it counts only as a place's own name ("Ohio", "Iran")
  if (key.length <= 2 && !name.includes('.')) return null;
  const bare = key.length <= 4 && !name.includes('.');
  let found: 'area' | 'town' | null = null;
  for (const h of gaz.lookup(skeleton(name))) {
    const p = gaz.place(h.index);
    if (bare && normalizeKey(p.name) !== key) continue;
    if (p.kind !== 'city' && !h.former) return 'area';
    if (p.kind === 'city' && normalizeKey(p.name) === key) found = 'town';
  }
  return found;
}

/** A town named like a word the article writes in lower case ("City Council", "Central Community") is that word. */
function commonWord(view: TokenView, name: string): boolean {
  if (name.includes(' ')) return false;
  const word = name.toLowerCase();
  return view.lower.some((w, t) => w === word && !view.cap[t]);
}

/** Whether a word strictly between `first` and `last` is in one of `sets`. */
function wordBetween(view: TokenView, first: number, last: number, ...sets: ReadonlySet<string>[]): boolean {
  for (let t = first + 1; t < last; t++) if (sets.some((set) => set.has(view.compactLower[t]!))) return true;
  return false;
}

/** Whether a word between `first` and `last` names an institution: "the Dublin Veterans Project". */
const institutionWithin = (view: TokenView, first: number, last: number) => wordBetween(view, first, last, INSTITUTION);

/** a town's services, which have districts of their own */
const SERVICES = new Set(['fire', 'police', 'sheriff', 'school', 'schools', 'water', 'sewer', 'library', 'park', 'parks', 'transit', 'hospital', 'court', 'utility']);

/** "Rapides Parish Fire District" is no region but a service's district, in a division. */
export const serviceDistrict = (view: TokenView, first: number, last: number): boolean => wordBetween(view, first, last, SERVICES, DIVISION);

/** Candidates for the places inside the names of the organisations and outlets among `candidates`. */
export function placesInsideNames(view: TokenView, candidates: readonly Candidate[], gaz: Gazetteer = loadGazetteer()): Candidate[] {
  const out: Candidate[] = [];
  const { cap, compactLower, tokens } = view;
  const nameOf = (a: number, b: number) => view.text.slice(tokens[a]!.start, tokens[b]!.end);
  const found = new Set<number>();
  const place = (a: number, b: number) => {
    // a name seen as an organisation and as an event ("the Persian Gulf War") gives its place once
    if (found.has(a)) return;
    found.add(a);
    out.push(fromTokens(view, a, b, { type: 'place', evidence: 'cue', confidence: 0.6 }));
  };
  // the places the article names on their own: one that opens an institution's name, or a name of
  // three words or more, is that place ("Dublin" and "the Dublin Arts Council", "Dublin Environmental
  // Services"; not "Victoria" and "Victoria Nuland")
  const placeNames = new Set(candidates.filter((c) => c.type === 'place').map((c) => normalizeKey(c.name)));
  for (const c of candidates) {
    // a school or a police the model took for a person ("Middletown High School", "Alexandria
    // Police"): only a town before an institution's word, since people are named like states ("Georgia Stevens")
    const person = c.type === 'person' && !c.role;
    if ((!TYPES.has(c.type) && !person) || c.last === c.first) continue;
    let first = c.first;
    if (compactLower[first] === 'the') first++;
    // the longest known run of capitalised words at the start, followed by an institution's word;
    // else the same after a part's word ("Northeast Georgia Medical Center", "Northern Illinois
    // University"; "Northern Ireland Office" is found whole first)
    const placedAt = (start: number) => {
      for (let len = Math.min(MAX_PLACE, c.last - start); len >= 1; len--) {
        const last = start + len - 1;
        const next = compactLower[last + 1]!;
        if (!cap[start] || DIVISION.has(next)) continue;
        if (!tokens.slice(start, last + 1).every((_, k) => cap[start + k])) continue;
        const name = nameOf(start, last);
        // "the Arab League": a people's name is no place's
        if (start === last && isDemonym(view.lower[start]!)) continue;
        const kind = known(name, gaz);
        // a town only before an institution's word ("Dallas Police", not "Boston Scientific"); a state,
        // county or country before any word of the name ("Kentucky Workforce Development Cabinet",
        // "Laurel County Clerk")
        const named = placeNames.has(normalizeKey(name)) && (institutionWithin(view, last, c.last + 1) || c.last - last >= 2);
        const opensName = named || (kind === 'area' && cap[last + 1] && !NAMED_FOR.has(next));
        if (kind && (INSTITUTION.has(next) || (!person && opensName)) && !commonWord(view, name)) {
          place(start, last);
          return true;
        }
      }
      return false;
    };
    if (!placedAt(first) && PART_WORDS.has(compactLower[first]!)) placedAt(first + 1);
    if (person) continue;
    // "University of Texas", "Armed Forces of Ukraine", "First Bank of Princeton": the place after the
    // last "of", a country or region anywhere in the rest ("Professional Association of Georgia
    // Educators"), a town where it closes the name after a word for its institutions
    for (let of = c.last - 1; of > first; of--) {
      if (compactLower[of] !== 'of') continue;
      for (let last = Math.min(c.last, of + MAX_PLACE); last > of; last--) {
        if (!tokens.slice(of + 1, last + 1).every((_, k) => cap[of + 1 + k])) continue;
        const name = nameOf(of + 1, last);
        const kind = known(name, gaz);
        const closes = last === c.last;
        if (kind && !NOT_AFTER_OF.has(name.toLowerCase()) && (kind === 'area' || (closes && TOWN_WORDS.has(compactLower[of - 1]!)))) {
          place(of + 1, last);
          break;
        }
      }
      break;
    }
  }
  return out;
}
