/**
 * Recurring times (TIMEX3 SET): "every week", "each July", "on Mondays", "twice a day", "$5 million
 * a year", "four flights a week", and "daily" or "annually" as adverbs; before a noun they are
 * adjectives ("daily volume", "the daily Kommersant"), not times.
 */
import { ci, type DateRule, re } from './rule.js';
import { MONTH_PATTERN, monthNumber } from '../text/months.js';
import { COUNT_PATTERN, SEASONS, WEEKDAY_PATTERN, countNumber, weekdayNumber } from './words.js';
import { durationValue } from './durations.js';

const set = (value: string) => ({ type: 'SET' as const, value, precision: 'partial' as const });
const isoWeekday = (word: string) => ((weekdayNumber(word) + 6) % 7) + 1;

const ADVERBS: Record<string, string> = { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y' };

export const SET_RULES: DateRule[] = [
  {
    // every week | each July | every two months | each Thursday | every spring
    name: 'every',
    hint: /every|each/i,
    pattern: re(
      String.raw`\b(?:${ci('every|each')})[ \t]{1,2}(?:(${COUNT_PATTERN}|other)[ \t]{1,2})?(${WEEKDAY_PATTERN}|${MONTH_PATTERN}|${ci('spring|summer|autumn|fall|winter|season|morning|evening|night|day|week|month|quarter|year|decade|hour|minute')})s?\b`,
    ),
    resolve: (m) => {
      const word = m[2]!;
      const n = m[1] ? (m[1].toLowerCase() === 'other' ? 2 : countNumber(m[1])) : 1;
      if (!Number.isFinite(n)) return null;
      if (new RegExp(`^(?:${WEEKDAY_PATTERN})$`).test(word)) return set(`XXXX-WXX-${isoWeekday(word)}`);
      const month = monthNumber(word);
      if (month !== null && /^[A-Z]/.test(word) && word.length > 2) return set(`XXXX-${String(month).padStart(2, '0')}`);
      const lower = word.toLowerCase();
      if (lower in SEASONS) return set(`XXXX-${SEASONS[lower]}`);
      // a season with no name recurs every three months
      if (lower === 'season') return set(`P${3 * n}M`);
      if (lower === 'morning' || lower === 'evening' || lower === 'night') return set(`TXX${lower === 'morning' ? 'MO' : lower === 'evening' ? 'EV' : 'NI'}`);
      return set(durationValue(n, lower));
    },
  },
  {
    // on Mondays | Sundays
    name: 'weekdays',
    hint: /days\b/i,
    pattern: re(String.raw`\b(?:${ci('on')}[ \t]{1,2})?(${WEEKDAY_PATTERN})s\b`),
    resolve: (m) => set(`XXXX-WXX-${isoWeekday(m[1]!)}`),
  },
  {
    // twice a day | $5 million a year | 300 a month | per week
    name: 'rate',
    hint: /\b(?:a|per) (?:hour|day|week|month|quarter|year)/i,
    pattern: re(
      String.raw`(?:(?<=(?:\d[\d,.%]*|\b(?:once|twice|thrice|times))(?:[ \t]{1,2}[\p{L}-]{1,20}){0,2}[ \t]{1,2})${ci('a')}|\b${ci('per')})[ \t]{1,2}(hour|day|week|month|quarter|year)\b(?![ \t]{1,2}(?:ago|earlier|later|before|after)\b)`,
    ),
    resolve: (m) => set(durationValue(1, m[1]!)),
  },
  {
    // daily | weekly | annually
    name: 'adverb',
    hint: /ly\b/i,
    // only as an adverb: at the end of a clause or before a preposition ("rose 8% annually through 1992"), not "daily volume"
    pattern: re(String.raw`\b(hourly|daily|nightly|weekly|monthly|annually|yearly)\b(?=[ \t]*(?:[.,;:)!?]|$)|[ \t]{1,2}(?:since|through|until|in|at|on|and|or|from|for|to|during|over|by|between)\b)`),
    resolve: (m) => set(ADVERBS[m[1]!]!),
  },
];
