/**
 * Affiliations: the demonyms by which a text refers to a country or a region without naming it
 * ("Russian officials", "the Georgian Interior Ministry", "Palestinians fled", "Crimean Tatars").
 * They are no place mentions (no place finding ever reads them), but they do say which country or
 * region is meant, so each is kept as a reference to it, at its GeoNames id (where it has one) and
 * point. The demonyms are our own lists (data/geo/countries.json, data/geo/regions.json), singular
 * and plural.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import type { Entity } from '../core/schema.js';
import { lowerBound } from '../core/search.js';
import { countryName, countryWords } from './countries.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { skeleton } from './normalize.js';
import type { Place } from './place.js';
import type { Affiliation } from './schema.js';

/** What a demonym refers to: a country, or a region of our gazetteer by its name. */
interface Referent {
  countryCode: string;
  region?: string;
}

interface Lexicon {
  /** every demonym, longest first, in one alternation */
  pattern: RegExp;
  referent: Map<string, Referent>;
}

let lexicon: Lexicon | undefined;

function demonyms(): Lexicon {
  if (lexicon) return lexicon;
  const referent = new Map<string, Referent>();
  for (const [countryCode, words] of Object.entries(countryWords().demonyms)) for (const w of words) referent.set(w, { countryCode });
  const { regions } = JSON.parse(readFileSync(dataPath('geo/regions.json'), 'utf8')) as { regions: { name: string; country: string; demonyms?: string[] }[] };
  for (const r of regions) for (const w of r.demonyms ?? []) referent.set(w, { countryCode: r.country, region: r.name });
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = [...referent.keys()].sort((a, b) => b.length - a.length).map(escape);
  // whole words only: not "Russianness", not the "American" of "Latin-American" read as a word on its own
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${words.join('|')})(?![\p{L}\p{N}])`, 'gu');
  return (lexicon = { pattern, referent });
}

/** The country's or region's own gazetteer entry, for its GeoNames id and point. */
function referentPlace({ countryCode, region }: Referent, gaz: Gazetteer): Place | undefined {
  const kind = region ? 'region' : 'country';
  const name = region ?? countryName(countryCode);
  for (const h of gaz.lookup(skeleton(name))) {
    const p = gaz.place(h.index);
    if (p.kind === kind && p.countryCode === countryCode && (!region || p.name === region)) return p;
  }
  return undefined;
}

/**
 * The demonyms of a text, outside the place entities' mentions ("the Russian Federation" is a
 * place, not an affiliation). Linear in the text: one pass of one regular expression.
 */
export function findAffiliations(text: string, entities: readonly Entity[], gaz: Gazetteer = loadGazetteer()): Affiliation[] {
  const { pattern, referent } = demonyms();
  const places = entities.filter((e) => e.type === 'place').flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  // the place mention that starts last before `end` is the one that can overlap (mentions do not nest)
  const inPlace = (start: number, end: number) => {
    const i = lowerBound(places, (m) => m.start < end) - 1;
    return i >= 0 && places[i]!.end > start;
  };
  const points = new Map<Referent, Place | undefined>();
  const out: Affiliation[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inPlace(start, end)) continue;
    const to = referent.get(m[0])!;
    if (!points.has(to)) points.set(to, referentPlace(to, gaz));
    const p = points.get(to);
    out.push({
      start, end, text: m[0], countryCode: to.countryCode, ...(to.region ? { region: to.region } : {}),
      geonamesId: p?.geonamesId ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null,
    });
  }
  return out;
}
