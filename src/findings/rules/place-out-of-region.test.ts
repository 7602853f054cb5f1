import { describe, expect, it } from 'vitest';
import { buildContext } from '../../testing/finding-fixture.js';
import { testFindingRule } from '../../testing/rule-tester.js';
import { placeOutOfRegion } from './place-out-of-region.js';

const ua = (name: string, geonamesId: number, lat: number, lon: number) => ({ type: 'place' as const, names: [name], place: { geonamesId, name, lat, lon, countryCode: 'UA' } });
const front = [ua('Kramatorsk', 704508, 48.72, 37.56), ua('Sloviansk', 692194, 48.87, 37.62), ua('Bakhmut', 709161, 48.6, 38.0)];
const text = (extra: string) => `Troops moved from Kramatorsk to Sloviansk and on to Bakhmut. ${extra}`;

testFindingRule(placeOutOfRegion, {
  invalid: [
    {
      // an uncertain match in another country far from the story
      input: {
        text: text('Units were also sent to Krasnogorsk.'),
        entities: [
          ...front,
          { type: 'place', names: ['Krasnogorsk'], place: { geonamesId: 542374, name: 'Krasnogorsk', countryCode: 'RU', lat: 55.82, lon: 37.33, confidence: 0.3, matchedBy: 'exact', candidates: [] } },
        ],
      },
      marks: ['Krasnogorsk'],
      messages: [/^“Krasnogorsk” is matched to Krasnogorsk, Russia, about \d+ km from the story's other places.*in another country than the story's \(Ukraine\).*No place of that name in the gazetteer lies in the story's region/],
    },
  ],
  valid: [
    // a nearby place across a border, a confident far place at home, and countries
    {
        text: text('Belgorod was shelled; Kyiv and Russia traded blame.'),
        entities: [
          ...front,
          { type: 'place', names: ['Belgorod'], place: { geonamesId: 578072, name: 'Belgorod', countryCode: 'RU', lat: 50.6, lon: 36.6 } },
          ua('Kyiv', 703448, 50.45, 30.52),
          { type: 'place', names: ['Russia'], place: { geonamesId: 2017370, name: 'Russia', countryCode: 'RU', lat: 60, lon: 100 } },
        ],
      },
    // confident far cities the text sets elsewhere, capitals named for governments, and datelines
    {
        text: `MOSCOW, May 3 — ${text('The unit was branded a gang by Moscow. A drone strike was reported in Krasnodar, 400 km to the south-east; talks are due in Paris.')}`,
        entities: [
          ...front,
          { type: 'place', names: ['MOSCOW', 'Moscow'], place: { geonamesId: 524901, name: 'Moscow', countryCode: 'RU', lat: 55.75, lon: 37.62, confidence: 0.4, feature: 'PPLC' } },
          { type: 'place', names: ['Krasnodar'], place: { geonamesId: 542420, name: 'Krasnodar', countryCode: 'RU', lat: 45.04, lon: 38.98, confidence: 1, feature: 'PPLA' } },
          { type: 'place', names: ['Paris'], place: { geonamesId: 2988507, name: 'Paris', countryCode: 'FR', lat: 48.85, lon: 2.35, confidence: 0.45, feature: 'PPLC' } },
        ],
      },
    // a word the tagger took for a place, and for a near spelling
    {
        text: text('Sanctions from the West bit. Aid reached Borodzianka.'),
        entities: [
          ...front,
          { type: 'place', names: ['West'], place: { geonamesId: 4740686, name: 'West', countryCode: 'US', lat: 31.8, lon: -97.09, confidence: 0.3, matchedBy: 'exact' } },
          { type: 'place', names: ['Borodzianka'], place: { geonamesId: 1, name: 'Borodzianka', countryCode: 'BY', lat: 53.0, lon: 27.0, confidence: 0.3, matchedBy: 'fuzzy' } },
        ],
      },
    // a dateline that is no capital
    {
        text: `LVIV, May 3 — ${text('')}`,
        entities: [...front, { type: 'place', names: ['LVIV'], place: { geonamesId: 702550, name: 'Lviv', countryCode: 'UA', lat: 49.84, lon: 24.03, confidence: 0.3, feature: 'PPLA' } }],
      },
    // a dateline under the title line, where the story was filed and not where it happened
    {
        text: `Troops regroup in the east\n\nLVIV, May 3 (Reuters) - ${text('Rallies were also held in Lviv.')}`,
        entities: [
          ...front,
          { type: 'place', names: ['LVIV', 'Lviv'], place: { geonamesId: 702550, name: 'Lviv', countryCode: 'UA', lat: 49.84, lon: 24.03, confidence: 0.3, matchedBy: 'exact' } },
        ],
      },
    // the only place of that name, in a country the article names
    {
        text: text('Wagner fighters were seen at a base in Asipovichy, Belarus.'),
        entities: [
          ...front,
          { type: 'place', names: ['Asipovichy'], place: { geonamesId: 629634, name: 'Asipovichy', countryCode: 'BY', lat: 53.3, lon: 28.64, confidence: 0.3, matchedBy: 'exact', candidates: [{ geonamesId: 629634, name: 'Asipovichy', countryCode: 'BY', lat: 53.3, lon: 28.64, score: 1, reasons: [] }] } },
          { type: 'place', names: ['Belarus'], place: { geonamesId: 630336, name: 'Belarus', countryCode: 'BY', lat: 53, lon: 28, confidence: 1, feature: 'PCLI' } },
        ],
      },
    // without enough located places to know the region
    {
        text: 'Talks in Geneva and Kramatorsk.',
        entities: [
          front[0]!,
          { type: 'place', names: ['Geneva'], place: { geonamesId: 2660646, name: 'Geneva', countryCode: 'CH', lat: 46.2, lon: 6.14, confidence: 0.3 } },
        ],
      },
  ],
});

describe('place-out-of-region', () => {
  it("records the story's country and the place's as evidence", () => {
    const ctx = buildContext({
      text: text('Units were also sent to Krasnogorsk.'),
      entities: [
        ...front,
        { type: 'place', names: ['Krasnogorsk'], place: { geonamesId: 542374, name: 'Krasnogorsk', countryCode: 'RU', lat: 55.82, lon: 37.33, confidence: 0.3, matchedBy: 'exact', candidates: [] } },
      ],
    });
    expect(placeOutOfRegion.check(ctx)).toMatchObject([{ evidence: { storyCountry: 'UA', placeCountry: 'RU' } }]);
  });

  it('names a nearer candidate when the gazetteer has one', () => {
    const near = { geonamesId: 1, name: 'Krasnohorivka', countryCode: 'UA', lat: 48.0, lon: 37.5, score: 0.2, reasons: [] };
    const ctx = buildContext({
      text: text('Shelling hit the village of Krasnogorka.'),
      entities: [
        ...front,
        { type: 'place', names: ['Krasnogorka'], place: { geonamesId: 2, name: 'Krasnogorka', countryCode: 'KZ', lat: 49.5, lon: 72.0, confidence: 0.35, matchedBy: 'exact', candidates: [near] } },
      ],
    });
    expect(placeOutOfRegion.check(ctx)[0]!.message).toContain('nearer the story: Krasnohorivka, Ukraine');
  });
});
