/**
 * US counties (and Louisiana's parishes, Alaska's boroughs) for the gazetteer: names and centres
 * from the U.S. Census Bureau's boundaries as the us-atlas package ships them (public domain data,
 * ISC package). Local news names them all the time ("Laurel County", "Pointe Coupee Parish"), and
 * cities500 has only towns. A centre is the area-weighted centroid of the county's largest ring.
 * Independent cities (Virginia's, Baltimore, St. Louis, Carson City) are towns, not counties: the
 * town entry of cities500 stands for them. GeoNames ids are not in the source: the entries have none.
 */
import { createRequire } from 'node:module';
import type * as TopojsonClient from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface County {
  /** "Laurel County", "Pointe Coupee Parish" */
  name: string;
  /** the name as written with the word and its abbreviation: "Laurel Co." */
  names: string[];
  /** GeoNames' admin1 code of the state: its postal abbreviation */
  admin1: string;
  /** its FIPS code within the state, GeoNames' admin2 code of the towns in it: '079' */
  admin2: string;
  lat: number;
  lon: number;
}

/** State FIPS code -> postal abbreviation (GeoNames' admin1 codes for the US). */
const STATES: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC', '12': 'FL', '13': 'GA',
  '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA',
  '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY',
  '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX',
  '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY',
};
/** FIPS county codes from 510 up are independent cities in Virginia, Maryland, Missouri and Nevada. */
const INDEPENDENT_CITY = /^(?:51[5-9]\d\d|24510|29510|32510)$/;

type Ring = [number, number][];

/** Area-weighted centroid of a ring (shoelace formula, in degrees: counties are small). */
function centroid(ring: Ring): { lat: number; lon: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) return { lon: ring[0]![0], lat: ring[0]![1], area: 0 };
  return { lon: cx / (3 * a), lat: cy / (3 * a), area: Math.abs(a / 2) };
}

export function usCounties(): County[] {
  const require = createRequire(import.meta.url);
  const { feature } = require('topojson-client') as typeof TopojsonClient;
  const topo = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<{ name: string }> }>;
  const out: County[] = [];
  for (const f of feature(topo, topo.objects.counties).features) {
    const fips = String(f.id);
    const admin1 = STATES[fips.slice(0, 2)];
    if (!admin1 || INDEPENDENT_CITY.test(fips) || !f.properties?.name || !f.geometry) continue;
    const rings: Ring[] =
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0] as Ring] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.map((p) => p[0] as Ring) : [];
    let best: { lat: number; lon: number; area: number } | null = null;
    for (const r of rings) {
      const c = centroid(r);
      if (!best || c.area > best.area) best = c;
    }
    if (!best) continue;
    const base = f.properties.name;
    const word = admin1 === 'LA' ? 'Parish' : admin1 === 'AK' ? 'Borough' : 'County';
    const names = [`${base} ${word}`, ...(word === 'County' ? [`${base} Co.`] : [])];
    out.push({ name: names[0]!, names, admin1, admin2: fips.slice(2), lat: Math.round(best.lat * 1e4) / 1e4, lon: Math.round(best.lon * 1e4) / 1e4 });
  }
  return out;
}
