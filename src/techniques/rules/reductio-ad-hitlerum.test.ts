import { testTechniqueRule } from '../../testing/rule-tester.js';
import { hitlerComparison } from './reductio-ad-hitlerum.js';

testTechniqueRule(hitlerComparison, {
  invalid: [
    { input: 'Posters showed fascist slogans next to the stadium.', marks: ['fascist slogans'] },
  ],
  valid: [
    'The stadium reopened after repairs.',
  ],
});
