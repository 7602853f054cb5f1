/**
 * Overlapping spans cut into flat segments, for a renderer that can only nest: the text is split
 * at every span boundary, and each segment lists every span that covers it.
 */

export interface Segment {
  start: number;
  end: number;
  /** indices into the input spans, ascending */
  covers: number[];
}

/**
 * Segments of [0, length) that at least one span covers, in text order. Spans are clamped to the
 * text; empty or inverted spans cover nothing. O(n log n + output).
 */
export function segmentSpans(length: number, spans: readonly { start: number; end: number }[]): Segment[] {
  const clamp = (x: number) => Math.max(0, Math.min(x, length));
  const kept: number[] = [];
  spans.forEach((s, i) => {
    if (clamp(s.end) > clamp(s.start)) kept.push(i);
  });
  // span indices by start and by end: one merged sweep over both
  const byStart = Int32Array.from(kept).sort((i, j) => clamp(spans[i]!.start) - clamp(spans[j]!.start));
  const byEnd = Int32Array.from(kept).sort((i, j) => clamp(spans[i]!.end) - clamp(spans[j]!.end));
  const active = new Set<number>();
  const out: Segment[] = [];
  let a = 0;
  let b = 0;
  while (b < byEnd.length) {
    const nextStart = a < byStart.length ? clamp(spans[byStart[a]!]!.start) : Infinity;
    const at = Math.min(nextStart, clamp(spans[byEnd[b]!]!.end));
    while (b < byEnd.length && clamp(spans[byEnd[b]!]!.end) === at) active.delete(byEnd[b++]!);
    while (a < byStart.length && clamp(spans[byStart[a]!]!.start) === at) active.add(byStart[a++]!);
    if (active.size === 0) continue;
    const next = Math.min(a < byStart.length ? clamp(spans[byStart[a]!]!.start) : Infinity, clamp(spans[byEnd[b]!]!.end));
    out.push({ start: at, end: next, covers: active.size === 1 ? [...active] : [...active].sort((x, y) => x - y) });
  }
  return out;
}
