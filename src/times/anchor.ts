/**
 * The day every relative date is counted from: the publication date when known, else the date of
 * a dateline at the start of the article ("KYIV, Dec 3 (Reuters) -", "MINSK, 24 April (BelTA) –"),
 * whose year may be missing; with neither, dates stay unanchored.
 */
import type { Day } from './calendar.js';
import { isValidDay } from './calendar.js';
import { findDateline } from '../text/dateline.js';

export interface Anchor {
  day: Day;
  source: 'published' | 'dateline';
  /** the dateline's span, when that is the source */
  span?: { start: number; end: number };
}

export function anchorFromPublished(publishedAt: string | null | undefined): Anchor | null {
  const m = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  if (!m) return null;
  return { day: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, source: 'published' };
}

/** The date of the article's dateline (text/dateline.ts), when it has a dated one. */
export function anchorFromDateline(text: string): Anchor | null {
  const dateline = findDateline(text);
  const date = dateline?.date;
  if (!dateline || !date || !isValidDay(date.month, date.day)) return null;
  return { day: { y: date.year, m: date.month, d: date.day }, source: 'dateline', span: { start: dateline.start, end: dateline.end } };
}

export function findAnchor(publishedAt: string | null | undefined, text: string): Anchor | null {
  return anchorFromPublished(publishedAt) ?? anchorFromDateline(text);
}
