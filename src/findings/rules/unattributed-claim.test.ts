import { describe, expect, it } from 'vitest';
import { buildContext } from '../fixture.js';
import { unattributedClaim } from './unattributed-claim.js';

describe('unattributed-claim', () => {
  it('fires for a passive attribution with no source', () => {
    const ctx = buildContext({
      text: 'It was reported that the dam had been mined.',
      attributions: [{ source: null, cue: 'was reported', content: 'the dam had been mined', mode: 'passive' }],
    });
    const [f] = unattributedClaim.check(ctx);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toBe('“the dam had been mined” is attributed with “was reported” but to no one: the reader cannot tell who makes this claim or check it.');
  });

  it('fires, as information, for fighting told as fact with no source', () => {
    const ctx = buildContext({ text: 'Russian troops captured two villages near the river.', attributions: [] });
    expect(unattributedClaim.check(ctx)).toMatchObject([{ severity: 'info', evidence: { types: ['territory-taken'] } }]);
  });

  it('stays silent for attributed claims, back-references and when attributions were not analysed', () => {
    const attributed = buildContext({
      text: 'Russian troops captured two villages, the general staff said.',
      attributions: [{ source: 'the general staff', cue: 'said', content: 'Russian troops captured two villages' }],
    });
    expect(unattributedClaim.check(attributed)).toEqual([]);
    expect(unattributedClaim.check(buildContext({ text: 'Critics called the deployment reckless.', attributions: [] }))).toEqual([]);
    expect(unattributedClaim.check(buildContext({ text: 'Russian troops captured two villages.' }))).toEqual([]);
  });
});
