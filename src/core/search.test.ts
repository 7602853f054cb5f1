import { describe, expect, it } from 'vitest';
import { lowerBound } from './search.js';

describe('lowerBound', () => {
  const spans = [{ start: 0, end: 4 }, { start: 5, end: 9 }, { start: 10, end: 12 }];

  it('finds the first item past a prefix', () => {
    expect(lowerBound(spans, (s) => s.end <= 6)).toBe(1);
    expect(lowerBound(spans, (s) => s.start < 10)).toBe(2);
  });

  it('returns 0 when no item is before, and the length when all are', () => {
    expect(lowerBound(spans, (s) => s.end <= 0)).toBe(0);
    expect(lowerBound(spans, (s) => s.start < 100)).toBe(3);
    expect(lowerBound([], () => true)).toBe(0);
  });
});
