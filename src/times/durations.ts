/**
 * Lengths of time (TIMEX3 DURATION): "three weeks", "a two-year deal", "nearly 40 years", "several
 * months", "the first nine months", and, counted from the anchor, "the past 24 hours" or "the next
 * two weeks", whose interval the text fixes. The preposition before them ("in", "over", "for") is
 * not part of the expression, as in TimeML; a modifier of the amount ("nearly", "at least") is.
 * An age ("52 years old", "a 136-year-old bank") is not a time.
 */
import { formatDay } from './calendar.js';
import { shift } from './dates.js';
import { ci, type DateRule, re, type Resolution } from './rule.js';
import { COUNT_PATTERN, countNumber, VAGUE_COUNT_PATTERN } from './words.js';

const UNIT = 'second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries';
const UNIT_CODE: Record<string, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', fortnight: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'Y', century: 'Y',
};
const MULTIPLE: Record<string, number> = { fortnight: 2, decade: 10, century: 100 };
const AMOUNT_MODIFIER = 'about|nearly|almost|roughly|approximately|around|more than|less than|fewer than|at least|at most|up to|no more than|some|just over|just under|within|barely|only';
const RELATIVE = 'past|last|previous|next|coming|following|first|final|latest|remaining|same|year-earlier|year-ago|comparable';

const unitOf = (word: string) => {
  const w = word.toLowerCase();
  return w === 'centuries' ? 'century' : w.replace(/s$/, '');
};

/** P3W, PT2H, P10Y; an unknown count gives X (PXY, and PXDE, PXCE for decades and centuries). */
export function durationValue(n: number | null, unitWord: string): string {
  const unit = unitOf(unitWord);
  const time = unit === 'second' || unit === 'minute' || unit === 'hour';
  const count = n === null ? 'X' : String(n * (MULTIPLE[unit] ?? 1));
  const code = n === null && unit === 'decade' ? 'DE' : n === null && unit === 'century' ? 'CE' : UNIT_CODE[unit]!;
  return `P${time ? 'T' : ''}${count}${code}`;
}

// "2 1/2 years", "two and a half hours", "a minute and a half"
const HALF_AFTER_COUNT = String.raw`[ \t]{1,2}(?:1\/2|½)|[ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half`;
const HALF_AFTER_UNIT = String.raw`[ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half`;
/** Half a unit more, written in the next unit down as TIMEX3 does: P2Y6M, PT5H30M, PT1M30S. */
const HALF: Record<string, string> = { year: '6M', month: '15D', week: '3DT12H', fortnight: '7D', day: 'T12H', hour: '30M', minute: '30S' };

export function halfValue(n: number, unitWord: string): string {
  const unit = unitOf(unitWord);
  const whole = durationValue(n, unitWord);
  // decades and centuries are written in years: "a decade and a half" is P15Y
  if (unit === 'decade' || unit === 'century') return `P${(n + 0.5) * MULTIPLE[unit]!}Y`;
  const extra = HALF[unit];
  if (!extra) return whole; // a quarter and a half, a second and a half: no smaller TIMEX3 unit worth it
  // PT5H + 30M -> PT5H30M; P1D + T12H -> P1DT12H; P2W + 3DT12H -> P17DT12H (TIMEX3 does not mix W with D)
  if (unit === 'week' || unit === 'fortnight') return `P${n * (unit === 'fortnight' ? 14 : 7) + (unit === 'week' ? 3 : 7)}D${unit === 'week' ? 'T12H' : ''}`;
  return whole + extra;
}

function countOf(word: string | undefined): number | null | undefined {
  if (word === undefined) return 1;
  const w = word.toLowerCase();
  if (w === 'a couple of' || w === 'couple of') return 2;
  if (new RegExp(`^(?:${VAGUE_COUNT_PATTERN})$`).test(w)) return null;
  const n = countNumber(w);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const COUNT = `${ci(COUNT_PATTERN)}|${ci(VAGUE_COUNT_PATTERN)}`;

export const DURATION_RULES: DateRule[] = [
  {
    // the past 24 hours | the next two weeks | the past day: counted from the anchor
    name: 'anchored-duration',
    hint: /past|last|previous|next|coming|following/i,
    pattern: re(
      String.raw`\b${ci('the')}[ \t]{1,2}(${ci('past|last|previous|next|coming|following')})[ \t]{1,2}(?:(${COUNT}|${ci('couple of')})[ \t-]{1,2}(${UNIT})s?|(day|hour|week|decade|century))\b(?:[ \t]{1,2}or[ \t]so\b)?`,
    ),
    resolve: (m, ctx): Resolution | null => {
      const n = countOf(m[2]);
      const unit = (m[3] ?? m[4])!;
      if (n === undefined) return null;
      // "the next day", "the following week", "the previous day" are days of the story (anaphora.ts), "the last day of talks" a day
      if (m[4] && !/^(?:past|last)$/i.test(m[1]!)) return null;
      if (m[4] === 'day' && /^last$/i.test(m[1]!)) return null;
      const value = durationValue(n, unit);
      if (ctx.anchor === null || n === null) return { type: 'DURATION', value, precision: 'partial' };
      const ahead = /^(?:next|coming|following)$/i.test(m[1]!);
      const other = shift(ctx.anchor, ahead ? -n : n, unitOf(unit));
      const [from, to] = ahead ? [ctx.anchor, other] : [other, ctx.anchor];
      return { type: 'DURATION', value, precision: 'day', interval: { start: formatDay(from), end: formatDay(to) } };
    },
  },
  {
    // three weeks | a two-year deal | nearly 40 years | the first nine months | two to three days | several months
    name: 'duration',
    hint: /second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur/i,
    pattern: re(
      String.raw`\b(?:(?:${ci(AMOUNT_MODIFIER)})[ \t]{1,2})?(?:${ci('the')}[ \t]{1,2}(?:(?:${RELATIVE})[ \t]{1,2})?)?(${COUNT})(${HALF_AFTER_COUNT})?(?:[ \t]{1,2}(?:to|or)[ \t]{1,2}(?:${COUNT_PATTERN}))?(?:[ \t]{1,2}more)?[ \t-]{1,2}(${UNIT})s?\b(${HALF_AFTER_UNIT})?(?![ \t]{1,2}(?:ago|from now|old)\b|-)(?<!(?:quarter|half|-quarters)(?=[ \t]{1,2}of\b))(?:[ \t]{1,2}or[ \t]so\b)?`,
    ),
    resolve: (m) => {
      const n = countOf(m[1]);
      if (n === undefined) return null;
      const half = (m[2] ?? m[4]) !== undefined;
      if (half && n === null) return null;
      return { type: 'DURATION', value: half ? halfValue(n!, m[3]!) : durationValue(n, m[3]!), precision: 'partial' };
    },
  },
  {
    // for years | for decades | for centuries
    name: 'vague-duration',
    hint: /days|weeks|months|years|decades|centuries/i,
    pattern: re(String.raw`(?<=\b(?:${ci('for|over|within')})[ \t])(days|weeks|months|years|decades|centuries)\b(?![ \t]{1,2}(?:ago|earlier|later|of)\b)`),
    resolve: (m) => ({ type: 'DURATION', value: durationValue(null, m[1]!), precision: 'partial' }),
  },
];
