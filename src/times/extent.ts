/**
 * The extent of an expression as TimeML draws it, once the rules have found its core: a modifier
 * before it belongs to it ("late last month", "early 1990", "the end of November", "around Nov. 1",
 * "mid-afternoon"), a year after a month fixes it ("July last year"), "or so" ends it, and a weekday
 * followed by its date is one expression ("Saturday, April 25"). A possessive stays outside
 * ("last month's strike": "last month").
 */
import type { Found } from './extract.js';

const PREFIX = new RegExp(
  String.raw`(?:\b(?:[Tt]he[ \t](?:very[ \t])?(?:end|start|beginning|middle|close|turn|first half|second half|last half|rest|remainder|spring|summer|fall|autumn|winter)[ \t]of|[Ee]arly|[Ll]ate|[Aa]round|[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Ss]ometime|[Aa]pproximately|[Aa]s[ \t](?:early|late)[ \t]as|[Ff]iscal|[Ss]o[ \t]far)[ \t]|\b[Mm]id-?)$`,
);
// "earlier" and "later" belong to a day ("Earlier Sunday", "later today"), not to "this month"
const DAY_PREFIX = /\b(?:[Ee]arlier|[Ll]ater)[ \t]$/;
const DAY_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight)\b/i;
const WEEKDAY_ONLY = /^(?:(?:this coming|this|next|last)[ \t])?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;
const YEAR_AFTER = /^,?[ \t](last|this|next)[ \t]year\b/i;
const ENDS_WITH_MONTH = /(?:January|February|March|April|May|June|July|August|September|October|November|December|\d)$/;
const OR_SO = /^[ \t]or[ \t](?:so|later|earlier)\b/;
const JOIN = /^,?[ \t]{1,2}$/;

/** `found` are one sentence's matches (text offsets, sorted, not overlapping); `offset` is the sentence start. */
export function widen(sentence: string, offset: number, found: Found[], anchorYear: number | null): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    // swallowed by the widening of the one before ("January this year")
    if (out.length > 0 && f.start < out.at(-1)!.end) continue;
    const start = f.start - offset;
    const end = f.end - offset;
    const text = sentence.slice(start, end);
    const before = sentence.slice(Math.max(0, start - 40), start);
    const after = sentence.slice(end, end + 30);
    const previousEnd = (out.at(-1)?.end ?? offset) - offset;
    const w = { ...f };
    if (f.type !== 'DURATION' && f.type !== 'SET') {
      const p = PREFIX.exec(before) ?? (DAY_WORD.test(text) ? DAY_PREFIX.exec(before) : null);
      if (p && start - p[0].length >= previousEnd) w.start = f.start - p[0].length;
    }
    const year = ENDS_WITH_MONTH.test(text) && f.value && /^(?:\d{4}|XXXX)-\d{2}/.test(f.value) ? YEAR_AFTER.exec(after) : null;
    if (year) {
      w.end = f.end + year[0].length;
      // the rules gave the month its year from the verb; the text now says which year
      if (anchorYear !== null) {
        const which = year[1]!.toLowerCase();
        w.value = `${which === 'last' ? anchorYear - 1 : which === 'next' ? anchorYear + 1 : anchorYear}${f.value!.slice(4)}`;
      }
    }
    const orSo = OR_SO.exec(sentence.slice(w.end - offset, w.end - offset + 20));
    if (orSo) w.end += orSo[0].length;
    const last = out.at(-1);
    if (last && WEEKDAY_ONLY.test(sentence.slice(last.start - offset, last.end - offset)) && JOIN.test(sentence.slice(last.end - offset, start)) && f.precision === 'day') {
      // "Saturday, April 25": one expression, dated by its date
      out[out.length - 1] = { ...w, start: last.start };
      continue;
    }
    out.push(w);
  }
  return out;
}

