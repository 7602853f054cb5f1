/**
 * The entities of an article, as a pure function of its text layer and the NER model's spans:
 *  1. candidates from the lexicons, the unit patterns and the NER spans (ORG retyped to outlet by
 *     context, any span ending in a masthead noun an outlet, PER given a role from the title or
 *     apposition around it; in a headline, only spans the body agrees with), and people after titles;
 *  2. overlaps settled (lexicon > pattern > role > NER), titles kept free of entities;
 *  3. names found once propagated to their other occurrences, then the weakest cues (outlet
 *     nouns, place patterns) on what is left;
 *  4. coreference into entities with all their mentions.
 *
 * MISC policy: an NER MISC span is kept (as type 'other') only when it names an event, operation,
 * agreement or document ("Operation Barbarossa", "the Minsk Agreements"); nationalities, languages
 * and other adjectives ("Ukrainian") are not entities worth listing. A MISC span still keeps weaker
 * rules off its tokens ("in Ukrainian" is not a place).
 */
import type { Token } from '../core/doc.js';
import type { Entity, Sentence } from '../core/schema.js';
import { fromTokens, round, select, trimToName, type Candidate } from './candidates.js';
import { corefer } from './coref.js';
import { lexicon, type Lexicon } from './lexicon.js';
import type { NerSpan } from './ner/tagger.js';
import { isMasthead, mastheads, outletContext, outletsBeforeNouns } from './outlets.js';
import { knownAreas, knownAs, retypeKnownPlaces } from './known-places.js';
import { placesInsideNames } from './inside-names.js';
import { capsDatelines, partyHometowns, placesFromCues } from './places.js';
import { propagateNames } from './propagate.js';
import { peopleAfterTitles, roleAfter, roleBefore, roleBeforeQuoted, type EntityReach, type RoleFound } from './roles.js';
import { divisionsByTheirName, joinHyphenated, keepOrRetype, listedDivisions, loneNamesAsPlaces, namesWithParticles, surnamesAsPeople } from './retype.js';
import { titleLines, tokenView, type TokenView } from './tokens.js';
import { findUnits } from './units.js';

/**
 * Months, days and feasts, and the numbers that open sentences ("One man was arrested"): capitalised
 * like names, and a name alone only by the tagger's mistake.
 */
const CALENDAR_WORDS = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'christmas easter thanksgiving halloween hanukkah ramadan one two three four five six seven eight nine ten').split(' '),
);
/** "St. Patrick's Day", "St. Valentine's Day": a saint's feast, no place */
const FEAST = /^[’']s[ \t]+(?:Day|Eve)\b/;

export function buildEntities(text: string, tokens: Token[], sentences: Sentence[], nerSpans: readonly NerSpan[]): Entity[] {
  void sentences; // tokens carry their sentence index; kept for the shape the tagger shares
  const view = tokenView(text, tokens);
  const lex = lexicon();
  const n = tokens.length;

  // 1. strong candidates: lexicon names and unit patterns first, since titles must not cut them
  const known: Candidate[] = [
    ...lex.names.matchAll(view).map((m) =>
      fromTokens(view, m.first, m.last, {
        type: m.value.type,
        evidence: 'lexicon',
        confidence: 0.95,
        // a place keeps the text's spelling: the places analyzer links spellings to GeoNames
        name: m.value.type === 'place' ? undefined : m.value.name,
        canonical: m.value.type !== 'place',
        weak: m.value.weak,
        region: m.value.region,
      }),
    ),
    ...findUnits(view, lex),
    ...partyHometowns(view),

  ];
  const reach: EntityReach = new Int32Array(n).fill(-1);
  for (const c of known) for (let t = c.first; t <= c.last; t++) reach[t] = Math.max(reach[t]!, c.last);

  const blocked = new Uint8Array(n);
  const block = (r: RoleFound) => blocked.fill(1, r.first, r.last + 1);
  const fromModel = headlineSpans(view, nerSpans.flatMap((s) => nerCandidate(view, lex, reach, s, block)));
  const modelPerson = new Uint8Array(n);
  for (const c of fromModel) if (c.type === 'person') modelPerson.fill(1, c.first, c.last + 1);
  const titled = peopleAfterTitles(view, lex, reach).filter(({ person }) => !modelPerson.subarray(person.first, person.last + 1).includes(1));
  for (const { title } of titled) block(title);

  // 2. overlaps
  const chosen = select([...known, ...fromModel, ...titled.map((p) => p.person)], n, blocked);
  const kept = joinHyphenated(view, retypeKnownPlaces(view, loneNamesAsPlaces(view, lex, surnamesAsPeople(view, namesWithParticles(view, chosen.flatMap((c) => keepOrRetype(view, lex, c)))))));

  // 3. propagation, then the weakest cues on free tokens
  const taken = new Uint8Array(n);
  for (const c of [...chosen, ...kept]) taken.fill(1, c.first, c.last + 1);
  for (let t = 0; t < n; t++) if (blocked[t]) taken[t] = 1;
  const propagated = propagateNames(view, lex, kept, taken);
  const free = (t: number) => taken[t] === 0;
  const outlets = outletsBeforeNouns(view, lex, free);
  for (const c of outlets) taken.fill(1, c.first, c.last + 1);
  for (const c of mastheads(view, lex, free)) {
    outlets.push(c);
    taken.fill(1, c.first, c.last + 1);
  }
  const placeEnds = new Map([...kept, ...propagated].filter((c) => c.type === 'place').map((c) => [c.last, c.confidence]));
  const places = placesFromCues(view, lex, free, placeEnds);
  for (const c of places) taken.fill(1, c.first, c.last + 1);
  const areas = knownAreas(view, lex, free);
  for (const c of areas) taken.fill(1, c.first, c.last + 1);
  const datelines = capsDatelines(view, free);
  for (const c of datelines) taken.fill(1, c.first, c.last + 1);
  const cued = [...outlets, ...places, ...areas, ...datelines];
  const repeated = propagateNames(view, lex, cued, taken);

  // 4. places inside the names of organisations and outlets ("Mariupol City Council"), then coreference
  const named = [...kept, ...propagated, ...cued, ...repeated];
  // the names of events and works the MISC policy dropped hold places too ("the Tennessee Senior Olympics")
  const miscNames = chosen.filter((c) => c.type === 'misc');
  const all = divisionsByTheirName(view, lex, listedDivisions(view, [...named, ...placesInsideNames(view, [...named, ...miscNames])])).sort((a, b) => a.start - b.start);
  return corefer(view, all, taken);
}

/** A candidate from one NER span: trimmed to the name, typed, a person's title split off. */
function nerCandidate(
  view: TokenView,
  lex: Lexicon,
  reach: EntityReach,
  span: NerSpan,
  block: (r: RoleFound) => void,
): Candidate[] {
  const range = trimToName(view, span.start, span.end);
  if (!range || (range.first === range.last && CALENDAR_WORDS.has(view.lower[range.first]!))) return [];
  if (span.label === 'LOC' && FEAST.test(view.text.slice(view.tokens[range.last]!.end, view.tokens[range.last]!.end + 8))) return [];
  let { first } = range;
  const { last } = range;
  const confidence = round(span.confidence);
  // "the Springfield Gazette", "seen by the Gazette": a masthead whatever the model called it
  if (isMasthead(view, lex, first, last)) return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: 'outlet' })];
  // fields written out: object spreads here were a tenth of the stage's time in V8
  switch (span.label) {
    case 'PER': {
      // "President Vladimir Putin" tagged whole: the title goes to the role
      let role: RoleFound | null = null;
      const inside = lex.roles.matchAt(view, first);
      if (inside && inside.last < last && view.cap[inside.last + 1]) {
        role = { role: inside.value.canonical, first, last: inside.last };
        first = inside.last + 1;
      }
      role ??= roleBefore(view, lex, reach, first) ?? roleAfter(view, lex, reach, last);
      if (role && role.last < first) block(role);
      return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: 'person', role: role?.role })];
    }
    case 'ORG':
    case 'MISC': {
      const alias = roleBeforeQuoted(view, lex, reach, first, last);
      if (alias) {
        block(alias);
        return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: 'person', role: alias.role })];
      }
      if (span.label === 'MISC') return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: 'misc' })];
      return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: outletContext(view, lex, first, last) ? 'outlet' : 'organization' })];
    }
    case 'LOC': {
      // "told the Springfield Gazette": a name the gazetteer does not know, where an outlet stands
      const outlet = last > first && outletContext(view, lex, first, last) && knownAs(view.text.slice(view.tokens[first]!.start, view.tokens[last]!.end)) === null;
      return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: outlet ? 'outlet' : 'place' })];
    }
    default:
      return [fromTokens(view, first, last, { evidence: 'ner', confidence, type: 'misc' })];
  }
}

/** Capitalised small words of a title-case line ("Ministry Of Defence"): neither evidence nor an edge. */
const TITLE_SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'de', 'von', 'van', 'al', 'el']);

/**
 * In a headline in title case or capitals every word is capitalised, so the model's spans there
 * rest on capitals that say little, and run on into the headline's other words ("City Council
 * Approves Library Expansion" read as one organisation). The body tells which words are names: a
 * word it capitalises inside a sentence (or at a sentence start, when it never writes it in lower
 * case) is one; a word it writes in lower case is not ("library"); a word it does not use says
 * nothing. A span in such a line is kept when no word of it is written in lower case in the body
 * and its words are all names there or all unknown there (a caption's "Timothy Fadek", a
 * subhead's "ISRAEL"). Otherwise it is dropped, and the body's own names reach the headline by
 * propagation ("City Council", "Garland" in "AG GARLAND"). Short words in capitals ("US", "PAP")
 * are acronyms, which the body's "us" does not refute.
 */
function headlineSpans(view: TokenView, fromModel: Candidate[]): Candidate[] {
  if (!fromModel.some((c) => view.headline[c.first])) return fromModel;
  const headline = titleLines(view);
  if (!fromModel.some((c) => headline[c.first])) return fromModel;
  const { compact, compactLower, cap, tokens } = view;
  const inside = new Set<string>();
  const atStart = new Set<string>();
  const lower = new Set<string>();
  for (let t = 0; t < tokens.length; t++) {
    if (headline[t] || compact[t] === '') continue;
    if (!cap[t]) lower.add(compactLower[t]!);
    else {
      let k = t - 1;
      while (k >= 0 && tokens[k]!.sentence === tokens[t]!.sentence && compact[k] === '') k--;
      (k >= 0 && tokens[k]!.sentence === tokens[t]!.sentence ? inside : atStart).add(compactLower[t]!);
    }
  }
  const trusted = (c: Candidate): boolean => {
    let names = 0;
    let unknown = 0;
    for (let t = c.first; t <= c.last; t++) {
      const w = compactLower[t]!;
      if (compact[t] === '' || !cap[t] || TITLE_SMALL.has(w)) continue;
      if (inside.has(w) || (atStart.has(w) && !lower.has(w))) names++;
      else if (lower.has(w) && !(w.length <= 3 && compact[t] === compact[t]!.toUpperCase())) return false;
      else unknown++;
    }
    return names === 0 || unknown === 0;
  };
  return fromModel.filter((c) => !headline[c.first] || trusted(c));
}

