/**
 * What kind of source a source span names (ARCHITECTURE.md: named-person, named-organization,
 * outlet, anonymous, pseudonymous, collective, document; 'unknown' when nothing fits). An entity
 * link decides first; otherwise the wording of the span does, read from its head noun and its
 * markers of anonymity. Every pattern here is bounded: no nested quantifiers over the input.
 */
import type { Entity, EntityType, SourceKind } from '../core/schema.js';

/** Outlets named often enough in news that a bare name suffices (lower case). */
export const OUTLETS = new Set(
  [
    'ria novosti', 'ria', 'tass', 'interfax', 'sputnik', 'rt', 'izvestia', 'kommersant', 'vedomosti', 'meduza',
    'reuters', 'ap', 'associated press', 'afp', 'agence france-presse', 'upi', 'bloomberg', 'bbc', 'cnn', 'nbc',
    'cbs', 'abc', 'fox news', 'msnbc', 'npr', 'pbs', 'al jazeera', 'the guardian', 'the times', 'the new york times',
    'new york times', 'the washington post', 'washington post', 'the wall street journal', 'wall street journal',
    'politico', 'axios', 'the hill', 'breitbart', 'huffington post', 'the huffington post', 'buzzfeed', 'vox',
    'ukrinform', 'unian', 'kyiv independent', 'the kyiv independent', 'ukrainska pravda', 'le monde', 'der spiegel',
    'bild', 'the economist', 'financial times', 'the financial times', 'newsweek', 'time', 'usa today', 'xinhua',
  ],
);

/** Capitals that stand for their governments ("Kyiv says"): collective when no entity says otherwise. */
const CAPITALS = new Set(['kyiv', 'kiev', 'moscow', 'washington', 'beijing', 'london', 'paris', 'berlin', 'brussels', 'tehran', 'ankara', 'minsk', 'warsaw', 'tokyo', 'pyongyang', 'seoul', 'jerusalem', 'damascus', 'delhi', 'new delhi']);

const ANONYMOUS_MARKERS =
  /\b(?:unnamed|unidentified|anonymous|anonymity|not (?:authori[sz]ed|allowed|permitted)|asked not to be (?:named|identified)|declined to be (?:named|identified)|speaking on (?:the )?condition|familiar with|close to|with knowledge of|insiders?)\b/i;
/** Nouns that name a person or a group only by role; with an indefinite or vague determiner they are anonymous. */
const ROLE_NOUNS =
  /\b(?:sources?|officials?|officers?|commanders?|generals?|persons?|people|insiders?|diplomats?|aides?|advisers?|advisors?|representatives?|spokes(?:man|woman|person)|employees?|staffers?|investigators?|operatives?|soldiers?|servicem[ae]n|fighters?|residents?|witness(?:es)?|analysts?|experts?|members?|someone|individuals?)\b/i;
const INDEFINITE = /^(?:a|an|one|two|three|four|five|several|some|many|few|the|multiple|other)\b/i;
const DOCUMENTS =
  /\b(?:statement|memo|memorandum|report|document|documents|advertisement|ad|letter|release|press release|filing|study|survey|poll|data|tweet|post|video|footage|message|announcement|communiqu[eé]|decree|order|resolution|transcript|website|page|notice|leaflet|bulletin|analysis|assessment|conclusions?|findings|assumptions|update|records?|papers?|emails?|e-mails?|leaks?|cables?)$/i;
/** Groups named by a plural role or by their side: "Russian officials", "critics", "the authorities". */
const COLLECTIVE_HEADS =
  /\b(?:officials|authorities|critics|experts|analysts|observers|residents|locals|activists|supporters|opponents|lawmakers|legislators|leaders|politicians|officers|commanders|soldiers|troops|forces|militants|separatists|democrats|republicans|voters|citizens|people|residents|scientists|researchers|economists|investors|diplomats|sources|prosecutors|government|authorities|side|camp|community|media|west|allies|nations|countries|public|many|others|both|all)$/i;
const ORGANIZATION_WORDS =
  /\b(?:ministry|ministries|chancellery|military|department|administration|government|kremlin|pentagon|party|committee|council|commission|agency|service|services|office|campaign|army|navy|guard|corps|command|staff|court|parliament|duma|rada|senate|congress|house|bank|fund|union|university|institute|center|centre|group|company|corporation|inc|corp|ltd|foundation|organi[sz]ation|association|federation|police|fbi|cia|nato|un|eu|who|imf|kgb|fsb|sbu|gru|mod)\b/i;
/** The head of a phrase naming a news outlet by what it is ("AFP news agency", "the Telegram channel SOTA"). */
const OUTLET_HEADS =
  /\b(?:(?:news|press|state)\s+agency|newspaper|tabloid|broadcaster|(?:telegram|tv|television|youtube)\s+channel|(?:news\s+)?outlet|news\s+(?:portal|site|website|service)|magazine|radio\s+station)\b/i;
/** Offices held by one person: "the foreign minister", "the head of state", "The president of Moldova". */
export const PERSON_TITLES =
  /\b(?:minister|president|premier|chancellor|head|chief|leader|secretary|ambassador|envoy|diplomat|politician|mayor|governor|spokes(?:man|woman|person)|patriarch|pope|king|queen|prince|senator|director|chairman|chairwoman|chair|adviser|advisor|ceo|executive|prosecutor|judge|lawmaker|deputy|lawyer|attorney)$/i;
/** A lower-case institution named again by what it is: "the company", "the ministry", "the German chancellery". */
export const DEFINITE_ORGANIZATION =
  /^the\s+(?:[\p{L}’'-]+\s+){0,2}?(?:ministry|company|military|chancellery|government|administration|department|agency|army|navy|committee|council|commission|court|parliament|firm|bank|group|institute|centre|center|office|embassy|mission)$/iu;
const POSSESSIVE_ROLE = /^(?:his|her|their|its)\s+(?:[\p{L}-]+\s+)?(?:lawyers?|attorneys?|spokes(?:man|woman|person)|aides?|advisers?|advisors?|friends?|relatives?|colleagues?|representatives?)$/iu;
/** A person's name closing the phrase as an apposition: ", Igor Konashenkov," (two to four capitalised words). */
const APPOSED_NAME = /,\s*((?:\p{Lu}[\p{Ll}’'-]+\s+){1,3}\p{Lu}[\p{Ll}’'-]+)\s*,?$/u;
const PRONOUN = /^(?:he|she|him|her|his|hers|i|me|my|we|us|our|they|them|their|it|its|who|whose|which|that|you|your)$/i;
const PLURAL_PRONOUN = /^(?:we|they|them|us|our|their)$/i;
/** A quoted name ("the operative ‘Grom’") or a marker of a name that is not the person's own. */
const PSEUDONYM = /[‘'"“«]\p{Lu}[^‘'"“”’»]{0,40}[’'"”»]|\b(?:known as|nicknamed|call sign|callsign|alias|pseudonym|going by|handle)\b|@\w/u;

const ENTITY_KIND: Record<EntityType, SourceKind> = {
  person: 'named-person',
  organization: 'named-organization',
  outlet: 'outlet',
  'military-unit': 'named-organization',
  place: 'collective', // "Kyiv said": a capital speaking for its government, a collective
  other: 'unknown',
};

export interface KindResult {
  kind: SourceKind;
  entity?: Entity;
}

/** Words of the span without a leading determiner-ish word, and its last word (the head, roughly). */
export function head(text: string): string {
  // An apposition follows a comma: "Ana Berg, the harbour master" is headed by the name.
  const words = text.split(',')[0]!.replace(/[.;:]+$/u, '').trim().split(/\s+/);
  // "X of Y", "X within Y", "X who ...": the head sits before the first preposition or relative.
  const cut = words.findIndex((w, i) => i > 0 && /^(?:of|within|in|from|at|with|who|whose|which|that|close|familiar|on|for)$/i.test(w));
  return (cut > 0 ? words.slice(0, cut) : words).join(' ');
}

/**
 * Classifies a source span. `entity` is the entity whose mention the span holds (or is held by),
 * when the entities layer found one.
 */
export function classifySource(text: string, entity?: Entity): KindResult {
  const t = text.trim();
  const lower = t.toLowerCase().replace(/^the\s+/, '');
  const h = head(t);
  const lastWord = h.split(/\s+/).pop() ?? '';
  if (ANONYMOUS_MARKERS.test(t)) return { kind: 'anonymous' };
  // the entity counts only when it is the one named at the head, not the group after "of"
  if (PSEUDONYM.test(t)) return { kind: 'pseudonymous', entity: entity && h.includes(entity.name) ? entity : undefined };
  // A role named by the person who holds it ("A spokesman for the Russian Defence Ministry, Igor Konashenkov,"): that person.
  const apposition = APPOSED_NAME.exec(t);
  if (apposition && !ORGANIZATION_WORDS.test(apposition[1]!)) return { kind: 'named-person', entity: entity?.type === 'person' ? entity : undefined };
  if (OUTLETS.has(lower) || OUTLETS.has(t.toLowerCase()) || OUTLET_HEADS.test(h)) return { kind: 'outlet', entity };
  // A document named by its head noun ("the Sunday report of the General Staff", "ISW conclusions"),
  // whatever entity its phrase holds.
  if (/^\p{Ll}/u.test(lastWord) && DOCUMENTS.test(lastWord)) return { kind: 'document' };
  // An office holder ("The head of the Hungarian Ministry of Foreign Affairs", "the foreign
  // minister"): a person, not the institution named after "of"; one whom the article names or
  // can name, so named (build.ts links it to the person named before, when there is one).
  const personEntity = entity?.type === 'person' ? entity : undefined;
  if (/^(?:the|[\p{Lu}][\p{L}]*(?:’s|'s))\s/iu.test(t) && PERSON_TITLES.test(h.replace(/[’']s$/u, ''))) {
    return { kind: 'named-person', entity: personEntity };
  }
  if (POSSESSIVE_ROLE.test(h)) return { kind: 'anonymous' };
  if (DEFINITE_ORGANIZATION.test(h)) return { kind: 'named-organization', entity: entity?.type === 'organization' ? entity : undefined };
  if (entity && !PRONOUN.test(t)) {
    // A role phrase that merely contains a name ("a source within Russian law enforcement") is not that entity.
    if (!(INDEFINITE.test(t) && ROLE_NOUNS.test(h))) return { kind: ENTITY_KIND[entity.type], entity };
  }
  if (DOCUMENTS.test(lastWord)) return { kind: 'document' };
  if (INDEFINITE.test(t) && ROLE_NOUNS.test(h) && !/^the\b/i.test(t)) return { kind: 'anonymous' };
  if (/^the\s+(?:source|official|insider|person|commander|officer)$/i.test(h)) return { kind: 'anonymous' };
  // a group named by a plural role: "officials", "the mill’s owners"
  if (COLLECTIVE_HEADS.test(lastWord) || /^\p{Ll}{3,}[^s]s$/u.test(lastWord)) return { kind: 'collective' };
  // A title before a name ("Harbour Authority spokeswoman Ilse Varga"): the closing name decides.
  const words = t.replace(/[,.;:]+$/u, '').split(/\s+/);
  const closing = words.slice(-2);
  if (closing.length === 2 && closing.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORGANIZATION_WORDS.test(w)) && words[words.length - 3] !== 'of') {
    return { kind: 'named-person' };
  }
  if (ORGANIZATION_WORDS.test(h) && /\p{Lu}/u.test(h)) return { kind: 'named-organization' };
  if (PRONOUN.test(t)) return { kind: PLURAL_PRONOUN.test(t) ? 'collective' : 'unknown', entity };
  if (CAPITALS.has(lower.replace(/[’']s$/u, ''))) return { kind: 'collective' };
  // A name in title case ("Gerasimov", "Valery Gerasimov", "General Staff Chief ... Gerasimov"): a person.
  if (/\p{Lu}\p{Ll}/u.test(lastWord) && /^\p{Lu}/u.test(lastWord)) return { kind: 'named-person' };
  return { kind: 'unknown' };
}
