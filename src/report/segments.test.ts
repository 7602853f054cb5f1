import { describe, expect, it } from 'vitest';
import { lengthCap, maxDepth, segmentSpans } from './segments.js';

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

  it('measures how deep spans pile up, and which length to leave out to keep the pile low', () => {
    const spans = [{ start: 0, end: 10 }, { start: 2, end: 8 }, { start: 4, end: 6 }, { start: 6, end: 7 }];
    expect(maxDepth(spans)).toBe(3); // [4,6) lies in three; [6,7) touches [4,6) only at its end
    expect(lengthCap(spans, 3)).toBeNull();
    expect(lengthCap(spans, 2)).toBe(10); // leave out the 10-character span
    expect(lengthCap(spans, 1)).toBe(6); // [4,6) and [6,7) only touch: both stay
  });

  it('keeps thousands of claims running to the end of the text from piling up', () => {
    const spans = Array.from({ length: 8_000 }, (_, i) => ({ start: i * 30, end: 240_000 }));
    const t0 = performance.now();
    const cap = lengthCap(spans, 64)!;
    const kept = spans.filter((s) => s.end - s.start < cap);
    expect(maxDepth(kept)).toBe(64);
    expect(segmentSpans(240_000, kept).length).toBeLessThan(100);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
