/**
 * The day every relative date is counted from: the publication date when known, else a dateline
 * at the start of the article ("KYIV, Dec 3 (Reuters) -", "MOSCOW, November 20 —"), whose year may
 * be missing; with neither, dates stay unanchored.
 */
import type { Day } from './calendar.js';
import { isValidDay } from './calendar.js';
import { MONTH_PATTERN, monthNumber } from './words.js';

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

// A place name of up to three capitalised words, a comma, a month and day, an optional year, an optional
// agency in brackets, then a dash. Bounded repetitions only (user text).
const DATELINE = new RegExp(
  String.raw`^[ \t]{0,8}[A-ZÀ-ÖА-ЯЁІЇЄ][\p{L}.'’-]{1,24}(?:[ \t][A-ZÀ-ÖА-ЯЁІЇЄ][\p{L}.'’-]{1,24}){0,2},[ \t]{1,4}` +
    String.raw`(${MONTH_PATTERN})\.?[ \t]{1,4}(\d{1,2})(?:st|nd|rd|th)?(?:,?[ \t]{1,4}(\d{4}))?` +
    String.raw`[ \t]{0,4}(?:\([^()\n]{1,40}\)[ \t]{0,4})?[-—–]`,
  'mu',
);

/** Looks for a dateline in the first lines of the text (a title line may come first). */
export function findDateline(text: string): Anchor | null {
  const head = text.slice(0, 400);
  const m = DATELINE.exec(head);
  if (!m) return null;
  const month = monthNumber(m[1]!);
  const d = Number(m[2]);
  if (month === null || !isValidDay(month, d)) return null;
  return {
    day: { y: m[3] ? Number(m[3]) : null, m: month, d },
    source: 'dateline',
    span: { start: m.index, end: m.index + m[0].length },
  };
}

export function findAnchor(publishedAt: string | null | undefined, text: string): Anchor | null {
  return anchorFromPublished(publishedAt) ?? findDateline(text);
}
