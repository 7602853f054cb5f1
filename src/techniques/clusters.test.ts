import { describe, expect, it } from 'vitest';
import { clusterTokens, DEFAULT_CLUSTERS, formatClusters, learnClusters, loadClusters, parseClusters } from './clusters.js';

/** Sentences written for this test: colours and animals each fill a slot of their own. */
function toyDocuments(): string[][] {
  const colours = ['red', 'blue', 'green', 'yellow'];
  const animals = ['dog', 'cat', 'horse', 'goat'];
  const docs: string[][] = [];
  for (let i = 0; i < 40; i++) {
    const [c1, c2] = [colours[i % 4], colours[(i + 1) % 4]];
    const [a1, a2] = [animals[(i * 3) % 4], animals[(i + 2) % 4]];
    docs.push(clusterTokens(`paint it ${c1} now . feed the ${a1} please . paint it ${c2} now . feed the ${a2} please .`));
  }
  return docs;
}

describe('word clusters', () => {
  const options = { ...DEFAULT_CLUSTERS, minCount: 2, contexts: 30, dims: 8, coarse: 4, fine: 2 };

  it('puts words used in the same contexts in the same coarse cluster', () => {
    const clusters = learnClusters(toyDocuments(), options);
    const coarse = (w: string) => clusters.get(w)!.coarse;
    expect(new Set(['red', 'blue', 'green', 'yellow'].map(coarse)).size).toBe(1);
    expect(new Set(['dog', 'cat', 'horse', 'goat'].map(coarse)).size).toBe(1);
    expect(coarse('red')).not.toBe(coarse('dog'));
    // a fine id lies inside its coarse cluster's block
    for (const c of clusters.values()) expect(Math.floor(c.fine / options.fine)).toBe(c.coarse);
  });

  it('is deterministic and survives a round trip through its file format', () => {
    const a = formatClusters(learnClusters(toyDocuments(), options));
    expect(formatClusters(learnClusters(toyDocuments(), options))).toBe(a);
    expect(formatClusters(parseClusters(a))).toBe(a);
  });

  it('tokenises like the lexicons: lowercase, curly apostrophe straightened, inner separators kept', () => {
    expect(clusterTokens('The far-right’s “U.S.” plan!')).toEqual(['the', "far-right's", '“', 'u.s', '.', '”', 'plan', '!']);
  });

  it('tokenises adversarial input fast', () => {
    const started = Date.now();
    for (const s of ['a'.repeat(200_000), '"'.repeat(200_000), "aaa, ".repeat(40_000), "a'".repeat(100_000), 'a.-'.repeat(70_000)]) clusterTokens(s);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('ships clusters for common words', () => {
    const shipped = loadClusters();
    expect(shipped.size).toBeGreaterThan(5000);
    expect(shipped.get('said')).toBeDefined();
  });
});
