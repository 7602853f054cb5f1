import { describe, expect, it } from 'vitest';
import { gazetteerNames } from './gazetteer-names.js';
import type { ArticleLayers } from './layers.js';
import { switchedSpellings } from './spellings.js';

const article = (text: string): ArticleLayers => ({ text, sentences: [{ start: 0, end: text.length }], bySentence: new Map(), names: new Map() });
const names = gazetteerNames();

/** The switches from one sentence to its rewrite, as [from, to, place]. */
function switches(origin: string, rewrite: string): [string, string, string][] {
  const [o, r] = [article(origin), article(rewrite)];
  return switchedSpellings(o, o.sentences[0]!, r, r.sentences[0]!, names).map((s) => [
    origin.slice(s.from.start, s.from.end),
    rewrite.slice(s.to.start, s.to.end),
    s.place.name,
  ]);
}

describe('spelling switches between a sentence and its rewrite', () => {
  it('a place inside an organisation’s name, which the entity layer does not link', () => {
    expect(switches('Data from the Kyiv School of Economics show it.', 'Data from the Kiev School of Economics show it.')).toEqual([['Kyiv', 'Kiev', 'Kyiv']]);
  });

  it('a possessive stays out of the name', () => {
    expect(switches('Companies undermine Kyiv’s efforts.', 'Companies undermine Kiev’s efforts.')).toEqual([['Kyiv', 'Kiev', 'Kyiv']]);
  });

  it('a region of our own list, which has no GeoNames id', () => {
    expect(switches('The offensive in Donbas stalled.', 'The offensive in Donbass stalled.')).toEqual([['Donbas', 'Donbass', 'Donbas']]);
  });

  it('a renamed town under its former name', () => {
    expect(switches('Troops left Krasnoarmiysk at dawn.', 'Troops left Pokrovsk at dawn.')).toEqual([['Krasnoarmiysk', 'Pokrovsk', 'Pokrovsk']]);
  });

  it('counts each occurrence: one of two Kyivs switched', () => {
    expect(switches('Forces left Kyiv and the Kyiv region.', 'Forces left Kiev and the Kyiv region.')).toEqual([['Kyiv', 'Kiev', 'Kyiv']]);
  });

  it('stays silent for a country’s other name', () => {
    expect(switches('Exports to America fell.', 'Exports to USA fell.')).toEqual([]);
    expect(switches('Russia denied it.', 'The Russian Federation denied it.')).toEqual([]);
  });

  it('stays silent for two different people or places', () => {
    expect(switches('Biden spoke in Kharkiv.', 'Trump spoke in Kharkiv.')).toEqual([]);
    expect(switches('Shelling hit Kharkiv.', 'Shelling hit Kherson.')).toEqual([]);
  });
});
