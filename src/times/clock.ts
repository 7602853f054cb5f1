/**
 * Times of day (TIMEX3 TIME): "10 p.m. Wednesday", "at 8 PM", "noon Thursday", "midnight Friday",
 * "5 p.m. EST Nov. 9", "mid-afternoon yesterday", "14:30 GMT". The day is the one named after the
 * time when there is one, else the day the story last gave (anaphora.ts), else the anchor; a clock time alone without a.m./p.m. or a colon is
 * not read ("at 10" may be anything).
 */
import { addDays, formatDay, type Day, isValidDay, yearForDay } from './calendar.js';
import { ci, type DateRule, directionOf, re, type Resolution, type RuleContext } from './rule.js';
import { weekdayDate } from './dates.js';
import { MONTH_PATTERN, monthNumber } from '../text/months.js';
import { WEEKDAY_PATTERN, weekdayNumber } from './words.js';

const ZONE = String.raw`(?:[ \t]{1,2}(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|local time|Kyiv time|Moscow time|\(\d{2}\d{2} GMT\)))?`;
const DAY_AFTER = String.raw`(?:,?[ \t]{1,2}(?:on[ \t]{1,2})?(${WEEKDAY_PATTERN}|${ci('yesterday|today|tomorrow')}|(?:${MONTH_PATTERN})\.?[ \t]\d{1,2}\b))?`;
const PART_PREFIX: Record<string, string> = { morning: 'MO', 'mid-morning': 'MO', afternoon: 'AF', 'mid-afternoon': 'AF', evening: 'EV', night: 'NI', midday: 'MI' };

/** The day a following "Wednesday" or "yesterday" names, else the anchor. */
function dayOf(ctx: RuleContext, m: RegExpExecArray, word: string | undefined): Day | null {
  const a = ctx.anchor;
  if (a === null || a.y === null) return null;
  if (!word) return a;
  const w = word.toLowerCase();
  if (w === 'yesterday') return addDays(a, -1);
  if (w === 'today') return a;
  if (w === 'tomorrow') return addDays(a, 1);
  const date = /^(\p{L}+)\.?[ \t](\d{1,2})$/u.exec(word);
  if (date) {
    const month = monthNumber(date[1]!);
    const d = Number(date[2]);
    return month === null || !isValidDay(month, d) ? null : { y: yearForDay(a, month, d, directionOf(ctx, m)), m: month, d };
  }
  return weekdayDate(a, weekdayNumber(word), directionOf(ctx, m));
}

const pad = (n: number) => String(n).padStart(2, '0');

export const CLOCK_RULES: DateRule[] = [
  {
    // 10 p.m. Wednesday | 8:30 am | 5 p.m. EST | 14:30 GMT
    name: 'clock',
    hint: /\d[ \t]?[ap]\.?m|\d[:.]\d\d/i,
    pattern: re(
      String.raw`\b(\d{1,2})(?:[:.](\d{2}))?[ \t]?(?:(?:([ap])\.?m\.?|([AP])M)(?![\p{L}])|(?<=\d{2})(?=[ \t]{1,2}(?:GMT|UTC|local time|Kyiv time|Moscow time)))${ZONE}${DAY_AFTER}`,
    ),
    resolve: (m, ctx) => {
      let h = Number(m[1]);
      const min = m[2] ? Number(m[2]) : 0;
      const half = (m[3] ?? m[4])?.toLowerCase();
      if (half === undefined && m[2] === undefined) return null;
      if (h > 24 || min > 59 || (half && (h === 0 || h > 12))) return null;
      if (half === 'p' && h < 12) h += 12;
      if (half === 'a' && h === 12) h = 0;
      const day = dayOf(ctx, m, m[5]);
      const time = `${pad(h)}:${pad(min)}`;
      const r: Resolution = { type: 'TIME', value: day ? `${formatDay(day)}T${time}` : null, precision: day ? 'minute' : 'partial' };
      // with no day named, the time is on the day the story is telling (the last one it gave), else the anchor's
      return m[5] ? r : { ...r, anaphor: { unit: 'day', shift: 0, part: time } };
    },
  },
  {
    // noon Thursday | midnight | mid-afternoon yesterday | morning Friday
    name: 'named-time',
    hint: /noon|midnight|midday|morning|afternoon|evening/i,
    pattern: re(
      String.raw`\b(?:(${ci('noon|midnight|midday')})|(${ci('mid-morning|mid-afternoon|morning|afternoon|evening')})(?=,?[ \t]{1,2}(?:on[ \t]{1,2})?(?:${WEEKDAY_PATTERN}|${ci('yesterday|today|tomorrow')})\b))${DAY_AFTER}`,
    ),
    resolve: (m, ctx) => {
      const day = dayOf(ctx, m, m[3]);
      const word = (m[1] ?? m[2])!.toLowerCase();
      const time = word === 'noon' || word === 'midday' ? '12:00' : word === 'midnight' ? '24:00' : PART_PREFIX[word]!;
      const r: Resolution = { type: 'TIME', value: day ? `${formatDay(day)}T${time}` : null, precision: day ? 'day' : 'partial' };
      return m[3] ? r : { ...r, anaphor: { unit: 'day', shift: 0, part: time } };
    },
  },
];
