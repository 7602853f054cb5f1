import { describe, expect, it } from 'vitest';
import { countWords, generateCorpus } from './corpus.js';

describe('generateCorpus', () => {
  it('makes the same articles for the same seed, each 300 to ~3,000 words', () => {
    const a = generateCorpus(5, 7);
    expect(generateCorpus(5, 7)).toEqual(a);
    expect(generateCorpus(5, 8)).not.toEqual(a);
    for (const article of a) {
      expect(countWords(article)).toBeGreaterThanOrEqual(300);
      expect(countWords(article)).toBeLessThan(3100);
    }
  });
});
