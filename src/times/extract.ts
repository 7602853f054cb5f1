/**
 * Finds every temporal expression in a text and normalises it against the anchor day. English goes
 * through our news rules first, then chrono-node for what they do not cover; Russian and Ukrainian
 * through chrono-node's parsers. chrono only sees sentences a cheap prefilter marks (a digit, a
 * month or weekday name, a deictic word), which keeps whole-article runs fast.
 */
import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';
import type { Sentence, TimeExpr } from '../core/schema.js';
import { lowerBound } from '../core/search.js';
import type { Anchor } from './anchor.js';
import { formatDay, formatMonth, yearForDay, yearForMonth } from './calendar.js';
import { type Direction, directionAt, pointsAhead } from './direction.js';
import { weekdayDate } from './dates.js';
import { widen } from './extent.js';
import { quarterOf } from './quarters.js';
import { type Reference, referenceOf, resolveAnaphor } from './anaphora.js';
import type { Resolution, RuleContext } from './rule.js';
import { RULES } from './rules.js';
import { MONTH_PATTERN } from '../text/months.js';
import { WEEKDAY_PATTERN } from './words.js';
import { readAsEnglish } from '../core/language.js';

export interface ExtractInput {
  text: string;
  language: string;
  anchor: Anchor | null;
  /** sentence spans (from the sentences layer); found by punctuation when absent */
  sentences?: readonly Sentence[];
}

export interface Found extends Resolution {
  start: number;
  end: number;
}

// Russian and Ukrainian: the future auxiliary anywhere in the sentence (no clause reading yet)
const OTHER_FUTURE = /(?<!\p{L})(?:будет|будут|буде|будуть)(?!\p{L})/iu;
const PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tonight|tomorrow|ago|day|hour|week|month|year|spring|summer|autumn|winter|fall|now|current|recent|lately|past|future|soon|present|moment|quarter|half|period|every|each|daily|weekly|monthly|annual|yearly|hourly|noon|midnight|midday|morning|afternoon|evening|night|decade|centur|minute|second|fortnight|nineteen|twent|thousand|thirties|forties|fifties|sixties|seventies|eighties|nineties|christmas|new year|thanksgiving|election day|victory day)|вчера|сегодня|завтра|вчора|сьогодні|недел|тижн|месяц|місяц|год|рок|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|понеділ|вівтор|четвер|п'ятниц|субот|неділ/i;

const CHRONO_MAX_CHARS = 2000;
const require = createRequire(import.meta.url);
// chrono-node with all its locales costs ~300 ms to load; each parser is loaded on first use (~60-110 ms).
const LOCALES: Record<string, string> = { en: 'chrono-node/en', ru: 'chrono-node/ru', uk: 'chrono-node/uk' };
const loaded = new Map<string, chrono.Chrono>();
function parserFor(language: string): chrono.Chrono | undefined {
  const module = LOCALES[language];
  if (!module) return undefined;
  let parser = loaded.get(language);
  if (!parser) loaded.set(language, (parser = (require(module) as { casual: chrono.Chrono }).casual));
  return parser;
}

export function extractTimes(input: ExtractInput): TimeExpr[] {
  const { text, anchor } = input;
  const sentences = input.sentences ?? splitSentences(text);
  const english = readAsEnglish(input.language);
  const found: Found[] = [];

  let quarter: RuleContext['quarter'];
  // the story's reference time: the last calendar date it gave, the publication day before any
  let reference: Reference | null = anchor?.day.y != null ? { y: anchor.day.y, m: anchor.day.m, d: anchor.day.d } : null;
  const place = (f: Found) => {
    if (f.anaphor) {
      const value = reference ? resolveAnaphor(f.anaphor, reference) : null;
      // a clock time keeps its own precision; when the reference is too coarse it keeps the anchor's day the rule gave
      const precision = f.value !== null ? f.precision : f.anaphor.unit;
      found.push(value ? { ...f, value, precision } : f);
      return;
    }
    found.push(f);
    if (f.type !== 'DURATION' && f.type !== 'SET') reference = referenceOf(f.value) ?? reference;
  };
  for (const [index, s] of sentences.entries()) {
    const sentence = text.slice(s.start, s.end);
    if (!PREFILTER.test(sentence)) continue;
    const ctx: RuleContext = {
      anchor: anchor?.day ?? null,
      sentence: index,
      quarter,
      direction: english ? (start, end) => directionAt(sentence, start, end) : () => (OTHER_FUTURE.test(sentence) ? 'future' : 'none'),
    };
    const own: Found[] = english ? widen(sentence, s.start, applyRules(sentence, s.start, ctx), anchor?.day.y ?? null) : [];
    // chrono's parsers are slow on very long runs of text; a real sentence is well under this
    const wanted = sentence.length <= CHRONO_MAX_CHARS && (!english || leftOver(sentence, s.start, own));
    const parser = wanted ? parserFor(english ? 'en' : input.language) : undefined;
    const extra = parser ? applyChrono(parser, sentence, s.start, ctx, english) : [];
    for (const f of [...own, ...uncovered(own, sweep(extra))].sort((a, b) => a.start - b.start)) {
      place(f);
      const q = quarterOf(f);
      if (q) quarter = { ...q, sentence: index };
    }
  }

  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const t: TimeExpr = { start: f.start, end: f.end, text: text.slice(f.start, f.end), type: f.type ?? 'DATE', value: f.value, precision: f.precision };
      if (f.endValue) t.end_value = f.endValue;
      if (f.interval) t.interval = f.interval;
      t.anchored = f.value !== null && !f.value.startsWith('XXXX');
      return t;
    });
}

/** All rule matches in one sentence, longest first where they overlap. */
function applyRules(sentence: string, offset: number, ctx: RuleContext): Found[] {
  const matches: Found[] = [];
  for (const rule of RULES) {
    if (rule.hint && !rule.hint.test(sentence)) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(sentence); m; m = rule.pattern.exec(sentence)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const r = rule.resolve(m, ctx);
      if (r) matches.push({ ...r, start: offset + m.index, end: offset + m.index + m[0].length });
    }
  }
  return sweep(matches);
}

/**
 * What chrono-node may still read in English once our rules ran: a month or weekday name, or a date
 * in figures with slashes or dashes (5/9/2018, 06-22-2017). Other figures ("the 47th brigade", "voted
 * 7-2") and words that only begin like a month ("Marchenko", "Novosti") gave chrono nothing on news
 * text, while each call costs more than all our rules together.
 */
const CHRONO_HINT = new RegExp(
  String.raw`\b(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})\b|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b|\b\d{1,2}/\d{1,2}\b`,
  'g',
);

/** Whether a hint lies outside every match of our rules (offsets of `own` are in the text). */
function leftOver(sentence: string, offset: number, own: Found[]): boolean {
  CHRONO_HINT.lastIndex = 0;
  for (let m = CHRONO_HINT.exec(sentence); m; m = CHRONO_HINT.exec(sentence)) {
    const at = offset + m.index;
    if (!own.some((o) => o.start <= at && at < o.end)) return true;
  }
  return false;
}

/** Of overlapping matches keeps the earliest-starting, then the longest: one linear sweep. */
function sweep(matches: Found[]): Found[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  let end = -1;
  for (const m of matches) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

/** chrono's matches that touch none of ours (`own` sorted by offset, not overlapping). */
function uncovered(own: Found[], extra: Found[]): Found[] {
  return extra.filter((e) => {
    const lo = lowerBound(own, (o) => o.end <= e.start);
    return lo === own.length || own[lo]!.start >= e.end;
  });
}

/** chrono-node's results, re-normalised with our conventions (nearest past year, past weekdays). */
function applyChrono(parser: chrono.Chrono, sentence: string, offset: number, ctx: RuleContext, english: boolean): Found[] {
  const a = ctx.anchor;
  // chrono needs a full reference date; with an unknown year we give it a stand-in and drop the year after
  const instant = new Date(Date.UTC(a?.y ?? 2001, (a?.m ?? 1) - 1, a?.d ?? 1, 12));
  const out: Found[] = [];
  for (const r of parser.parse(sentence, { instant, timezone: 0 })) {
    if (english && (FRACTION.test(r.text) || LOWERCASE_MONTH.test(r.text) || WEEKDAY_ABBREVIATION.test(sentence.slice(r.index, r.index + r.text.length + 1)))) continue;
    const bare = english ? BARE_SLASH.exec(r.text) : null;
    const direction = ctx.direction(r.index, r.index + r.text.length);
    const res = bare
      ? bareSlashDate(Number(bare[1]), Number(bare[2]), sentence.slice(0, r.index), direction, () => normalise(r, ctx, direction))
      : normalise(r, ctx, direction);
    if (res) out.push({ ...res, start: offset + r.index, end: offset + r.index + r.text.length });
  }
  return out;
}

const BARE_SLASH = /^(\d{1,2})\/(\d{1,2})$/;
// prices in fractions ("12 3/4%", "rose 4 5/8 to 112 5/8"), and a bare "Sun" or "Wed" ("Sun Microsystems")
const FRACTION = /^(?:\d{1,4}[ \t]{1,2}to[ \t]{1,2})?\d{1,4}[ \t]{1,2}\d{1,2}\/\d{1,2}$/;
// English capitalises month names: a lowercase "march" or "may" is a noun or a verb ("this march", "may 5 people")
const LOWERCASE_MONTH = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/;
const WEEKDAY_ABBREVIATION = /^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b(?![.,])/;
const TIME_PREPOSITION = /\b(?:on|by|since|until|till|from|before|after|through|for)\s+$/i;

/**
 * Month and day in figures with no year ("9/11", "3/4", "24/7") are seldom a date of the story in
 * news text: "24/7" is round the clock, "3/4 of voters" a fraction, and "9/11" the attacks of
 * 11 September 2001 unless a verb points ahead to it ("the vote is scheduled for 9/11"). Such
 * figures are read as a date (month first, as chrono's English parser reads them) only after a
 * preposition of time: "on 3/4", "since 5/12".
 */
function bareSlashDate(first: number, second: number, before: string, direction: Direction, asDate: () => Resolution | null): Resolution | null {
  const afterPreposition = TIME_PREPOSITION.test(before);
  if (first === 9 && second === 11 && !(afterPreposition && pointsAhead(direction))) return { value: '2001-09-11', precision: 'day' };
  if (first > 12 || !afterPreposition) return null;
  return asDate();
}

function normalise(r: chrono.ParsedResult, ctx: RuleContext, direction: Direction): Resolution | null {
  const known = (c: string) => r.start.isCertain(c as chrono.Component);
  const get = (c: string) => r.start.get(c as chrono.Component)!;
  const a = ctx.anchor;
  const literalYear = known('year') && r.text.includes(String(get('year')));
  const literalDay = known('day') && /\d/.test(r.text);
  if (known('month') && known('day')) {
    const m = get('month');
    const d = get('day');
    if (literalYear) return { value: formatDay({ y: get('year'), m, d }), precision: 'day' };
    if (literalDay) return { value: formatDay({ y: a ? yearForDay(a, m, d, direction) : null, m, d }), precision: 'day' };
    // a relative day chrono computed from the reference ("вчера")
    if (!a) return { value: null, precision: 'partial' };
    return { value: formatDay({ y: a.y === null ? null : get('year'), m, d }), precision: 'day' };
  }
  if (known('month')) {
    const y = literalYear ? get('year') : a ? yearForMonth(a, get('month'), direction) : null;
    return { value: formatMonth(y, get('month')), precision: 'month' };
  }
  if (literalYear) return { value: String(get('year')), precision: 'year' };
  if (known('weekday')) {
    if (!a || a.y === null) return { value: null, precision: 'partial' };
    return { value: formatDay(weekdayDate(a, get('weekday'), direction)), precision: 'day' };
  }
  return null;
}

/** Sentence spans by end punctuation and line breaks, when no sentences layer is given. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  // not after a short capitalised abbreviation (Dec., Gen., St.)
  const boundary = /(?<!\b[A-Z][a-z]{0,3}|\b[ap]\.m)[.!?]+(?=\s)|\n/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

