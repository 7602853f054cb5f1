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
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  const add = (m: Map<number, number[]>, at: number, i: number) => {
    const list = m.get(at);
    if (list) list.push(i);
    else m.set(at, [i]);
  };
  spans.forEach((s, i) => {
    const start = Math.max(0, Math.min(s.start, length));
    const end = Math.max(0, Math.min(s.end, length));
    if (end <= start) return;
    add(opens, start, i);
    add(closes, end, i);
  });
  const bounds = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  const active = new Set<number>();
  const out: Segment[] = [];
  for (let k = 0; k < bounds.length - 1; k++) {
    const at = bounds[k]!;
    for (const i of closes.get(at) ?? []) active.delete(i);
    for (const i of opens.get(at) ?? []) active.add(i);
    if (active.size > 0) out.push({ start: at, end: bounds[k + 1]!, covers: [...active].sort((a, b) => a - b) });
  }
  return out;
}
