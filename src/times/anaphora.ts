/**
 * Times told from the story's own clock: "later that year", "that same day", "the following month",
 * "the next morning", "the previous week". Their value is counted from the reference time, the last
 * date the text gave before them ("captured in May 2022 ... later that year" is 2022), or the
 * publication day when the text gave none, at the precision the expression names. A reference too
 * coarse for it ("that day" after "in 2014") leaves the value unknown rather than invent a day.
 */
import { addDays, type Day, formatDay, formatMonth, formatWeek } from './calendar.js';
import { DAY_PARTS } from './dates.js';
import { ci, type DateRule, re, type Resolution } from './rule.js';

export type AnaphorUnit = 'day' | 'week' | 'month' | 'year';

/** What an anaphoric expression asks of the reference time: its `unit`, shifted by `shift` units. */
export interface Anaphor {
  unit: AnaphorUnit;
  shift: number;
  /** what follows the day's T: a part of the day ("that morning": MO) or a clock time ("at 10 p.m.": 22:00) */
  part?: string;
}

const UNIT_OF: Record<string, AnaphorUnit> = { day: 'day', morning: 'day', afternoon: 'day', evening: 'day', night: 'day', week: 'week', month: 'month', year: 'year' };

const anaphor = (unitWord: string, shift: number): Resolution => {
  const w = unitWord.toLowerCase();
  const part = DAY_PARTS[w];
  return { type: part ? 'TIME' : 'DATE', value: null, precision: 'partial', anaphor: { unit: UNIT_OF[w]!, shift, ...(part ? { part } : {}) } };
};

export const ANAPHOR_RULES: DateRule[] = [
  {
    // that year | later that month | earlier that day | that same morning
    name: 'that-unit',
    hint: /\bthat\b/i,
    pattern: re(String.raw`\b(?:(?:${ci('later|earlier')})[ \t]{1,2})?${ci('that')}[ \t]{1,2}(?:same[ \t]{1,2})?(day|morning|afternoon|evening|night|week|month|year)\b(?!-)`),
    resolve: (m) => anaphor(m[1]!, 0),
  },
  {
    // the following month | the next morning | the next day | the previous week | the day before (it)
    name: 'following-unit',
    hint: /following|next|previous|preceding/i,
    pattern: re(String.raw`\b${ci('the')}[ \t]{1,2}(?:(following|previous|preceding)[ \t]{1,2}(day|morning|evening|night|week|month|year)|next[ \t]{1,2}(day|morning|evening|night))\b(?!-)`),
    resolve: (m) => (m[3] ? anaphor(m[3], 1) : anaphor(m[2]!, m[1]!.toLowerCase() === 'following' ? 1 : -1)),
  },
];

/** A value the reference time can be counted from: a day, a month or a year, with its precision. */
export interface Reference {
  y: number;
  m?: number;
  d?: number;
}

/** The reference a value gives, or null for one that is not a calendar date (a duration, PAST_REF, a week). */
export function referenceOf(value: string | null): Reference | null {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(value) : null;
  if (!m) return null;
  return { y: Number(m[1]), ...(m[2] ? { m: Number(m[2]) } : {}), ...(m[3] ? { d: Number(m[3]) } : {}) };
}

/** The value of an anaphor counted from `ref`; null when the reference is coarser than the anaphor. */
export function resolveAnaphor(a: Anaphor, ref: Reference): string | null {
  if (a.unit === 'year') return String(ref.y + a.shift);
  if (ref.m === undefined) return null;
  if (a.unit === 'month') {
    const total = ref.y * 12 + ref.m - 1 + a.shift;
    return formatMonth(Math.floor(total / 12), (total % 12) + 1);
  }
  if (ref.d === undefined) return null;
  const day: Day = { y: ref.y, m: ref.m, d: ref.d };
  if (a.unit === 'week') {
    const w = addDays(day, 7 * a.shift);
    return formatWeek(w.y!, w.m, w.d);
  }
  return formatDay(addDays(day, a.shift)) + (a.part ? `T${a.part}` : '');
}
