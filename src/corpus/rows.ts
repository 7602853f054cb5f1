/**
 * The rows that index a stored article, derived from its Analysis (the same for both backends):
 * the names it mentions (every spelling, normalised), the places pinned on the map, the
 * techniques it uses and the kinds of source it cites. Each is distinct per article.
 */
import type { Analysis } from '../core/schema.js';

export interface NameRow {
  name: string;
  type: string;
  geonamesId: number | null;
}

export interface PlaceRow {
  geonamesId: number | null;
  name: string;
  lat: number;
  lon: number;
}

export interface IndexRows {
  names: NameRow[];
  places: PlaceRow[];
  techniques: string[];
  sourceKinds: string[];
}

/** "The Kyiv Independent", "Kyïv" -> "kyiv independent", "kyiv": how names are compared. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export function indexRows(analysis: Analysis): IndexRows {
  const names = new Map<string, NameRow>();
  const places = new Map<string, PlaceRow>();
  const text = analysis.document.text;
  const seen = new Set<string>(); // spellings already normalised: most mentions repeat one
  for (const entity of analysis.entities) {
    const geonamesId = entity.place?.geonamesId ?? null;
    const add = (spelling: string) => {
      if (seen.has(spelling)) return;
      seen.add(spelling);
      const name = normaliseName(spelling);
      if (name && !names.has(name)) names.set(name, { name, type: entity.type, geonamesId });
    };
    add(entity.name);
    for (const m of entity.mentions) if (m.kind !== 'pronoun') add(m.text ?? text.slice(m.start, m.end));
    const place = entity.place;
    if (place && place.lat !== null && place.lon !== null) {
      const key = place.geonamesId === null ? `${place.lat},${place.lon}` : String(place.geonamesId);
      if (!places.has(key)) places.set(key, { geonamesId: place.geonamesId, name: place.name, lat: place.lat, lon: place.lon });
    }
  }
  const techniques = [...new Set(analysis.techniques.map((t) => t.technique))];
  const sourceKinds = [...new Set(analysis.attributions.flatMap((a) => (a.source ? [a.source.kind] : [])))];
  return { names: [...names.values()], places: [...places.values()], techniques, sourceKinds };
}

/** The latitude/longitude box that holds every point within `km` of the centre. */
export function boundingBox(lat: number, lon: number, km: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = km / 111.2;
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const cos = Math.cos((Math.max(Math.abs(minLat), Math.abs(maxLat)) * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : km / (111.32 * cos);
  return dLon >= 180 ? { minLat, maxLat, minLon: -180, maxLon: 180 } : { minLat, maxLat, minLon: lon - dLon, maxLon: lon + dLon };
}
