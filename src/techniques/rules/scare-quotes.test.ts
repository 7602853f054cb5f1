import { testTechniqueRule } from '../../testing/rule-tester.js';
import { scareQuotes } from './scare-quotes.js';

testTechniqueRule(scareQuotes, {
  invalid: [{ input: 'The ministry announced its "reforms" on Friday.', marks: ['reforms'] }],
  valid: ['Troops of the "Falcon" brigade arrived.', 'The mayor said: "We will rebuild the bridge."'],
});
