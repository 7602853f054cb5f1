/**
 * Our own entity lexicons (data/outlets.json, organizations.json, military-units.json, places.json,
 * roles.json), read once and compiled into phrase matchers and word sets.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import type { EntityType } from '../core/schema.js';
import { PhraseMatcher } from './phrases.js';

/** A lexicon name: what a matching mention is, and the canonical name it takes. */
export interface NamedEntry {
  name: string;
  type: EntityType;
  /** an ordinary word or name as well (Azov Sea, Wagner): yields to a longer entity around it */
  weak: boolean;
  /** a place that is itself a region: 'the Donbas region' is the same place */
  region: boolean;
}

export interface RoleTitle {
  canonical: string;
  /** takes an "of/for X" complement from the text (Head of the regional administration) */
  complement: boolean;
}

export interface Lexicon {
  names: PhraseMatcher<NamedEntry>;
  roles: PhraseMatcher<RoleTitle>;
  roleModifiers: PhraseMatcher<string>;
  units: { nouns: Set<string>; modifiers: Set<string>; namedNouns: PhraseMatcher<string> };
  places: {
    prepositions: Set<string>;
    /** place prepositions that stand before institutions too ("in Nato"): weaker evidence */
    institutionPrepositions: Set<string>;
    ofNouns: Set<string>;
    regionNouns: Set<string>;
    takenVerbs: Set<string>;
    afterNouns: Set<string>;
    /** the town's people and services after its name: 'Roselle police', 'an Augusta native' */
    peopleNouns: Set<string>;
    /** a kind of place or body: alone, capitalised, no place's name ('District A', 'Pack 123') */
    kindNouns: Set<string>;
    /** the last word of a street's name ("Sumska Street"), and the words before one ("on", "block of") */
    streetNouns: Set<string>;
    streetLeads: Set<string>;
    never: Set<string>;
  };
  outletCues: {
    nounsAfter: Set<string>;
    staffAfter: Set<string>;
    verbsBefore: PhraseMatcher<string>;
    verbsAfter: Set<string>;
    /** the last word of a masthead ("Gazette", "Herald", "Times"): a capitalised name before it is an outlet */
    headNouns: Set<string>;
    notOutletWords: Set<string>;
  };
}

interface EntryFile {
  entries: { name: string; aliases: string[]; weak?: boolean; region?: boolean }[];
}
interface OutletFile extends EntryFile {
  cues: { nounsAfter: string[]; staffAfter: string[]; verbsBefore: string[]; verbsAfter: string[]; headNouns: string[]; notOutletWords: string[] };
}
interface UnitFile extends EntryFile {
  patterns: { unitNouns: string[]; modifiers: string[]; namedUnitNouns: string[] };
}
interface PlaceFile extends EntryFile {
  patterns: {
    prepositions: string[];
    institutionPrepositions: string[];
    ofNouns: string[];
    regionNouns: string[];
    takenVerbs: string[];
    afterNouns: string[];
    peopleNouns: string[];
    kindNouns: string[];
    streetNouns: string[];
    streetLeads: string[];
    never: string[];
  };
}
interface RoleFile {
  titles: { canonical: string; variants: string[]; complement: boolean }[];
  modifiers: string[];
}

const read = <T>(file: string): T => JSON.parse(readFileSync(dataPath(file), 'utf8')) as T;

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  return (cached ??= compile());
}

function compile(): Lexicon {
  const units = read<UnitFile>('military-units.json');
  const places = read<PlaceFile>('places.json');
  const roles = read<RoleFile>('roles.json');
  const outlets = read<OutletFile>('outlets.json');
  const named = [
    ...phrasesOf(outlets, 'outlet'),
    ...phrasesOf(read<EntryFile>('organizations.json'), 'organization'),
    ...phrasesOf(units, 'military-unit'),
    ...phrasesOf(places, 'place'),
  ];
  return {
    names: new PhraseMatcher(named, 'capitals'),
    roles: new PhraseMatcher(
      roles.titles.flatMap((t) =>
        [t.canonical, ...t.variants].map((phrase) => ({ phrase, value: { canonical: t.canonical, complement: t.complement } })),
      ),
      'any',
    ),
    roleModifiers: new PhraseMatcher(roles.modifiers.map((m) => ({ phrase: m, value: m })), 'any'),
    units: {
      nouns: new Set(units.patterns.unitNouns),
      modifiers: new Set(units.patterns.modifiers),
      namedNouns: new PhraseMatcher(units.patterns.namedUnitNouns.map((n) => ({ phrase: n, value: n })), 'any'),
    },
    places: {
      prepositions: new Set(places.patterns.prepositions),
      institutionPrepositions: new Set(places.patterns.institutionPrepositions),
      ofNouns: new Set(places.patterns.ofNouns),
      regionNouns: new Set(places.patterns.regionNouns),
      takenVerbs: new Set(places.patterns.takenVerbs),
      afterNouns: new Set(places.patterns.afterNouns),
      peopleNouns: new Set(places.patterns.peopleNouns),
      kindNouns: new Set(places.patterns.kindNouns),
      streetNouns: new Set(places.patterns.streetNouns),
      streetLeads: new Set(places.patterns.streetLeads),
      never: new Set(places.patterns.never),
    },
    outletCues: {
      nounsAfter: new Set(outlets.cues.nounsAfter),
      staffAfter: new Set(outlets.cues.staffAfter),
      verbsBefore: new PhraseMatcher(outlets.cues.verbsBefore.map((v) => ({ phrase: v, value: v })), 'any'),
      verbsAfter: new Set(outlets.cues.verbsAfter),
      headNouns: new Set(outlets.cues.headNouns),
      notOutletWords: new Set(outlets.cues.notOutletWords),
    },
  };
}

/** Name and aliases as phrases; a leading "The" is left out, since running text writes "the". */
function phrasesOf(file: EntryFile, type: EntityType): { phrase: string; value: NamedEntry }[] {
  return file.entries.flatMap((e) => {
    const weak = e.weak === true;
    const region = e.region === true;
    return [e.name, ...e.aliases].map((alias) => {
      const phrase = alias.replace(/^The\s+/, '');
      // only the one-word aliases of a weak entry are weak: "Wagner Group" is not
      return { phrase, value: { name: e.name, type, weak: weak && !/\s/.test(phrase), region } };
    });
  });
}
