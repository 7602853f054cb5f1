/** Small figures both renderers show: positions, word counts, per-key counts, technique coverage, the dateline. */
import type { DocumentInfo, Span } from '../core/schema.js';

/** Below this a place link is reported with its candidates rather than as settled. */
export const LOW_PLACE_CONFIDENCE = 0.6;

export interface LineCol {
  /** 1-based line */
  line: number;
  /** 1-based column, counted in characters (code points), not UTF-16 units */
  col: number;
}

/** Line and column of one offset. For many offsets in one text use `lineIndex`. */
export function lineCol(text: string, offset: number): LineCol {
  return lineIndex(text)(offset);
}

/** Precomputes line starts once; the returned function maps an offset to its line and column. */
export function lineIndex(text: string): (offset: number) => LineCol {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // UTF-16 units before each offset that do not start a character (second halves of pairs):
  // built only when the text has any, so that a column costs O(1)
  let trail: Uint32Array | undefined;
  if (/[\ud800-\udbff][\udc00-\udfff]/.test(text)) {
    trail = new Uint32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const second = c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1));
      trail[i + 1] = trail[i]! + (second ? 1 : 0);
    }
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const from = starts[lo]!;
    return { line: lo + 1, col: 1 + at - from - (trail ? trail[at]! - trail[from]! : 0) };
  };
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
export const wordCount = (text: string) => text.match(WORD)?.length ?? 0;

/** Counts of `key(item)`, most frequent first (ties alphabetical), as [key, count] pairs. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Share of sentences that overlap at least one technique span (0 when there are no sentences). */
export function techniqueSentenceShare(a: { sentences: readonly Span[]; techniques: readonly Span[] }): number {
  if (a.sentences.length === 0) return 0;
  const spans = [...a.techniques].sort((x, y) => x.start - y.start);
  let hit = 0;
  let j = 0;
  // sentences and spans both in text order: one sweep
  for (const s of [...a.sentences].sort((x, y) => x.start - y.start)) {
    while (j < spans.length && spans[j]!.end <= s.start) j++;
    let k = j;
    while (k < spans.length && spans[k]!.start < s.end) {
      if (spans[k]!.end > s.start) {
        hit++;
        break;
      }
      k++;
    }
  }
  return hit / a.sentences.length;
}

/** The dateline as a reader says it: "filed in KYIV, Ukraine, by AP", or null when there is none. */
export function datelineLabel(d: Pick<DocumentInfo, 'text' | 'dateline'>): string | null {
  const dl = d.dateline;
  if (!dl) return null;
  const say = (x: Span | undefined) => (x ? d.text.slice(x.start, x.end) : undefined);
  const where = [say(dl.place), say(dl.region)].filter(Boolean).join(', ');
  const parts = [where && `in ${where}`, dl.date && `on ${say(dl.date)}`, dl.agency && `by ${say(dl.agency)}`].filter(Boolean);
  return parts.length ? `filed ${parts.join(', ')}` : null;
}
