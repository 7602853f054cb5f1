import { testTechniqueRule } from '../../testing/rule-tester.js';
import { labelPhrase } from './label.js';

testTechniqueRule(labelPhrase, {
  invalid: [
    { input: 'The ministry listed the movement as a terrorist and extremist group last year.', marks: ['terrorist and extremist group'] },
  ],
  valid: [
    'The committee met the farmers and the teachers.',
  ],
});
