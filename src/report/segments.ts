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

/** The largest number of spans that cover one character. O(n log n). */
export function maxDepth(spans: readonly { start: number; end: number }[]): number {
  const edges: number[] = [];
  // +1 at a start, -1 at an end; at one offset, ends sort before starts ([a,b) and [b,c) do not overlap)
  for (const s of spans) if (s.end > s.start) edges.push(s.start * 2 + 1, s.end * 2);
  edges.sort((x, y) => x - y);
  let depth = 0;
  let max = 0;
  for (const e of edges) {
    depth += e & 1 ? 1 : -1;
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * When more than `limit` spans pile up on one character (a run-on "sentence" of thousands of
 * claims), the longest ones are left out until no character has more: the smallest length cut,
 * found by binary search. Returns that length (spans at least this long are left out), or null when
 * nothing needs to go. Segmenting such a pile would cost segments x depth in time and memory.
 */
export function lengthCap(spans: readonly { start: number; end: number }[], limit: number): number | null {
  if (maxDepth(spans) <= limit) return null;
  const lengths = [...new Set(spans.map((s) => s.end - s.start).filter((n) => n > 0))].sort((x, y) => x - y);
  // the largest cap that keeps the depth within the limit: keep spans shorter than lengths[k]
  let lo = 0;
  let hi = lengths.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (maxDepth(spans.filter((s) => s.end - s.start < lengths[mid]!)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return lengths[lo]!;
}
