import { describe, expect, it } from 'vitest';
import { evaluatePlaces, placesOf } from './evaluate.js';
import type { GeoArticle } from '../eval/geo.js';

const text = 'Russian troops entered Kharkiv on Monday, the governor of the Kharkiv region said.';
const article: GeoArticle = {
  id: 'a1',
  text,
  toponyms: [
    { start: 0, end: 7, phrase: 'Russian', geonamesId: 2017370, lat: 60, lon: 100 },
    { start: 23, end: 30, phrase: 'Kharkiv', geonamesId: 706483, lat: 49.98, lon: 36.25 },
  ],
};

describe('evaluatePlaces', () => {
  it('scores demonyms as toponyms of their country, as LGL and TR-News annotate them', () => {
    expect(placesOf(article).find((p) => p.start === 0)).toMatchObject({ end: 7, geonamesId: 2017370, confidence: 1 });
    const score = evaluatePlaces([article]);
    expect(score.recognition.overlap.recall).toBe(1);
    expect(score.resolution.accuracyAt161).toBe(1);
  });

  it('scores place mentions only when told to', () => {
    expect(placesOf(article, { affiliations: false }).some((p) => p.start === 0)).toBe(false);
    expect(evaluatePlaces([article], undefined, { affiliations: false }).recognition.overlap.recall).toBe(0.5);
  });
});
