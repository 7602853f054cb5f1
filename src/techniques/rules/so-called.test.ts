import { testTechniqueRule } from '../../testing/rule-tester.js';
import { soCalled } from './so-called.js';

testTechniqueRule(soCalled, {
  invalid: [
    { input: 'The council praised the so-called ‘green corridor,’ a plan of the mayor.', marks: ['so-called ‘green corridor,’'] },
  ],
  valid: [
    'The so called experts met on Monday.',
    'It was called a plan, and so it was.',
  ],
});
