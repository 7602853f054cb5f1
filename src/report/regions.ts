/**
 * First-level regions (oblasts, states, provinces) for the HTML report: their names, so a
 * candidate reads "Kharkiv, Ukraine" rather than "(07, UA)", and their outlines for the map, only
 * for the countries a report's places lie in. Data: data/report/admin1.json (build-regions.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';

/** Simplification tolerance of the stored outlines, in degrees. */
export const TOLERANCE = 0.02;

export interface RegionFile {
  source: string;
  /** by ISO 3166-1 alpha-2 country code */
  regions: Record<string, { name: string; admin1: string | null; rings: number[][] }[]>;
}

let cached: RegionFile | undefined;
function regionFile(): RegionFile {
  const path = dataPath('report/admin1.json');
  cached ??= existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RegionFile) : { source: '', regions: {} };
  return cached;
}

/** The region's name for a GeoNames admin1 code ("07" in UA -> "Kharkiv"), or null. */
export function regionName(countryCode: string, admin1: string | undefined): string | null {
  if (!admin1) return null;
  return regionFile().regions[countryCode]?.find((r) => r.admin1 === admin1)?.name ?? null;
}

/** The regions of some countries as a GeoJSON FeatureCollection of polygons (name in properties). */
export function regionOutlines(countries: readonly string[]) {
  const features = countries.flatMap((cc) =>
    (regionFile().regions[cc] ?? []).map((r) => ({
      type: 'Feature' as const,
      properties: { name: r.name, country: cc },
      geometry: { type: 'MultiPolygon' as const, coordinates: r.rings.map((ring) => [decode(ring)]) },
    })),
  );
  return { type: 'FeatureCollection' as const, features };
}

function decode(ring: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    x += ring[i]!;
    y += ring[i + 1]!;
    out.push([x / 100, y / 100]);
  }
  // a GeoJSON ring is closed
  if (out.length > 0 && (out[0]![0] !== x / 100 || out[0]![1] !== y / 100)) out.push(out[0]!);
  return out;
}
