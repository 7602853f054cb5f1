import { describe, expect, it } from 'vitest';
import type { PlaceLink } from '../core/schema.js';
import { countryOf, drawSample, parseGold, scoreGold, type GoldMention, type PlaceMention } from './warnews-gold.js';

const link = (geonamesId: number | null, name: string, confidence: number, lat: number | null = 1): PlaceLink =>
  ({ geonamesId, name, lat, lon: lat, countryCode: 'UA', confidence });
const mention = (file: string, start: number, entityId: string, l: PlaceLink | null, settlement = true): PlaceMention =>
  ({ file, country: countryOf(file), start, end: start + 4, surface: 'Name', entityId, link: l, settlement });
const gold = (file: string, start: number, g: GoldMention['gold']): GoldMention => ({ file, start, end: start + 4, surface: 'Name', gold: g, note: '' });

const A = '20220101T000000Z_UA_en_a.txt';
const B = '20220101T000000Z_BY_en_b.txt';

describe('scoreGold', () => {
  it('counts a gold id right only when linked to it, a region when linked to that entry, and no place when unlinked or doubtful', () => {
    const mentions = [
      mention(A, 0, 'e1', link(1, 'Avdiivka', 0.9)),
      mention(A, 10, 'e2', link(2, 'Avdiivka', 0.9)),
      mention(A, 20, 'e3', link(null, 'Kherson Oblast', 0.8)),
      mention(A, 30, 'e4', link(5, 'West', 0.59)),
      mention(A, 40, 'e5', link(6, 'Earth', 1)),
      mention(A, 50, 'e6', link(null, 'Pryazovia', 0, null)),
    ];
    const s = scoreGold(
      [gold(A, 0, 1), gold(A, 10, 1), gold(A, 20, 'region:Kherson Oblast'), gold(A, 30, 'not-a-place'), gold(A, 40, 'not-a-place'), gold(A, 50, 'not-in-gazetteer'), gold(A, 60, 'not-a-place'), gold(A, 70, 3)],
      mentions,
    );
    expect(s.rows.map((r) => r.right)).toEqual([true, false, true, true, false, true, true, false]);
    expect(s.right).toBe(5);
    expect(s.share).toBe(5 / 8);
    expect(s.byGold).toEqual({
      id: { mentions: 3, right: 1 }, region: { mentions: 1, right: 1 }, 'not-in-gazetteer': { mentions: 1, right: 1 }, 'not-a-place': { mentions: 3, right: 2 },
    });
  });

  it('takes the place mention that overlaps the gold most', () => {
    const s = scoreGold([{ ...gold(A, 0, 7), end: 14 }], [mention(A, 0, 'e1', link(8, 'x', 1)), { ...mention(A, 2, 'e2', link(7, 'y', 1)), end: 14 }]);
    expect(s.right).toBe(1);
  });
});

describe('drawSample', () => {
  const mentions = [
    ...Array.from({ length: 8 }, (_, i) => mention(A, i * 10, `a${i}`, link(i, 'x', 1))),
    mention(A, 100, 'a0', link(0, 'x', 1)),
    mention(B, 0, 'b0', link(9, 'y', 1)),
    mention(B, 10, 'b1', link(10, 'Belarus', 1), false),
  ];
  it('draws settlements only, at most perArticle from an article, one mention per place, each country its share first', () => {
    const d = drawSample(mentions, { n: 4, perArticle: 3, perCountry: 1, seed: 1 });
    expect(d).toHaveLength(4);
    expect(d.filter((x) => x.file === A)).toHaveLength(3);
    expect(d.filter((x) => x.file === B).map((x) => x.start)).toEqual([0]);
    expect(new Set(d.map((x) => `${x.file}${x.start}`)).size).toBe(4);
  });
  it('is the same draw for the same seed', () => {
    expect(drawSample(mentions, { n: 3, seed: 5 })).toEqual(drawSample(mentions, { n: 3, seed: 5 }));
  });
});

describe('parseGold', () => {
  it('accepts ids, regions and the two kinds of no place, and refuses anything else', () => {
    expect(parseGold(JSON.stringify([{ file: A, start: 0, end: 4, surface: 'Name', gold: 'region:Kherson Oblast' }]))[0]!.note).toBe('');
    expect(() => parseGold(JSON.stringify([{ file: A, start: 0, end: 4, surface: 'Name', gold: 'Kherson' }]))).toThrow(/mention 1/);
  });
});
