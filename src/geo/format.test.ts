import { describe, expect, it } from 'vitest';
import { encodeIndex, FORMER_FLAG, IndexFile } from './format.js';
import type { Place } from './place.js';

const town = (geonamesId: number, name: string, population: number): Place => ({
  geonamesId, name, kind: 'city', lat: 48.5, lon: 37.25, countryCode: 'UA', admin1: '05', admin2: '', population, feature: 'PPL',
});

describe('the index file format', () => {
  it('gives back what was written', () => {
    const region: Place = {
      geonamesId: null, name: 'Donbas', kind: 'region', lat: 48.3, lon: 38.5, countryCode: 'UA', admin1: '05', admin2: '',
      population: 0, feature: 'RGN', covers: ['05', '14'], note: 'colloquial',
    };
    const file = new IndexFile(
      encodeIndex({
        places: [town(1, 'Zorya', 900), town(2, 'Kyïv', 2_000_000), region],
        keys: ['donbas', 'kiv', 'zora'],
        postings: [[2], [1], [0, (1 | FORMER_FLAG) >>> 0]],
        renamed: [{ geonamesId: 2, year: 1900, former: ['Zorya'] }],
      }),
    );
    expect(file.nPlaces).toBe(3);
    expect(file.place(1)).toEqual(town(2, 'Kyïv', 2_000_000));
    expect(file.place(2)).toEqual(region);
    expect([0, 1, 2].map((k) => file.key(k))).toEqual(['donbas', 'kiv', 'zora']);
    expect([...file.post.slice(file.postStart[2]!, file.postStart[3]!)]).toEqual([0, (1 | FORMER_FLAG) >>> 0]);
    expect(file.header.renamed[0]!.year).toBe(1900);
  });

  it('refuses a file that is not an index', () => {
    expect(() => new IndexFile(Buffer.from('not an index at all'))).toThrow(/magic/);
  });
});
