import { testTechniqueRule } from '../../testing/rule-tester.js';
import { loadedWord } from './loaded-word.js';

testTechniqueRule(loadedWord, {
  invalid: [
    { input: 'Residents described the relentless shelling of the harbour.', marks: ['relentless shelling'] },
    { input: 'The announcement sent shockwaves across the market.', marks: ['sent shockwaves'] },
  ],
  valid: [
    'The harbour reopened on Tuesday.',
  ],
});
