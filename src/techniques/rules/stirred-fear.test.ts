import { testTechniqueRule } from '../../testing/rule-tester.js';
import { stirredFear } from './stirred-fear.js';

testTechniqueRule(stirredFear, {
  invalid: [
    { input: 'The flooding has stoked fears of a wider outbreak, officials said.', marks: ['stoked fears of a wider outbreak'] },
  ],
  valid: [
    'The council raised taxes on fuel.',
  ],
});
