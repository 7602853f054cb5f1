import { describe, expect, it } from 'vitest';
import { buildContext } from '../../testing/finding-fixture.js';
import { testFindingRule } from '../../testing/rule-tester.js';
import { unattributedClaim } from './unattributed-claim.js';

testFindingRule(unattributedClaim, {
  invalid: [
    {
      // a passive attribution with no source
      input: {
        text: 'It was reported that the dam had been mined.',
        attributions: [{ source: null, cue: 'was reported', content: 'the dam had been mined', mode: 'passive' }],
      },
      messages: ['“the dam had been mined” is attributed with “was reported” but to no one: the reader cannot tell who makes this claim or check it.'],
    },
    // fighting told as fact with no source
    { input: { text: 'Russian troops captured two villages near the river.', attributions: [] } },
  ],
  valid: [
    // an attributed claim
    {
      text: 'Russian troops captured two villages, the general staff said.',
      attributions: [{ source: 'the general staff', cue: 'said', content: 'Russian troops captured two villages' }],
    },
    // a back-reference
    { text: 'Critics called the deployment reckless.', attributions: [] },
    // attributions not analysed
    { text: 'Russian troops captured two villages.' },
  ],
});

describe('unattributed-claim', () => {
  it('gives a passive attribution as a warning, fighting told as fact as information', () => {
    const passive = buildContext({
      text: 'It was reported that the dam had been mined.',
      attributions: [{ source: null, cue: 'was reported', content: 'the dam had been mined', mode: 'passive' }],
    });
    expect(unattributedClaim.check(passive)).toMatchObject([{ severity: 'warning' }]);
    const fact = buildContext({ text: 'Russian troops captured two villages near the river.', attributions: [] });
    expect(unattributedClaim.check(fact)).toMatchObject([{ severity: 'info', evidence: { types: ['territory-taken'] } }]);
  });
});
