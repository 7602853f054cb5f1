/**
 * Calendar arithmetic for normalising dates (UTC, no time zones: news dates are calendar days) and
 * the ISO / TIMEX-style strings we report: 2025-12-13, 2025-12, 2025, 2022-SP, 2025-W50, and
 * XXXX-12-13 when the year is unknown (no publication date, or a dateline without a year).
 */

/** A calendar day; `y` is null when the year is unknown. */
export interface Day {
  y: number | null;
  m: number;
  d: number;
}

export type Season = 'SP' | 'SU' | 'FA' | 'WI';

const MS_PER_DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days since 1970-01-01 for a known year. */
export const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;

export function fromDayNumber(n: number): Day {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Shifts a day; with an unknown year the shift uses a non-leap year, which is right except near 29 February. */
export function addDays(day: Day, n: number): Day {
  const shifted = fromDayNumber(dayNumber(day.y ?? 2001, day.m, day.d) + n);
  return day.y === null ? { y: null, m: shifted.m, d: shifted.d } : shifted;
}

/** 0 = Sunday ... 6 = Saturday */
export const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const isValidDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2000, m);

export function formatDay(day: Day): string {
  return `${day.y === null ? 'XXXX' : pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatMonth(y: number | null, m: number): string {
  return `${y === null ? 'XXXX' : pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week of a day: 2025-W50. */
export function formatWeek(y: number, m: number, d: number): string {
  const n = dayNumber(y, m, d);
  const thursday = n - ((weekday(y, m, d) + 6) % 7) + 3;
  const year = fromDayNumber(thursday).y!;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/**
 * The year of a month/day that has none in the text: the nearest past, since news reports what
 * happened ("December 13th" in a story of 5 January 2026 is 2025-12-13). A date up to `aheadDays`
 * after the anchor stays in the anchor's year, for stories announcing something imminent.
 */
export function inferYear(anchor: Day, m: number, d: number, aheadDays = 0): number | null {
  if (anchor.y === null) return null;
  const sameYear = dayNumber(anchor.y, m, Math.min(d, daysInMonth(anchor.y, m)));
  const a = dayNumber(anchor.y, anchor.m, anchor.d);
  return sameYear - a <= aheadDays ? anchor.y : anchor.y - 1;
}

/** Year of a month with no year in the text: this year unless the month is still to come. */
export function inferMonthYear(anchor: Day, m: number): number | null {
  if (anchor.y === null) return null;
  return m <= anchor.m ? anchor.y : anchor.y - 1;
}

/** The season a day falls in, with the year that season is named by (winter: its December's year). */
export function seasonOf(y: number, m: number): { season: Season; year: number } {
  if (m >= 3 && m <= 5) return { season: 'SP', year: y };
  if (m >= 6 && m <= 8) return { season: 'SU', year: y };
  if (m >= 9 && m <= 11) return { season: 'FA', year: y };
  return { season: 'WI', year: m === 12 ? y : y - 1 };
}

/**
 * The year of a named season with no year: the current one for "this", the one before the
 * current for "last", else the current or latest past one.
 */
export function inferSeasonYear(anchor: Day, season: Season, which: 'this' | 'last' | 'next' | 'bare'): number | null {
  if (anchor.y === null) return null;
  const now = seasonOf(anchor.y, anchor.m);
  const order: Season[] = ['SP', 'SU', 'FA', 'WI'];
  // seasons counted from spring of year 0 so that "before" is a plain comparison
  const index = (s: Season, year: number) => year * 4 + order.indexOf(s);
  const current = index(now.season, now.year);
  let year = now.year;
  // the latest occurrence of `season` at or before the current season
  while (index(season, year) > current) year--;
  if (which === 'last' && index(season, year) === current) year--;
  if (which === 'next') year++;
  return year;
}
