/**
 * Quarters and halves of a year, as business news names them: "the third quarter", "third-quarter
 * earnings", "the fourth quarter of 1990", "the first half", "the latest quarter". A quarter with no
 * year is the latest one begun by the anchor day; "the quarter" and "the latest period" are the
 * quarter the text last named, else the last one completed; "the year-ago quarter" and "a year
 * earlier" said of a quarter are that quarter a year before.
 */
import type { Day } from './calendar.js';
import { ci, type DateRule, directionOf, re, type Resolution, type RuleContext } from './rule.js';

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };
const ORDINALS = 'first|second|third|fourth|1st|2nd|3rd|4th|final';
// "fiscal", "flat", "disappointing"...: at most two words between "the" and the ordinal
const MODIFIERS = String.raw`(?:(?:fiscal|calendar|latest|current|same|comparable|year-ago|year-earlier|its|their)[ \t-]{1,2}){0,2}`;

export interface Quarter {
  y: number;
  q: number;
}

/** what comes before a comparison with a year earlier: a figure, or "from", "than", "compared with" */
const COMPARISON = /(?:\d|%|\b(?:from|than|compared|versus|against)\b)[^.;!?]{0,40}$/i;

const quarterOfDay = (d: Day): Quarter => ({ y: d.y!, q: Math.floor((d.m - 1) / 3) + 1 });
const addQuarters = (x: Quarter, n: number): Quarter => {
  const i = x.y * 4 + (x.q - 1) + n;
  return { y: Math.floor(i / 4), q: (i % 4) + 1 };
};
const quarterIndex = (x: Quarter) => x.y * 4 + x.q - 1;
const formatQuarter = (x: Quarter) => `${x.y}-Q${x.q}`;

/** The quarter named by its number alone: the latest one of that number begun by the anchor. */
function latestQuarter(anchor: Day, q: number): Quarter {
  const now = quarterOfDay(anchor);
  return { y: q <= now.q ? now.y : now.y - 1, q };
}

/** The quarter "the quarter" means: the one named last in the same or the three sentences before, else the last completed one. */
export function referenceQuarter(ctx: RuleContext): Quarter | null {
  if (ctx.quarter && ctx.sentence - ctx.quarter.sentence <= 3) return ctx.quarter;
  if (ctx.anchor === null || ctx.anchor.y === null) return null;
  return addQuarters(quarterOfDay(ctx.anchor), -1);
}

const quarter = (x: Quarter | null, yearAgo = false): Resolution =>
  x === null ? { value: null, precision: 'partial' } : { value: formatQuarter(yearAgo ? addQuarters(x, -4) : x), precision: 'quarter' };

const yearWord = (ctx: RuleContext, word: string | undefined): number | null | undefined => {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (/^\d{4}$/.test(w)) return Number(w);
  if (ctx.anchor?.y == null) return null;
  return ctx.anchor.y + (w.startsWith('last') ? -1 : w.startsWith('next') ? 1 : 0);
};

export const QUARTER_RULES: DateRule[] = [
  {
    // the third quarter | third-quarter | the fiscal first quarter | the fourth quarter of 1990 | this year's third quarter | the 1988 third quarter
    name: 'quarter',
    hint: /quarter|half/i,
    pattern: re(
      String.raw`\b(?:(${ci('this|last|next')})[ \t]year's[ \t]{1,2}|${ci('the')}[ \t]{1,2}(?:(\d{4})[ \t]{1,2})?)?${MODIFIERS}(${ci(ORDINALS)})[ \t-]{1,2}(${ci('quarter|half')})s?\b(?:[ \t]{1,2}of[ \t]{1,2}(?:fiscal[ \t]{1,2})?(\d{4}|this year|last year|next year))?`,
    ),
    resolve: (m, ctx) => {
      const n = ORDINAL[m[3]!.toLowerCase()]!;
      const half = m[4]!.toLowerCase() === 'half';
      if (half && n > 2) return null;
      const year = yearWord(ctx, m[5] ?? m[2]) ?? (m[1] ? yearWord(ctx, m[1]) : undefined);
      const yearAgo = /year-(?:ago|earlier)/i.test(m[0]);
      if (half) {
        const y = year ?? (ctx.anchor?.y == null ? null : n === 2 && ctx.anchor.m <= 6 ? ctx.anchor.y - 1 : ctx.anchor.y);
        return y === null ? { value: null, precision: 'partial' } : { value: `${y - (yearAgo ? 1 : 0)}-H${n}`, precision: 'half' };
      }
      if (year === null) return { value: null, precision: 'partial' };
      if (ctx.anchor?.y == null && year === undefined) return { value: null, precision: 'partial' };
      const which = year !== undefined ? { y: year, q: n } : latestQuarter(ctx.anchor!, n);
      const named = quarter(which, yearAgo);
      // a quarter long past ("suspended in the third quarter of 1984") is history, not the quarter the story reports on
      const reported = ctx.anchor?.y == null || Math.abs(quarterIndex(quarterOfDay(ctx.anchor)) - quarterIndex(which)) <= 4;
      return yearAgo || !reported ? named : { ...named, namesQuarter: true };
    },
  },
  {
    // the quarter | the latest quarter | the year-ago quarter | this quarter | last quarter | the latest period
    name: 'the-quarter',
    hint: /quarter|period/i,
    pattern: re(
      String.raw`\b(?:(${ci('this|last|next')})[ \t]{1,2}|${ci('the')}[ \t]{1,2}${MODIFIERS})(quarter|period)\b(?![ \t]{1,2}(?:of|century)\b|-)`,
    ),
    resolve: (m, ctx) => {
      const word = m[2]!.toLowerCase();
      const mods = m[0].toLowerCase();
      const yearAgo = /year-(?:ago|earlier)/.test(mods);
      // "the period" alone is any period; only the latest one or a year-ago one is the quarter reported on
      if (word === 'period' && !/latest|year-ago|year-earlier|comparable|same/.test(mods)) return null;
      if (m[1]) {
        if (ctx.anchor?.y == null) return { value: null, precision: 'partial' };
        const which = m[1].toLowerCase();
        return quarter(addQuarters(quarterOfDay(ctx.anchor), which === 'last' ? -1 : which === 'next' ? 1 : 0));
      }
      if (/current/.test(mods)) return ctx.anchor?.y == null ? { value: null, precision: 'partial' } : quarter(quarterOfDay(ctx.anchor));
      return quarter(referenceQuarter(ctx), yearAgo);
    },
  },
  {
    // the 1988 quarter | the 1989 period: the quarter reported on, in the year named
    name: 'year-quarter',
    hint: /quarter|period/i,
    pattern: re(String.raw`\b${ci('the')}[ \t]{1,2}((?:19|20)\d\d)[ \t]{1,2}(?:quarter|period)\b`),
    resolve: (m, ctx) => {
      const q = referenceQuarter(ctx);
      return q === null ? { value: m[1]!, precision: 'year' } : { value: `${m[1]}-Q${q.q}`, precision: 'quarter' };
    },
  },
  {
    // a year earlier | a year ago | year-earlier | year-ago: said of a quarter just named, that quarter a year before
    name: 'year-ago-quarter',
    hint: /year[ -](?:ago|earlier)/i,
    pattern: re(String.raw`\b(?:${ci('a year (?:earlier|ago)|year-(?:earlier|ago)|the year-(?:earlier|ago) (?:quarter|period)')})\b(?![ \t-]{1,2}(?:quarter|period|levels?)\b)`),
    resolve: (m, ctx) => {
      if (ctx.quarter && ctx.sentence - ctx.quarter.sentence <= 3) return quarter(ctx.quarter, true);
      // "a year ago" with no quarter in view is the 'ago' rule's
      if (/ago/i.test(m[0]) && !/^year-/i.test(m[0])) return null;
      // a figure compared with a year earlier ("up 15% from 4 pence a year earlier", "$2.1 million, or six
      // cents a share, a year earlier") is the year before the report; "rebuilt a year earlier" is a year
      // before some other event the text names, which we cannot place
      if (!/^year-/i.test(m[0]) && !COMPARISON.test(m.input.slice(Math.max(0, m.index - 60), m.index))) return null;
      if (ctx.anchor?.y == null) return { value: null, precision: 'partial' };
      return { value: String(ctx.anchor.y - 1), precision: 'year' };
    },
  },
  {
    // the year ended Sept. 30 (a fiscal year: its length) | the fiscal year | the full year | the current year | the latest fiscal year
    name: 'report-year',
    hint: /year/i,
    pattern: re(String.raw`\b${ci('the')}[ \t]{1,2}(?:(${ci('current|full|latest|last|coming|next')})[ \t]{1,2})?(${ci('fiscal')}[ \t]{1,2})?year\b(?=([ \t]{1,2}(?:ended|ending)\b)?)`),
    resolve: (m, ctx) => {
      if (m[3]) return { type: 'DURATION', value: 'P1Y', precision: 'partial' };
      const which = m[1]?.toLowerCase();
      // "the year" alone is any year ("the year before", "the year of the tiger"); "the fiscal year" is the one under way
      if (!which && !m[2]) return null;
      if (ctx.anchor?.y == null) return { value: null, precision: 'partial' };
      const offset = which === 'latest' || which === 'last' ? -1 : which === 'coming' || which === 'next' ? 1 : 0;
      // "the latest fiscal year" is the last one closed; "the last year" is "the past year", a duration elsewhere
      if (which === 'last' && !m[2]) return null;
      return { value: String(ctx.anchor.y + offset), precision: 'year' };
    },
  },
  {
    // by year-end | around year end | by year's end | the end of the year: the anchor's year
    name: 'year-end',
    hint: /year/i,
    pattern: re(String.raw`\b(?:${ci('year-end|year end|year\'s end|the end of the year|the end of this year')})\b`),
    resolve: (m, ctx) => {
      if (ctx.anchor?.y == null) return { value: null, precision: 'partial' };
      // "stood at 108 million at the end of the year" (a past verb) is last year's end; "by year-end" this one's
      const d = directionOf(ctx, m);
      return { value: String(ctx.anchor.y - (d === 'past' || d === 'before' ? 1 : 0)), precision: 'year' };
    },
  },
];

/** The quarter an expression names outright (2025-Q3), for the reference the next sentences read. */
export function quarterOf(r: Resolution): Quarter | null {
  const m = r.namesQuarter && r.value ? /^(\d{4})-Q([1-4])$/.exec(r.value) : null;
  return m ? { y: Number(m[1]), q: Number(m[2]) } : null;
}
