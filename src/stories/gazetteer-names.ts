/**
 * The gazetteer as a PlaceNamer: every place a name can denote through the transliterating
 * skeleton keys (Kyiv, Kiev, Київ; Donbas, Donbass), countries and continents left out. Exact
 * keys only: a fuzzy match would pair names that merely look alike.
 */
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import { skeleton } from '../geo/normalize.js';
import { placeKey } from './layers.js';
import type { NamedPlace, PlaceNamer } from './spellings.js';

/** Not names a side spells its way. */
const NOT_SPELLINGS = /^(?:PCL|CONT)/;

export function gazetteerNames(gazetteer: Gazetteer = loadGazetteer()): PlaceNamer {
  const memo = new Map<string, NamedPlace[]>();
  return (name) => {
    const key = skeleton(name);
    let places = memo.get(key);
    if (!places) {
      const seen = new Set<string>();
      places = [];
      for (const hit of gazetteer.lookup(key)) {
        const p = gazetteer.place(hit.index);
        const k = placeKey(p.geonamesId, p.name);
        if (NOT_SPELLINGS.test(p.feature) || seen.has(k)) continue;
        seen.add(k);
        places.push({ key: k, geonamesId: p.geonamesId, name: p.name });
      }
      memo.set(key, places);
    }
    return places;
  };
}
