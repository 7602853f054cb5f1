import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/schema.js';
import { repeatedClaims } from '../testing/run-on.js';
import { sourcingProfile } from './sourcing.js';

describe('sourcingProfile', () => {
  const text = 'Officials said the mill will close soon. The mill employs four hundred people here. Ana Berg told Reuters the deal is off. Why?';
  const sentence = (piece: string) => ({ start: text.indexOf(piece), end: text.indexOf(piece) + piece.length });
  const sentences = [sentence('Officials said the mill will close soon.'), sentence('The mill employs four hundred people here.'), sentence('Ana Berg told Reuters the deal is off.'), sentence('Why?')];
  const attributions: Attribution[] = [
    { id: 'a1', source: { ...sentence('Officials'), text: 'Officials', kind: 'collective' }, content: sentence('the mill will close soon'), mode: 'indirect' },
    { id: 'a2', source: { ...sentence('Ana Berg'), text: 'Ana Berg', kind: 'named-person' }, content: sentence('the deal is off'), via: [{ name: 'Reuters' }], mode: 'indirect' },
    { id: 'a3', source: null, content: sentence('the deal is off'), mode: 'passive' },
    { id: 'a4', source: { ...sentence('Berg'), text: 'Berg', kind: 'named-person', entityId: 'e1' }, content: sentence('the deal is off'), mode: 'indirect' },
  ];
  attributions[1]!.source!.entityId = 'e1';

  it('profiles the sourcing of an article', () => {
    const p = sourcingProfile(text, sentences, attributions);
    expect(p.byKind).toEqual({ collective: 1, 'named-person': 2, none: 1 });
    expect(p.factualSentences).toBe(3); // the question is not a statement of fact
    expect(p.unattributedShare).toBeCloseTo(1 / 3);
    expect(p.anonymousOrCollectiveShare).toBeCloseTo(1 / 2);
    expect(p.namedSources).toEqual(['Ana Berg']); // 'Berg' is the same entity
    expect(p.outlets).toEqual(['Reuters']);
  });

  it('stays linear when one run-on sentence holds thousands of attributions', () => {
    const { text: long, attributions: many } = repeatedClaims('“It holds” — Ana Berg, ', 40_000, { source: 'Ana Berg', cue: '—', content: '“It holds”', mode: 'direct' });
    const t0 = performance.now();
    const p = sourcingProfile(long, [{ start: 0, end: long.length }], many);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(p.unattributedShare).toBe(0);
  });

  it('is empty, not broken, for an article without attributions', () => {
    const p = sourcingProfile(text, sentences, []);
    expect(p.unattributedShare).toBe(1);
    expect(p.anonymousOrCollectiveShare).toBe(0);
  });
});
