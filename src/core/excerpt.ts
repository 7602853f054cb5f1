/**
 * The text of a span for a message or a summary line: whitespace collapsed (or `normalise`d), at
 * most `max` characters, cut with an ellipsis. Only the span's head is read: a claim may run over
 * thousands of characters, and a report quotes many spans.
 */
export function excerpt(text: string, span: { start: number; end: number }, max: number, normalise = collapse): string {
  const head = text.slice(span.start, Math.min(span.end, span.start + max * 4));
  const s = normalise(head);
  const cut = s.length > max || span.end - span.start > head.length;
  return cut ? `${s.slice(0, max - 1)}…` : s;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
