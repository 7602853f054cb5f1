import { describe, expect, it } from 'vitest';
import type { Analysis } from '../core/schema.js';
import { ClaimIndex, claimUnits } from './claims.js';

/** An article of the given sentences, with no other layers: what the claim index reads. */
function article(...sentences: string[]): Analysis {
  const text = sentences.join(' ');
  let at = 0;
  const spans = sentences.map((s) => {
    const span = { start: at, end: at + s.length };
    at += s.length + 1;
    return span;
  });
  return { document: { text }, sentences: spans, attributions: [], entities: [], techniques: [] } as unknown as Analysis;
}

const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, publishedAt: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}` }));

function claimsOf(articles: Analysis[]) {
  const index = new ClaimIndex();
  articles.forEach((a, i) => index.add(claimUnits(i, a)));
  return index.claims(refs(articles.length));
}

describe('claims across articles', () => {
  it('one claim in two articles, its figure changed, first appearance first', () => {
    const claims = claimsOf([
      article('Rescue teams pulled 12 survivors from the collapsed school building overnight.', 'The mayor thanked volunteers.'),
      article('Rescue teams pulled 14 survivors from the collapsed school building overnight.', 'Markets were calm.'),
    ]);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.text).toMatch(/^Rescue teams pulled 12/);
    expect(claims[0]!.appearances.map((a) => a.article.id)).toEqual(['a0', 'a1']);
  });

  it('sentences sharing a word or two are different claims', () => {
    expect(claimsOf([article('Drones struck a fuel depot near the border on Tuesday night.'), article('Drones were seen over the airport before dawn on Tuesday.')])).toEqual([]);
  });

  it('a line repeated in more articles than a bucket holds is still one claim of them all', () => {
    const boilerplate = 'Subscribe to our channel for the latest frontline reports and exclusive video footage.';
    const claims = claimsOf(Array.from({ length: 600 }, (_, i) => article(boilerplate)));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.appearances).toHaveLength(600);
  });
});
