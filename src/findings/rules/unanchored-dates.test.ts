import { testFindingRule } from '../../testing/rule-tester.js';
import { unanchoredDates } from './unanchored-dates.js';

testFindingRule(unanchoredDates, {
  invalid: [
    {
      // no publication date and no dateline
      input: { text: 'On December 13th the bridge fell. Yesterday it rained.' },
      messages: [
        'The article has no publication date and no dateline, so 2 dates (“December 13th”, “Yesterday”) cannot be fixed in time: values stay partial. Give the date with --published to anchor them.',
      ],
    },
    // a dateline that gives no year
    { input: { text: 'KYIV, Dec 3 (Reuters) - Drones struck on Monday.' }, messages: [/^The article has no publication date and its dateline gives no year/] },
  ],
  valid: [
    // a publication date
    { text: 'On December 13th the bridge fell.', publishedAt: '2025-12-15' },
    // no dates at all
    { text: 'The bridge fell.' },
  ],
});
