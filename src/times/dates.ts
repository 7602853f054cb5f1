/**
 * Our English news rules for calendar dates: days, months, years, seasons, weekdays, deictic days and
 * weeks. A date without a year takes the year its governing verb points to (direction.ts); a weekday
 * is in the past week unless the verb points ahead; "over the past day" is a range ending at publication.
 */
import {
  addDays,
  type Day,
  daysInMonth,
  formatDay,
  formatMonth,
  formatWeek,
  inferSeasonYear,
  isValidDay,
  type Season,
  weekday,
  yearForDay,
  yearForMonth,
} from './calendar.js';
import { type Direction, pointsAhead } from './direction.js';
import { ci, type DateRule, directionOf, type Precision, re, type Resolution, type RuleContext } from './rule.js';
import { MONTH_PATTERN, monthNumber } from '../text/months.js';
import { COUNT_PATTERN, SEASONS, SPOKEN_YEAR_PATTERN, WEEKDAY_PATTERN, countNumber, spokenYear, weekdayNumber } from './words.js';

const ORD = '(?:st|nd|rd|th)?';
const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
const FULL_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

// what a sentence must hold for the month and year rules to match at all: most sentences hold neither
const MONTH_HINT = new RegExp(String.raw`\b(?:${MONTH_PATTERN})`);
const YEAR_HINT = /(?:1[89]|20)\d\d/;

const unknownYear = (ctx: RuleContext) => ctx.anchor === null || ctx.anchor.y === null;

function dayValue(ctx: RuleContext, match: RegExpExecArray, m: number, d: number, y: number | null): string | null {
  if (!isValidDay(m, d)) return null;
  if (y !== null) return d <= daysInMonth(y, m) ? formatDay({ y, m, d }) : null;
  if (ctx.anchor === null) return formatDay({ y: null, m, d });
  return formatDay({ y: yearForDay(ctx.anchor, m, d, directionOf(ctx, match)), m, d });
}

/** A whole number of `unit`s (day, hour, week, month, quarter, year, decade) before the anchor (negative n: after). */
export function shift(anchor: Day, n: number, unit: string): Day {
  if (unit.startsWith('day')) return addDays(anchor, -n);
  if (unit.startsWith('hour')) return addDays(anchor, -Math.ceil(n / 24));
  if (unit.startsWith('week')) return addDays(anchor, -7 * n);
  const months = n * (unit.startsWith('month') ? 1 : unit.startsWith('quarter') ? 3 : unit.startsWith('decade') ? 120 : 12);
  const total = (anchor.y ?? 2001) * 12 + (anchor.m - 1) - months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y: anchor.y === null ? null : y, m, d: Math.min(anchor.d, daysInMonth(y, m)) };
}

/** The value of "last/this/next week|month|year" at the anchor. */
function unitValue(anchor: Day, unit: string, offset: number): { value: string | null; precision: Precision } {
  if (unit === 'week' || unit === 'weekend') {
    if (anchor.y === null) return { value: null, precision: 'partial' };
    const day = addDays(anchor, 7 * offset);
    return { value: formatWeek(day.y!, day.m, day.d) + (unit === 'weekend' ? '-WE' : ''), precision: 'week' };
  }
  if (unit === 'month') {
    const day = shift(anchor, -offset, 'month');
    return { value: formatMonth(day.y, day.m), precision: 'month' };
  }
  if (anchor.y === null) return { value: null, precision: 'partial' };
  return { value: String(anchor.y + offset), precision: 'year' };
}

const OFFSET: Record<string, number> = { last: -1, past: -1, previous: -1, this: 0, coming: 1, next: 1 };

export const DATE_RULES: DateRule[] = [
  {
    // 2025-12-13
    name: 'iso-date',
    hint: /\d{4}-\d\d-\d\d/,
    pattern: re(String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`),
    resolve: (m, ctx) => {
      const value = dayValue(ctx, m, Number(m[2]), Number(m[3]), Number(m[1]));
      return value ? { value, precision: 'day' } : null;
    },
  },
  {
    // 13.12.2025 (day first, as in European and Russian/Ukrainian usage)
    name: 'dotted-date',
    hint: /\d\.\d{1,2}\.\d{4}/,
    pattern: re(String.raw`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`),
    resolve: (m, ctx) => {
      const value = dayValue(ctx, m, Number(m[2]), Number(m[1]), Number(m[3]));
      return value ? { value, precision: 'day' } : null;
    },
  },
  {
    // December 13th | Dec. 3, 2025 | December 1-3 | December 1 to 3, 2025
    name: 'month-day',
    hint: MONTH_HINT,
    pattern: re(
      String.raw`\b(${MONTH_PATTERN})\.?[ \t]{1,3}(\d{1,2})${ORD}\b(?:[ \t]{0,2}(?:-|–|—|to|and|until|through)[ \t]{0,2}(\d{1,2})${ORD}\b)?(?:,?[ \t]{1,3}(\d{4})\b)?`,
    ),
    resolve: (m, ctx) => rangeOfDays(ctx, m, monthNumber(m[1]!), Number(m[2]), m[3], m[4]),
  },
  {
    // 13 December 2025 | 13th of December | 3 to 5 March
    name: 'day-month',
    hint: MONTH_HINT,
    pattern: re(
      String.raw`\b(\d{1,2})${ORD}(?:[ \t]{0,2}(?:-|–|—|to|and)[ \t]{0,2}(\d{1,2})${ORD})?(?:[ \t]{1,2}of)?[ \t]{1,3}(${MONTH_PATTERN})\b(?:,?[ \t]{1,3}(\d{4})\b)?`,
    ),
    resolve: (m, ctx) => rangeOfDays(ctx, m, monthNumber(m[3]!), Number(m[1]), m[2], m[4]),
  },
  {
    // December 2025 | early December 2025
    name: 'month-year',
    hint: MONTH_HINT,
    pattern: re(String.raw`\b(?:(${ci('early|late|mid')})[- ]?)?(${MONTH_PATTERN})\.?,?[ \t]{1,3}(\d{4})\b`),
    resolve: (m) => ({ value: formatMonth(Number(m[3]), monthNumber(m[2]!)!), precision: 'month' }),
  },
  {
    // in December | last December | mid-November: a month alone needs a preposition or a modifier
    name: 'month',
    hint: MONTH_HINT,
    pattern: re(
      String.raw`(?:(?<=\b(?:${ci('in|since|by|until|till|through|during|from|of|for|before|after')}) )|\b(${ci('last|this|next|early|late|mid')})[- ]?)(${FULL_MONTHS})\b(?![ \t]{0,3}\d)`,
    ),
    resolve: (m, ctx) => {
      const month = monthNumber(m[2]!)!;
      if (ctx.anchor === null) return { value: formatMonth(null, month), precision: 'month' };
      const which = m[1]?.toLowerCase();
      // "this June" is the anchor's year; "last June" the latest before the anchor's month, "next June" the first after
      const direction = which === 'next' ? 'after' : which === 'last' ? 'before' : which === 'this' ? 'none' : directionOf(ctx, m);
      let year = which === 'this' ? ctx.anchor.y : yearForMonth(ctx.anchor, month, direction);
      if (year !== null && month === ctx.anchor.m && (which === 'last' || which === 'next')) year += which === 'last' ? -1 : 1;
      return { value: formatMonth(year, month), precision: 'month' };
    },
  },
  {
    // in 2022 | since 2014 | by 2030
    name: 'year',
    hint: YEAR_HINT,
    pattern: re(
      String.raw`(?<=\b(?:${ci('in|since|by|until|from|during|before|after|of|through|early|late|mid|fiscal|the end of|the start of')})[ -])(1[89]\d\d|20\d\d)\b(?![ \t]{0,2}(?:%|percent|km|kilomet|people|troops|soldiers|[,.]\d))`,
    ),
    resolve: (m) => ({ value: m[1]!, precision: 'year' }),
  },
  {
    // a 2014 offensive | 1990 was a bad year | (see 1998) | between 1994 and 1997 | dating to 1994: a year standing
    // alone, not a count ("2000 troops", "up to 2000", "1500 or 2000 shells")
    name: 'bare-year',
    hint: YEAR_HINT,
    pattern: re(
      String.raw`(?<![\d$€£#.,/:-]|\b(?:than|about|some|nearly|almost|over|of|No)[ \t]|(?<!\b(?:1[89]\d\d|20\d\d)[ \t]{1,2}|\b(?:dating|dates|back)[ \t]{1,2})\b(?:to|and|or)[ \t])\b(19\d\d|20\d\d)\b(?![.,:/-]?\d|[ \t]{0,2}(?:%|percent|km|kilomet|miles|[\p{Ll}-]+s\b(?!')|[ \t]?(?:m|ft|kg|mm)\b))`,
    ),
    resolve: (m, ctx) => {
      const y = Number(m[1]);
      // a figure far after the anchor is a count, not a year
      if (ctx.anchor?.y != null && y > ctx.anchor.y + 30) return null;
      return { value: m[1]!, precision: 'year' };
    },
  },
  {
    // nineteen ninety-six | January nineteen ninety-seven | the winter of nineteen ninety-four | by the year two thousand
    name: 'spoken-year',
    hint: /nineteen|twenty|thousand/i,
    pattern: re(
      String.raw`\b(?:(${FULL_MONTHS})[ \t]{1,2}|${ci('the')}[ \t]{1,2}(${ci('spring|summer|autumn|fall|winter')})[ \t]{1,2}of[ \t]{1,2}|(${ci('the year')})[ \t]{1,2}|(?<=\b(?:${ci('in|since|by|until|from|of|before|after')})[ \t]))?(${ci(SPOKEN_YEAR_PATTERN)})\b(?![ \t-]{1,2}(?:${ci('percent|people|dollars|troops|times|and|point')})\b)`,
    ),
    resolve: (m) => {
      const y = spokenYear(m[4]!);
      if (!Number.isFinite(y)) return null;
      // "two thousand" alone is a count ("two thousand troops"); a year only after a month, "the year" or a preposition
      if (/thousand/i.test(m[4]!) && !m[1] && !m[3] && !/\b(?:in|since|by|until|from|of|before|after)[ \t]$/i.test(m.input.slice(0, m.index))) return null;
      if (m[1]) return { value: formatMonth(y, monthNumber(m[1])!), precision: 'month' };
      if (m[2]) return { value: `${y}-${SEASONS[m[2].toLowerCase()]}`, precision: 'season' };
      return { value: String(y), precision: 'year' };
    },
  },
  {
    // the nineties | the early seventies: a decade of the twentieth century in words
    name: 'spoken-decade',
    hint: /ties\b/i,
    pattern: re(String.raw`\b${ci('the')}[ \t]{1,2}(?:(?:${ci('early|mid|late')})[ -]?)?(?:${ci('nineteen')}[ -])?(${ci('twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties')})\b`),
    resolve: (m) => ({ value: `19${DECADE_WORDS.indexOf(m[1]!.toLowerCase()) + 2}`, precision: 'decade' }),
  },
  {
    // the 20th century | the eleventh century: TIMEX3 gives a century its first two digits (the 20th: 19)
    name: 'century',
    hint: /century/i,
    pattern: re(String.raw`\b(?:${ci('the')}[ \t]{1,2})?(?:(?:${ci('early|mid|late')})[ -]?)?(\d{1,2})(?:st|nd|rd|th)[ -]century\b`),
    resolve: (m) => {
      const n = Number(m[1]);
      return n >= 1 && n <= 21 ? { value: String(n - 1).padStart(2, '0'), precision: 'century' } : null;
    },
  },
  {
    // the 1990s | the mid-1980s | the '80s
    name: 'decade',
    hint: /\d0s\b|'\d0s/,
    pattern: re(String.raw`\b(?:${ci('the')}[ \t]{1,2})?(?:(?:${ci('early|mid|late')})[ -]?)?(?:(1[89]\d|20\d)0s|'(\d)0s)\b`),
    resolve: (m) => ({ value: m[1] ?? `19${m[2]}`, precision: 'decade' }),
  },
  {
    // the spring of 2022 | last winter | summer 2023 | this autumn
    name: 'season',
    hint: /spring|summer|autumn|winter|fall/i,
    pattern: re(
      String.raw`\b(?:(${ci('this past|last|this|next|early|late|the')})[ \t]{1,2})?(${ci('spring|summer|autumn|winter|fall')})\b(?:[ \t]{1,2}(?:of[ \t]{1,2})?(\d{4})\b)?`,
    ),
    resolve: (m, ctx) => {
      const word = m[2]!.toLowerCase();
      const season = SEASONS[word]!;
      const modifier = m[1]?.toLowerCase();
      if (m[3]) return { value: `${m[3]}-${season}`, precision: 'season' };
      // "the fall of Bakhmut", "winter uniforms": without a year a season needs a deictic modifier
      if (!modifier || (word === 'fall' && !['last', 'this', 'next', 'this past'].includes(modifier))) return null;
      if (modifier === 'early' || modifier === 'late') return null;
      if (ctx.anchor === null || ctx.anchor.y === null) return { value: null, precision: 'partial' };
      const which = modifier === 'the' || modifier === 'this past' ? 'bare' : (modifier as 'last' | 'this' | 'next');
      return { value: `${inferSeasonYear(ctx.anchor, season as Season, which)}-${season}`, precision: 'season' };
    },
  },
  {
    // on Thursday | Wednesday night | last Monday | next Friday
    name: 'weekday',
    hint: /day\b/i,
    pattern: re(
      String.raw`\b(?:(${ci('last|this|next|this coming')})[ \t]{1,2})?(${WEEKDAY_PATTERN})(?:[ \t]{1,2}(morning|afternoon|evening|night))?\b`,
    ),
    resolve: (m, ctx) => {
      const part = m[3] ? DAY_PARTS[m[3].toLowerCase()]! : null;
      const type = part ? 'TIME' : 'DATE';
      if (unknownYear(ctx)) return { type, value: null, precision: 'partial' };
      const modifier = m[1]?.toLowerCase();
      const direction = modifier === 'next' || modifier === 'this coming' ? 'after' : modifier === 'last' ? 'before' : directionOf(ctx, m);
      const day = weekdayDate(ctx.anchor!, weekdayNumber(m[2]!), direction, modifier === 'last' || modifier === 'next');
      return { type, value: formatDay(day) + (part ? `T${part}` : ''), precision: 'day' };
    },
  },
  {
    name: 'deictic-day',
    hint: /yesterday|today|tonight|tomorrow|night|morning|afternoon|evening/i,
    pattern: re(
      String.raw`\b(${ci('the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening')})\b`,
    ),
    resolve: (m, ctx) => {
      const word = m[1]!.toLowerCase();
      const part = DAY_PARTS[word.split(' ').at(-1)!];
      const type = part ? 'TIME' : 'DATE';
      if (ctx.anchor === null) return { type, value: null, precision: 'partial' };
      const n = word.startsWith('the day before') ? -2 : word.startsWith('the day after') ? 2 : word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      return { type, value: formatDay(addDays(ctx.anchor, n)) + (part ? `T${part}` : ''), precision: 'day' };
    },
  },
  {
    // last week | this month | next year | the past year
    name: 'relative-unit',
    hint: /week|month|year/i,
    pattern: re(String.raw`\b(${ci('last|this|next|past|coming|previous')})[ \t]{1,2}(week|month|year|weekend)\b`),
    resolve: (m, ctx) => (ctx.anchor === null ? { value: null, precision: 'partial' } : unitValue(ctx.anchor, m[2]!, OFFSET[m[1]!.toLowerCase()]!)),
  },
  {
    // the weekend | over the weekend: the last one, unless the verb points ahead
    name: 'the-weekend',
    hint: /weekend/i,
    pattern: re(String.raw`\b${ci('the')}[ \t]{1,2}weekend\b`),
    resolve: (m, ctx) => {
      const a = ctx.anchor;
      if (a === null || a.y === null) return { value: null, precision: 'partial' };
      const saturday = weekdayDate(a, 6, directionOf(ctx, m));
      return { value: `${formatWeek(saturday.y!, saturday.m, saturday.d)}-WE`, precision: 'week' };
    },
  },
  {
    // earlier this month | later this week
    name: 'earlier-this',
    hint: /earlier|later/i,
    pattern: re(String.raw`\b(${ci('earlier|later')})[ \t]{1,2}(?:this|in the)[ \t]{1,2}(week|month|year)\b`),
    resolve: (m, ctx) => (ctx.anchor === null ? { value: null, precision: 'partial' } : unitValue(ctx.anchor, m[2]!, 0)),
  },
  {
    // three days ago | a week ago | 13 hours ago
    name: 'ago',
    hint: /ago\b/i,
    pattern: re(String.raw`\b(${ci(COUNT_PATTERN)})[ \t]{1,2}(minute|hour|day|week|month|year)s?[ \t]{1,2}ago\b`),
    resolve: (m, ctx) => {
      if (ctx.anchor === null) return { value: null, precision: 'partial' };
      const n = countNumber(m[1]!);
      if (!Number.isFinite(n)) return null;
      const unit = m[2]!;
      // the hour of publication is unknown: counted back from midday, as chrono-node does
      if (unit === 'hour' || unit === 'minute') {
        const hours = unit === 'hour' ? n : n / 60;
        return { value: formatDay(addDays(ctx.anchor, Math.floor((12 - hours) / 24))), precision: 'day' };
      }
      const day = shift(ctx.anchor, n, unit);
      if (unit === 'day') return { value: formatDay(day), precision: 'day' };
      if (unit === 'week') return day.y === null ? { value: null, precision: 'partial' } : { value: formatWeek(day.y, day.m, day.d), precision: 'week' };
      if (unit === 'month') return { value: formatMonth(day.y, day.m), precision: 'month' };
      return day.y === null ? { value: null, precision: 'partial' } : { value: String(day.y), precision: 'year' };
    },
  },
];

/** TIMEX3 parts of the day. */
export const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

/**
 * The date of a weekday named without a date: in the week before the anchor (the anchor's own day
 * included: "said Friday" in a Friday story) unless it points ahead; `named` ("last Monday", "next
 * Monday") is never the anchor day.
 */
export function weekdayDate(a: Day, target: number, direction: Direction, named = false): Day {
  const today = weekday(a.y!, a.m, a.d);
  // the anchor's own weekday is the anchor day ("will meet Friday" in a Friday story) unless "next" or "last" says otherwise
  if (pointsAhead(direction)) {
    const ahead = (target - today + 7) % 7;
    return addDays(a, named ? ahead || 7 : ahead);
  }
  const back = (today - target + 7) % 7;
  return addDays(a, -(named ? back || 7 : back));
}

function rangeOfDays(ctx: RuleContext, match: RegExpExecArray, month: number | null, d1: number, d2: string | undefined, year: string | undefined): Resolution | null {
  if (month === null) return null;
  const y = year ? Number(year) : null;
  const value = dayValue(ctx, match, month, d1, y);
  if (!value) return null;
  if (d2 === undefined) return { value, precision: 'day' };
  const last = Number(d2);
  if (last <= d1 || !isValidDay(month, last)) return null;
  return { value, precision: 'day', endValue: value.slice(0, 8) + String(last).padStart(2, '0') };
}

