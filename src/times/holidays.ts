/**
 * Named days whose date every reader knows: Christmas, New Year's Day, Thanksgiving (the fourth
 * Thursday of November), the US Election Day (the Tuesday after the first Monday of November),
 * Victory Day (9 May, as Russia and much of the former Soviet Union keep it). A holiday with no year
 * is the one its verb or "last"/"next" points to, or the nearest. Feasts whose date differs between
 * churches (Easter) or countries (Independence Day) are left out: a wrong date is worse than none.
 */
import { type Day, formatDay, weekday, yearForDayOf } from './calendar.js';
import { ci, type DateRule, directionOf, re } from './rule.js';

/** The n-th `wd` (0 = Sunday) of month m in year y. */
const nthWeekday = (y: number, m: number, wd: number, n: number) => 1 + ((wd - weekday(y, m, 1) + 7) % 7) + 7 * (n - 1);

const HOLIDAYS: Record<string, (y: number) => { m: number; d: number }> = {
  'christmas eve': () => ({ m: 12, d: 24 }),
  'christmas day': () => ({ m: 12, d: 25 }),
  christmas: () => ({ m: 12, d: 25 }),
  'orthodox christmas': () => ({ m: 1, d: 7 }),
  "new year's eve": () => ({ m: 12, d: 31 }),
  "new year's day": () => ({ m: 1, d: 1 }),
  'thanksgiving day': (y) => ({ m: 11, d: nthWeekday(y, 11, 4, 4) }),
  thanksgiving: (y) => ({ m: 11, d: nthWeekday(y, 11, 4, 4) }),
  'election day': (y) => ({ m: 11, d: nthWeekday(y, 11, 1, 1) + 1 }),
  'victory day': () => ({ m: 5, d: 9 }),
};
const NAMES = Object.keys(HOLIDAYS)
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/(^|\s)([a-z])/g, (_, sp: string, c: string) => `${sp}[${c}${c.toUpperCase()}]`).replace(/'/g, "['’]").replace(/ /g, '[ \\t]'))
  .join('|');

export const HOLIDAY_RULES: DateRule[] = [
  {
    // Thanksgiving Day | last Christmas | on New Year's Eve | Victory Day 2025
    name: 'holiday',
    hint: /christmas|new year|thanksgiving|election day|victory day/i,
    pattern: re(String.raw`\b(?:(${ci('last|next|this')})[ \t]{1,2})?(${NAMES})\b(?:,?[ \t]{1,2}(\d{4})\b)?`),
    resolve: (m, ctx) => {
      const dayIn = HOLIDAYS[m[2]!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')];
      if (!dayIn) return null;
      const named = m[3] ? Number(m[3]) : null;
      const a = ctx.anchor;
      if (named === null && (a === null || a.y === null)) return { value: null, precision: 'partial' };
      const which = m[1]?.toLowerCase();
      const direction = which === 'last' ? 'before' : which === 'next' ? 'after' : directionOf(ctx, m);
      const y = named ?? yearForDayOf(a as Day, dayIn, direction)!;
      return { value: formatDay({ y, ...dayIn(y) }), precision: 'day' };
    },
  },
];
