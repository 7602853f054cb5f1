import { describe, expect, it } from 'vitest';
import { findAffiliations } from './affiliations.js';
import { entitiesFromNames } from './spot.js';

const said = (text: string, names: string[] = []) => findAffiliations(text, entitiesFromNames(text, names)).map((a) => `${a.text}:${a.countryCode}`);

describe('findAffiliations', () => {
  it('refers each demonym, singular or plural, to its country at its GeoNames id', () => {
    const text = 'Russian officials met Ukrainian and Sri Lankan diplomats; Palestinians fled as the Georgian Interior Ministry spoke.';
    expect(said(text)).toEqual(['Russian:RU', 'Ukrainian:UA', 'Sri Lankan:LK', 'Palestinians:PS', 'Georgian:GE']);
    const [russian] = findAffiliations(text, []);
    expect(russian).toMatchObject({ start: 0, end: 7, geonamesId: 2017370 });
    expect(russian!.lat).not.toBeNull();
  });

  it('refers a region’s demonym to the region, in its country, at the region’s point', () => {
    const text = 'Crimean Tatars and Chechen fighters; South Ossetian officials met Georgian ones.';
    expect(said(text)).toEqual(['Crimean:UA', 'Chechen:RU', 'South Ossetian:GE', 'Georgian:GE']);
    const [crimean, , ossetian, georgian] = findAffiliations(text, []);
    expect(crimean).toMatchObject({ region: 'Crimea', geonamesId: null });
    expect(crimean!.lat).not.toBeNull();
    expect(ossetian).toMatchObject({ region: 'South Ossetia' });
    expect(georgian!.region).toBeUndefined();
  });

  it('reads whole words only, and leaves place names to the places', () => {
    expect(said('Russianness, Americana and the Latin-American vote.')).toEqual([]);
    expect(said('The Russian Federation said so.', ['Russian Federation'])).toEqual([]);
    expect(said('north korean and NORTH KOREAN are not written so by the press.')).toEqual([]);
  });

  it('finishes fast on a long text full of demonyms and near misses', () => {
    const text = 'Russian Russianx Ukrainians, South Africans- '.repeat(20_000);
    const t0 = performance.now();
    expect(findAffiliations(text, []).length).toBe(60_000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
