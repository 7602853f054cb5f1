import { testTechniqueRule } from '../../testing/rule-tester.js';
import { twoChoices } from './two-choices.js';

testTechniqueRule(twoChoices, {
  invalid: [
    { input: 'Either we build the dam or the valley dies.', marks: ['Either we build the dam or the valley dies'] },
    { input: 'This is the only way forward for the town.', marks: ['only way forward for the town'] },
  ],
  valid: [
    'Only three members voted.',
  ],
});
