/**
 * The seed copied into a corpus with two rewrites of our own: one drops the anonymous law-enforcement
 * source, one switches a town to its current name and the 'Azov' units to "nationalist battalions".
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { storiesFor } from '../src/stories/testing.js';
import { SEED_PATH, describeWithShared } from '../src/testing/shared.js';

describeWithShared(['seed'], 'the seed and two rewrites of it', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const dropped = seed.replace('According to a source within Russian law enforcement, who spoke exclusively to RIA Novosti, reinforced', 'Reinforced');
  const switched = seed.replace('Krasnoarmiysk', 'Pokrovsk').replace('‘Azov’ units to Krasnogorsk', 'nationalist battalions to Krasnogorsk');

  it('are one story whose rewrites dropped the source, switched a spelling and added a technique', async () => {
    expect(dropped).not.toBe(seed);
    expect(switched).not.toBe(seed);
    const { stories, findings } = await storiesFor([
      { text: seed, outlet: 'RIA Novosti', publishedAt: '2025-12-15' },
      { text: dropped, outlet: 'Daily Courier', publishedAt: '2025-12-16' },
      { text: switched, outlet: 'Evening Sentinel', publishedAt: '2025-12-17' },
    ]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.origin.outlet).toBe('RIA Novosti');

    const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(byRule('attribution-dropped').map((f) => [f.articles[1]!.outlet, f.evidence?.source])).toEqual([
      ['Daily Courier', 'a source within Russian law enforcement'],
    ]);
    expect(byRule('spelling-switched').map((f) => [f.articles[1]!.outlet, f.evidence?.from, f.evidence?.to, f.evidence?.geonamesId])).toEqual([
      ['Evening Sentinel', 'Krasnoarmiysk', 'Pokrovsk', 704422],
    ]);
    const switchedMember = stories[0]!.members.find((m) => m.article.outlet === 'Evening Sentinel')!;
    const added = switchedMember.changes.filter((c) => c.kind === 'technique-added');
    expect(added.map((c) => switched.slice(c.rewrite!.start, c.rewrite!.end))).toContainEqual(expect.stringContaining('nationalist battalions'));
  });
});
