/**
 * Calendar arithmetic for normalising dates (UTC, no time zones: news dates are calendar days) and
 * the ISO / TIMEX-style strings we report: 2025-12-13, 2025-12, 2025, 2022-SP, 2025-W50, and
 * XXXX-12-13 when the year is unknown (no publication date, or a dateline without a year).
 */

import type { Direction } from './direction.js';

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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

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
 * The year of a month/day that has none in the text, from the direction its verb gives: the latest
 * such day on or before the anchor for the past ("captured on 3 March"), the first one after it
 * for the future ("talks resume on 3 March"), else the past one unless the next is much nearer
 * ("stock of record Dec. 15" in a November story is this December; "December 13th" in January last year's).
 */
export function yearForDay(anchor: Day, m: number, d: number, direction: Direction): number | null {
  return yearForDayOf(anchor, () => ({ m, d }), direction);
}

/** The same choice for a day that moves from year to year (Thanksgiving, the fourth Thursday of November). */
export function yearForDayOf(anchor: Day, dayIn: (y: number) => { m: number; d: number }, direction: Direction): number | null {
  if (anchor.y === null) return null;
  const a = dayNumber(anchor.y, anchor.m, anchor.d);
  const at = (y: number) => {
    const { m, d } = dayIn(y);
    return dayNumber(y, m, Math.min(d, daysInMonth(y, m)));
  };
  return pickYear(anchor.y, (y) => at(y) - a, direction, NEAR_DAYS);
}

/** The year of a month with no year in the text: the same choice, counted in months. */
export function yearForMonth(anchor: Day, m: number, direction: Direction): number | null {
  if (anchor.y === null) return null;
  return pickYear(anchor.y, (y) => (y - anchor.y!) * 12 + m - anchor.m, direction, NEAR_MONTHS);
}

/** How close to the anchor a yearless day or month is read as the nearest one whatever its verb. */
const NEAR_DAYS = 45;
const NEAR_MONTHS = 1;

/**
 * Of last year, this year and next, the one `distance` (negative: before the anchor) makes fit. With
 * no direction, news reports the past: the next occurrence is taken only when it is less than half
 * as far ahead as the last one is behind ("record date Dec. 15" in November, not "in March").
 */
function pickYear(y: number, distance: (y: number) => number, direction: Direction, near: number): number {
  const years = [y - 1, y, y + 1];
  const past = years.filter((c) => distance(c) <= 0).at(-1)!;
  const next = years.find((c) => distance(c) >= 0)!;
  if (direction === 'before') return past;
  if (direction === 'after') return next;
  // a date within `near` of the anchor is that one, whatever the verb: "extended to Nov. 20" in a
  // November 2 story, "the Jan. 14 deadline" of a January 15 story; news names a date a year off with its year
  if (distance(next) <= near && -distance(past) > 4 * near) return next;
  if (-distance(past) <= near && distance(next) > 4 * near) return past;
  if (direction === 'past') return past;
  if (direction === 'future') return next;
  return 2 * distance(next) < -distance(past) ? next : past;
}

/** The season a day falls in, with the year that season is named by (winter: its December's year). */
export function seasonOf(y: number, m: number): { season: Season; year: number } {
  if (m >= 3 && m <= 5) return { season: 'SP', year: y };
  if (m >= 6 && m <= 8) return { season: 'SU', year: y };
  if (m >= 9 && m <= 11) return { season: 'FA', year: y };
  return { season: 'WI', year: m === 12 ? y : y - 1 };
}

/**
 * The year of a named season with no year: the anchor year's for "this", the one before the
 * current for "last", else the current or latest past one.
 */
export function inferSeasonYear(anchor: Day, season: Season, which: 'this' | 'last' | 'next' | 'bare'): number | null {
  if (anchor.y === null) return null;
  const now = seasonOf(anchor.y, anchor.m);
  const order: Season[] = ['SP', 'SU', 'FA', 'WI'];
  // seasons counted from spring of year 0 so that "before" is a plain comparison
  const index = (s: Season, year: number) => year * 4 + order.indexOf(s);
  const current = index(now.season, now.year);
  // "this summer" is the anchor year's, past or to come; "this winter" the one under way or the next
  if (which === 'this') return season === now.season ? now.year : season === 'WI' && anchor.m <= 2 ? anchor.y - 1 : anchor.y;
  let year = now.year;
  // the latest occurrence of `season` at or before the current season
  while (index(season, year) > current) year--;
  if (which === 'last' && index(season, year) === current) year--;
  if (which === 'next') year++;
  return year;
}

const SEASON_MONTH: Record<string, string> = { SP: '03', SU: '06', FA: '09', WI: '12' };

/**
 * The first day a DATE or TIME value covers, as a sortable string at the value's own precision:
 * 2022-SP -> 2022-03, 2025-W50 -> 2025-12-08, 2025-Q3 -> 2025-07, 2025-H2 -> 2025-07, 199 (the 1990s)
 * -> 1990, 2025-12-13TEV -> 2025-12-13. Null for durations, sets and PRESENT_REF-like references.
 */
export function valueStart(value: string): string | null {
  if (/^\d{4}(?:-\d{2}){0,2}$/.test(value)) return value;
  const time = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  if (time) return time[1]!;
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (season) return `${season[1]}-${SEASON_MONTH[season[2]!]}`;
  const part = /^(\d{4})-(Q|H)([1-4])$/.exec(value);
  if (part) return `${part[1]}-${pad((Number(part[3]) - 1) * (part[2] === 'Q' ? 3 : 6) + 1)}`;
  const week = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(value);
  if (week) {
    const y = Number(week[1]);
    const jan4 = dayNumber(y, 1, 4);
    const monday = jan4 - ((weekday(y, 1, 4) + 6) % 7) + (Number(week[2]) - 1) * 7 + (value.endsWith('-WE') ? 5 : 0);
    return formatDay(fromDayNumber(monday));
  }
  const decade = /^(\d{3})$/.exec(value);
  if (decade) return `${decade[1]}0`;
  return null;
}
