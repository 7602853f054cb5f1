import { describe, expect, it } from 'vitest';
import { segmentSpans } from './segments.js';

describe('segmentSpans', () => {
  it('splits overlapping spans at every boundary', () => {
    //            0123456789
    // span 0:    [0,6)
    // span 1:       [3,9)
    // span 2:         [5,6)
    const segs = segmentSpans(10, [{ start: 0, end: 6 }, { start: 3, end: 9 }, { start: 5, end: 6 }]);
    expect(segs).toEqual([
      { start: 0, end: 3, covers: [0] },
      { start: 3, end: 5, covers: [0, 1] },
      { start: 5, end: 6, covers: [0, 1, 2] },
      { start: 6, end: 9, covers: [1] },
    ]);
  });

  it('leaves gaps out, merges identical spans, clamps and drops empty ones', () => {
    const segs = segmentSpans(8, [{ start: 1, end: 2 }, { start: 1, end: 2 }, { start: 4, end: 4 }, { start: 6, end: 99 }, { start: 5, end: 3 }]);
    expect(segs).toEqual([
      { start: 1, end: 2, covers: [0, 1] },
      { start: 6, end: 8, covers: [3] },
    ]);
  });

  it('handles many nested and chained spans fast', () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => ({ start: i * 2, end: i * 2 + 5 }));
    const t0 = performance.now();
    const segs = segmentSpans(100_010, spans);
    expect(performance.now() - t0).toBeLessThan(5000); // a quadratic sweep would take minutes
    expect(segs[1]).toEqual({ start: 2, end: 4, covers: [0, 1] });
    expect(segs.every((s) => s.covers.length <= 3)).toBe(true);
  });
});
