/**
 * What the offline map needs, read from installed packages so the report makes no request:
 * Leaflet's script and stylesheet, and country borders (world-atlas, Natural Earth 1:110m)
 * converted from TopoJSON to GeoJSON with topojson-client. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TopojsonClient from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const read = (id: string) => readFileSync(require.resolve(id), 'utf8');

export interface MapAssets {
  leafletJs: string;
  leafletCss: string;
  /** a GeoJSON FeatureCollection of country outlines, coordinates rounded to 0.01 degree */
  countries: unknown;
}

let cached: MapAssets | undefined;

export function mapAssets(): MapAssets {
  if (cached) return cached;
  const leafletJs = read('leaflet/dist/leaflet.js').replace(/\/\/# sourceMappingURL=\S*/g, '');
  // the stylesheet's images (marker icon, layer switcher) would be requests; the report uses neither
  const leafletCss = read('leaflet/dist/leaflet.css').replace(/url\([^)]*\)/g, 'none');
  const topo = JSON.parse(read('world-atlas/countries-110m.json')) as Topology<{ countries: GeometryCollection }>;
  // (required here, not imported: only a run that writes HTML needs it)
  const { feature } = require('topojson-client') as typeof TopojsonClient;
  const geo = feature(topo, topo.objects.countries);
  const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : Math.round((v as number) * 100) / 100);
  const countries = {
    type: 'FeatureCollection',
    features: geo.features.map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry && { type: f.geometry.type, coordinates: round((f.geometry as { coordinates: unknown }).coordinates) } })),
  };
  cached = { leafletJs, leafletCss, countries };
  return cached;
}
