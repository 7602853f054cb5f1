/**
 * Affiliations: the demonyms by which a text refers to a country without naming it ("Russian
 * officials", "the Georgian Interior Ministry", "Palestinians fled"). They are no place mentions
 * (no place finding ever reads them), but they do say which country is meant, so each is kept as
 * a reference to that country, at the country's GeoNames id and point. The demonyms are our own
 * list (data/geo/countries.json), singular and plural.
 */
import type { Entity } from '../core/schema.js';
import { lowerBound } from '../core/search.js';
import { countryName, countryWords } from './countries.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { skeleton } from './normalize.js';
import type { Affiliation } from './schema.js';

interface Lexicon {
  /** every demonym, longest first, in one alternation */
  pattern: RegExp;
  country: Map<string, string>;
}

let lexicon: Lexicon | undefined;

function demonyms(): Lexicon {
  if (lexicon) return lexicon;
  const country = new Map<string, string>();
  for (const [cc, words] of Object.entries(countryWords().demonyms)) for (const w of words) country.set(w, cc);
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = [...country.keys()].sort((a, b) => b.length - a.length).map(escape);
  // whole words only: not "Russianness", not the "American" of "Latin-American" read as a word on its own
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${words.join('|')})(?![\p{L}\p{N}])`, 'gu');
  return (lexicon = { pattern, country });
}

/** The country's own gazetteer entry, for its GeoNames id and point. */
function countryPlace(cc: string, gaz: Gazetteer) {
  for (const h of gaz.lookup(skeleton(countryName(cc)))) {
    const p = gaz.place(h.index);
    if (p.kind === 'country' && p.countryCode === cc) return p;
  }
  return undefined;
}

/**
 * The demonyms of a text, outside the place entities' mentions ("the Russian Federation" is a
 * place, not an affiliation). Linear in the text: one pass of one regular expression.
 */
export function findAffiliations(text: string, entities: readonly Entity[], gaz: Gazetteer = loadGazetteer()): Affiliation[] {
  const { pattern, country } = demonyms();
  const places = entities.filter((e) => e.type === 'place').flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  // the place mention that starts last before `end` is the one that can overlap (mentions do not nest)
  const inPlace = (start: number, end: number) => {
    const i = lowerBound(places, (m) => m.start < end) - 1;
    return i >= 0 && places[i]!.end > start;
  };
  const points = new Map<string, ReturnType<typeof countryPlace>>();
  const out: Affiliation[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inPlace(start, end)) continue;
    const cc = country.get(m[0])!;
    if (!points.has(cc)) points.set(cc, countryPlace(cc, gaz));
    const p = points.get(cc);
    out.push({ start, end, text: m[0], countryCode: cc, geonamesId: p?.geonamesId ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null });
  }
  return out;
}
