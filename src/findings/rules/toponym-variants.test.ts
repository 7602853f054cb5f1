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
  ],
  valid: [
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
