import { describe, expect, it } from 'vitest';
import { buildContext } from '../../testing/finding-fixture.js';
import { testFindingRule } from '../../testing/rule-tester.js';
import { toponymVariants } from './toponym-variants.js';

const kyiv = { geonamesId: 703448, name: 'Kyiv', countryCode: 'UA', lat: 50.45, lon: 30.52 };
const pokrovsk = { geonamesId: 704422, name: 'Pokrovsk', countryCode: 'UA', lat: 48.28, lon: 37.18 };

testFindingRule(toponymVariants, {
  invalid: [
    {
      // two spellings linked to one place: both named, and the place
      input: {
        text: 'Drones flew over Kiev at night. By morning Kyiv was calm again.',
        entities: [
          { names: ['Kiev'], type: 'place', place: { ...kyiv, matchedBy: 'transliteration' } },
          { names: ['Kyiv'], type: 'place', place: { ...kyiv, matchedBy: 'exact' } },
        ],
      },
      marks: ['Kiev | Kyiv'],
      messages: [/“Kiev” and “Kyiv” both refer to Kyiv \(GeoNames 703448\)/],
    },
    {
      // a former name and a garbled spelling of a renamed town, each explained
      input: {
        text: 'Shelling hit Krasnoarmeysk-na-Donu on Monday. Residents of Krasnoarmiysk left.',
        entities: [
          { names: ['Krasnoarmeysk-na-Donu'], type: 'place', place: { ...pokrovsk, matchedBy: 'fuzzy', confidence: 0.4 } },
          { names: ['Krasnoarmiysk'], type: 'place', place: { ...pokrovsk, matchedBy: 'former-name', formerName: 'Krasnoarmiysk' } },
        ],
      },
      messages: [/matches only approximately.*“Krasnoarmiysk” is a former name/],
    },
    {
      // a river under two names
      input: {
        text: 'Troops crossed the Dnieper at night. The Dnipro River is wide there.',
        entities: [
          { names: ['Dnieper'], type: 'place', place: { geonamesId: null, name: 'Dnipro River', countryCode: null, lat: 48.5, lon: 34.5, feature: 'H', matchedBy: 'exact' } },
          { names: ['Dnipro River'], type: 'place', place: { geonamesId: null, name: 'Dnipro River', countryCode: null, lat: 48.5, lon: 34.5, feature: 'H', matchedBy: 'exact' } },
        ],
      },
      marks: ['Dnieper | Dnipro River'],
      messages: [/^“Dnieper” and “Dnipro River” both refer to Dnipro River: /],
    },
  ],
  valid: [
    // a long form that writes the short one whole
    {
      text: 'Troops left the Autonomous Republic of Crimea. Crimea and the Crimean Peninsula were quiet.',
      entities: [{ names: ['Autonomous Republic of Crimea', 'Crimea', 'Crimean Peninsula'], type: 'place', place: { geonamesId: null, name: 'Crimea', countryCode: 'UA', lat: 45.3, lon: 34.4, feature: 'ADM1' } }],
    },
    // a name with and without its feature word, and a region by usage under two names
    {
      text: 'Ships left the Pacific. The Pacific Ocean was calm. The Baltics and the Baltic states agreed.',
      entities: [
        { names: ['Pacific', 'Pacific Ocean'], type: 'place', place: { geonamesId: null, name: 'Pacific Ocean', countryCode: null, lat: 0, lon: -160, feature: 'H' } },
        { names: ['Baltics', 'Baltic states'], type: 'place', place: { geonamesId: null, name: 'Baltic states', countryCode: null, lat: 57, lon: 24, feature: 'RGN' } },
      ],
    },
    // a state's abbreviation beside its name
    {
      text: 'Sen. Lindsey Graham, R-S.C., spoke. The South Carolina lawmaker and Ky. officials agreed.',
      entities: [
        { names: ['S.C.', 'South Carolina'], type: 'place', place: { geonamesId: null, name: 'South Carolina', countryCode: 'US', lat: 33.9, lon: -80.9, feature: 'ADM1' } },
        { names: ['Ky.'], type: 'place', place: { geonamesId: null, name: 'Kentucky', countryCode: 'US', lat: 37.5, lon: -85.3, feature: 'ADM1' } },
      ],
    },
    // the short and long forms of a country
    {
      text: 'The United States and Russia met in Geneva. The US said the Russian Federation must withdraw.',
      entities: [
        { names: ['United States', 'US'], type: 'place', place: { geonamesId: 6252001, name: 'United States', countryCode: 'US', lat: 39.76, lon: -98.5, feature: 'PCLI' } },
        { names: ['Russia', 'Russian Federation'], type: 'place', place: { geonamesId: 2017370, name: 'Russia', countryCode: 'RU', lat: 60, lon: 100, feature: 'PCLI' } },
      ],
    },
    // one spelling used often, a possessive, two different places
    {
      text: 'Kyiv said Kyiv’s air defences held. Lviv was quiet.',
      entities: [
        { names: ['Kyiv’s', 'Kyiv'], type: 'place', place: kyiv },
        { names: ['Lviv'], type: 'place', place: { geonamesId: 702550, name: 'Lviv', countryCode: 'UA', lat: 49.84, lon: 24.03 } },
      ],
    },
  ],
});

describe('toponym-variants', () => {
  it('reports an old name used alone, as information', () => {
    const ctx = buildContext({
      text: 'The plant in Dnepropetrovsk was hit.',
      entities: [{ names: ['Dnepropetrovsk'], type: 'place', place: { geonamesId: 709930, name: 'Dnipro', countryCode: 'UA', lat: 48.45, lon: 34.98, matchedBy: 'former-name', formerName: 'Dnepropetrovsk' } }],
    });
    expect(toponymVariants.check(ctx)).toMatchObject([{ severity: 'info' }]);
  });
});
