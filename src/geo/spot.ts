/**
 * Place names in a text without the entities layer: capitalised runs the gazetteer knows as a
 * country, a region or a town of some size. For `unspin places --context` and for tests that
 * cannot wait for the entities layer; the pipeline links the entities layer's places instead.
 */
import type { Entity } from '../core/schema.js';
import type { Gazetteer } from './gazetteer.js';
import { skeleton } from './normalize.js';

const RUN = /\p{Lu}[\p{L}’'-]{1,30}(?:[ \t]+\p{Lu}[\p{L}’'-]{1,30}){0,2}/gu;
const MIN_POPULATION = 10_000;

function known(name: string, gaz: Gazetteer): boolean {
  return gaz.lookup(skeleton(name)).some((h) => {
    const p = gaz.place(h.index);
    return p.kind !== 'city' || p.population >= MIN_POPULATION || h.former;
  });
}

/** Place entities for the known names in `text`, one per distinct name, with every mention. */
export function spotPlaces(text: string, gaz: Gazetteer): Entity[] {
  const byName = new Map<string, Entity>();
  for (const m of text.matchAll(RUN)) {
    const words = [...m[0].matchAll(/[^ \t]+/g)].map((w) => {
      const start = m.index + w.index;
      return { start, end: start + w[0].replace(/['’]s$/u, '').length };
    });
    const nameOf = (i: number, len: number) => text.slice(words[i]!.start, words[i + len - 1]!.end);
    // the longest known sub-run from the left: "Donetsk People's Republic" before "Donetsk"
    for (let i = 0; i < words.length; ) {
      let len = words.length - i;
      while (len > 0 && !known(nameOf(i, len), gaz)) len--;
      if (len === 0) {
        i++;
        continue;
      }
      const name = nameOf(i, len);
      let e = byName.get(name);
      if (!e) byName.set(name, (e = { id: `place-${byName.size + 1}`, type: 'place', name, mentions: [] }));
      e.mentions.push({ start: words[i]!.start, end: words[i + len - 1]!.end });
      i += len;
    }
  }
  return [...byName.values()];
}

/** Place entities for given names, with every exact occurrence in `text` as a mention. */
export function entitiesFromNames(text: string, names: readonly string[]): Entity[] {
  return names.map((name, i) => {
    const mentions: Entity['mentions'] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      mentions.push({ start: at, end: at + name.length });
    }
    return { id: `place-${i + 1}`, type: 'place', name, mentions };
  });
}
