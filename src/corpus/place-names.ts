/**
 * `search --entity`: a place name in any spelling (Kharkiv, Kharkov, Charkiw, Харків) resolves,
 * through the gazetteer's transliterating skeleton keys, to the GeoNames ids of the places it can
 * name; the store matches those ids as well as the name itself.
 */
import { loadGazetteer } from '../geo/gazetteer.js';
import { skeleton } from '../geo/normalize.js';

/** At most this many places per name (the most populous), so 'Springfield' stays a short list. */
const MAX_PLACES = 50;

export function placeIds(name: string): number[] {
  const gazetteer = loadGazetteer();
  const places = gazetteer.lookup(skeleton(name)).map((hit) => gazetteer.place(hit.index));
  places.sort((a, b) => b.population - a.population);
  return [...new Set(places.flatMap((p) => (p.geonamesId === null ? [] : [p.geonamesId])))].slice(0, MAX_PLACES);
}
