import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IndexFile } from './format.js';
import { boundedDistance, GAZETTEER_PATH, loadGazetteer } from './gazetteer.js';
import { skeleton } from './normalize.js';

const gaz = loadGazetteer();
const ids = (name: string) => gaz.lookup(skeleton(name)).map((h) => gaz.place(h.index).geonamesId);

describe('the compiled gazetteer', () => {
  it('holds the cities500 places, the countries and our regions', () => {
    expect(gaz.size).toBeGreaterThan(190_000);
    // a country at GeoNames' own entry (id and point), not at its capital
    expect(gaz.place(gaz.lookup(skeleton('Ukraine'))[0]!.index)).toMatchObject({ kind: 'country', geonamesId: 690791, lat: 49, lon: 32 });
    expect(ids('Asia')).toContain(6255147);
    expect(gaz.place(gaz.lookup(skeleton('Ky.'))[0]!.index)).toMatchObject({ kind: 'region', countryCode: 'US', admin1: 'KY' });
    expect(gaz.place(gaz.lookup(skeleton('Donbass'))[0]!.index)).toMatchObject({ kind: 'region', countryCode: 'UA', covers: ['05', '14'] });
    expect(gaz.regionName('UA', '07')).toBe('Kharkiv Oblast');
  });

  it('finds a place by any of its spellings', () => {
    for (const name of ['Kharkov', 'Kharkiv', 'Харків', 'Харьков']) expect(ids(name), name).toContain(706483);
    for (const name of ['Kupjansk', 'Kupiansk', 'Купянськ']) expect(ids(name), name).toContain(703656);
    for (const name of ['Gulyaypole', 'Huliaipole']) expect(ids(name), name).toContain(707898);
  });

  it('flags former names of renamed places', () => {
    for (const name of ['Krasnoarmiysk', 'Krasnoarmeysk']) {
      const hit = gaz.lookup(skeleton(name)).find((h) => gaz.place(h.index).geonamesId === 704422);
      expect(hit?.former, name).toBe(true);
    }
    expect(gaz.renamedInfo(704422)?.year).toBe(2016);
  });

  it('finds truncated and garbled names within two edits', () => {
    const near = (name: string) => gaz.fuzzy(skeleton(name), 2).map((h) => gaz.place(h.index).geonamesId);
    expect(near('Gulyaypol')).toContain(707898);
    expect(near('Krasnoarmskoye')).toContain(704422);
  });

  it('loads fast (the file is read and viewed, not parsed per place)', () => {
    const t0 = performance.now();
    const file = new IndexFile(readFileSync(GAZETTEER_PATH));
    const ms = performance.now() - t0;
    expect(file.nPlaces).toBe(gaz.size);
    expect(ms).toBeLessThan(1500); // ~100 ms on an idle core; generous for loaded CI machines
  });
});

describe('boundedDistance', () => {
  it('is the edit distance, cut off above the bound', () => {
    expect(boundedDistance('huliaipol', 'huliaipole', 2)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedDistance('a'.repeat(5000), 'b'.repeat(5000), 2)).toBe(3);
  });
});
