/**
 * Candidate mentions: what each rule (lexicon, unit pattern, NER span, role cue, context cue)
 * proposes before overlaps are settled. Candidates are whole tokens; the character span may stop
 * short of the last token's end when a possessive was cut off a one-token "Guard’s".
 */
import type { EntityType } from '../core/schema.js';
import { endsPossessive, isPossessive, isQuote, tokenAt, type TokenView } from './tokens.js';

/** Where a candidate comes from, strongest first. */
export type Evidence = 'lexicon' | 'pattern' | 'role' | 'ner' | 'propagated' | 'cue';

export interface Candidate {
  first: number;
  last: number;
  start: number;
  end: number;
  /** 'misc': an NER MISC span, kept only while overlaps are settled (see policy in build.ts) */
  type: EntityType | 'misc';
  /** the canonical name: the lexicon's, or the surface text cleaned of quotes and possessives */
  name: string;
  evidence: Evidence;
  confidence: number;
  /** `name` is a lexicon's canonical name, not the text's spelling */
  canonical?: boolean;
  /** a lexicon name that is also an ordinary word: yields to a longer candidate around it */
  weak?: boolean;
  /** a lexicon place that is itself a region */
  region?: boolean;
  /** a person's role, normalised */
  role?: string;
}

const RANK: Record<Evidence, number> = { lexicon: 6, pattern: 5, role: 4, ner: 3, propagated: 2, cue: 1 };

/** Capitalised at a sentence's start, the model takes them into the name ("Another Gainesville business"). */
const QUANTIFIERS = new Set(['another', 'every', 'each', 'some', 'many', 'several', 'both', 'most', 'few', 'other', 'such', 'any']);
const QUOTE_CHARS = new Set(['\'', '"', '‘', '’', '“', '”', '«', '»', '„']);

/** Surface text of a span without quotes, possessive or line breaks: "‘Azov’" -> "Azov". */
export function cleanName(text: string): string {
  // hand-written rather than regular expressions: this runs once per candidate
  let s = /[\t\n\r\u00a0]| {2}/.test(text) ? text.replace(/\s+/g, ' ') : text;
  let a = 0;
  let b = s.length;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  if (b - a > 2 && (s[b - 1] === 's' || s[b - 1] === 'S') && (s[b - 2] === "'" || s[b - 2] === '’')) b -= 2;
  while (a < b && (QUOTE_CHARS.has(s[a]!) || s.charCodeAt(a) <= 32)) a++;
  while (b > a && (QUOTE_CHARS.has(s[b - 1]!) || s.charCodeAt(b - 1) <= 32)) b--;
  s = s.slice(a, b);
  return s;
}

/** Character span of tokens first..last. */
export function spanOf(view: TokenView, first: number, last: number): { start: number; end: number } {
  return { start: view.tokens[first]!.start, end: view.tokens[last]!.end };
}

/**
 * Token range of a character span with the edges an entity name should not have trimmed off:
 * a leading "the" or quantifier ("Another", "Most"), quotes around it and a trailing possessive. Null when nothing is left or the
 * span does not fall on token boundaries.
 */
export function trimToName(view: TokenView, start: number, end: number): { first: number; last: number } | null {
  let first = tokenAt(view, start);
  let last = tokenAt(view, end, true);
  if (first < 0 || last < 0) return null;
  while (first <= last && (view.lower[first] === 'the' || isQuote(view.lower[first]!) || !view.compact[first] || (first < last && QUANTIFIERS.has(view.lower[first]!)))) first++;
  while (last >= first && (isPossessive(view.lower[last]!) || isQuote(view.lower[last]!) || !view.compact[last])) last--;
  return first <= last ? { first, last } : null;
}

/** A candidate over tokens first..last, its name taken from the text. */
export function fromTokens(
  view: TokenView,
  first: number,
  last: number,
  fields: Omit<Candidate, 'first' | 'last' | 'start' | 'end' | 'name'> & { name?: string },
): Candidate {
  const { start } = spanOf(view, first, last);
  let end = view.tokens[last]!.end;
  // "Guard’s" as one token (Intl.Segmenter): the mention stops before the possessive
  if (endsPossessive(view.tokens[last]!.text)) end -= 2;
  // fields copied one by one: an object spread here costs tens of microseconds per candidate in V8
  const c: Candidate = {
    first,
    last,
    start,
    end,
    type: fields.type,
    name: fields.name ?? nameOf(view, first, last, end),
    evidence: fields.evidence,
    confidence: fields.confidence,
  };
  if (fields.canonical) c.canonical = true;
  if (fields.weak) c.weak = true;
  if (fields.region) c.region = true;
  if (fields.role) c.role = fields.role;
  return c;
}

function withoutQuotes(gap: string): string {
  let out = '';
  for (const ch of gap) if (!QUOTE_CHARS.has(ch)) out += ch;
  return out;
}

/** The text of tokens first..last without its quote tokens: "Brigade ‘Kholodnyi Yar’" -> "Brigade Kholodnyi Yar". */
function nameOf(view: TokenView, first: number, last: number, end: number): string {
  let name = '';
  let previousEnd = -1;
  for (let t = first; t <= last; t++) {
    if (isQuote(view.lower[t]!)) continue;
    const tok = view.tokens[t]!;
    if (previousEnd >= 0) name += withoutQuotes(view.text.slice(previousEnd, tok.start));
    name += view.text.slice(tok.start, Math.min(tok.end, end));
    previousEnd = tok.end;
  }
  return cleanName(name);
}

/**
 * Settles overlaps: the strongest evidence wins, then the longer candidate, then the earlier one.
 * A lexicon place inside a longer candidate, and a weak lexicon name inside a longer person
 * or place, are dropped first, so 'Minsk Agreements', 'Azov Sea' or 'Richard Wagner' are not cut up. `blocked` tokens (a person's title) take no entity.
 */
export function select(candidates: Candidate[], tokenCount: number, blocked: Uint8Array): Candidate[] {
  // for each token, the longest candidate over it, and the longest person or place
  const longest = new Map<number, Candidate>();
  const longestNamed = new Map<number, Candidate>();
  const note = (map: Map<number, Candidate>, t: number, o: Candidate) => {
    const had = map.get(t);
    if (!had || had.last - had.first < o.last - o.first) map.set(t, o);
  };
  for (const o of candidates) {
    for (let t = o.first; t <= o.last; t++) {
      note(longest, t, o);
      if (o.type === 'person' || o.type === 'place') note(longestNamed, t, o);
    }
  }
  const inside = (c: Candidate, o: Candidate | undefined) =>
    o !== undefined && o.first <= c.first && o.last >= c.last && o.last - o.first > c.last - c.first;
  // a known place inside a longer name is part of it ("Kyiv" in "Kyiv City Council", "Minsk
  // Agreements"); a weak unit name yields to a longer person or place only ("Azov Sea")
  const yields = (c: Candidate) =>
    c.evidence === 'lexicon' &&
    ((c.type === 'place' && inside(c, longest.get(c.first))) || (c.weak === true && inside(c, longestNamed.get(c.first))));
  const kept = candidates.filter((c) => !yields(c));
  kept.sort(
    (a, b) => RANK[b.evidence] - RANK[a.evidence] || b.last - b.first - (a.last - a.first) || a.first - b.first,
  );
  const taken = new Uint8Array(tokenCount);
  const out: Candidate[] = [];
  for (const c of kept) {
    let free = true;
    for (let t = c.first; t <= c.last && free; t++) free = taken[t] === 0 && blocked[t] === 0;
    if (!free) continue;
    for (let t = c.first; t <= c.last; t++) taken[t] = 1;
    out.push(c);
  }
  return out.sort((a, b) => a.first - b.first);
}

/** Confidences to three decimals, as reports print them. */
export const round = (x: number) => Math.round(x * 1000) / 1000;
