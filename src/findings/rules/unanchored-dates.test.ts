import { describe, expect, it } from 'vitest';
import { buildContext } from '../fixture.js';
import { unanchoredDates } from './unanchored-dates.js';

describe('unanchored-dates', () => {
  it('fires when there is no publication date and no dateline', () => {
    const [f] = unanchoredDates.check(buildContext({ text: 'On December 13th the bridge fell. Yesterday it rained.' }));
    expect(f!.message).toBe(
      'The article has no publication date and no dateline, so 2 dates (“December 13th”, “Yesterday”) cannot be fixed in time: values stay partial. Give the date with --published to anchor them.',
    );
  });

  it('fires when the dateline gives no year', () => {
    const [f] = unanchoredDates.check(buildContext({ text: 'KYIV, Dec 3 (Reuters) - Drones struck on Monday.' }));
    expect(f!.message).toMatch(/^The article has no publication date and its dateline gives no year/);
  });

  it('stays silent with a publication date, or with no dates at all', () => {
    expect(unanchoredDates.check(buildContext({ text: 'On December 13th the bridge fell.', publishedAt: '2025-12-15' }))).toEqual([]);
    expect(unanchoredDates.check(buildContext({ text: 'The bridge fell.' }))).toEqual([]);
  });
});
