import { describe, expect, it } from 'vitest';
import { checkPlace } from './places.js';

describe('unspin places', () => {
  it('shows the candidates for a name and why, read in a context', () => {
    const { link, contextPlaces } = checkPlace('Kharkov', 'Shelling hit the city overnight, Ukrainian officials said, days after strikes on Kupiansk.');
    expect(link).toMatchObject({ geonamesId: 706483, countryCode: 'UA', matchedBy: 'alternate' });
    expect(contextPlaces).toEqual(['Kupiansk']);
    expect(link.candidates![0]!.reasons.join('; ')).toMatch(/in Ukraine, which the article mentions/);
  });

  it('works without a context', () => {
    expect(checkPlace('Гуляйполе').link).toMatchObject({ geonamesId: 707898 });
  });
});
