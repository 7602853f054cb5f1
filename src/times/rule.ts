/**
 * What every rule of the times layer is: a bounded regular expression run over one sentence, and a
 * resolver that turns a match into a TIMEX3 type and value against the anchor day.
 */
import type { Day } from './calendar.js';
import type { Anaphor } from './anaphora.js';
import type { Direction } from './direction.js';

/** How finely a value places its expression: a time of day is 'minute' or 'day' (a part of the day). */
export type Precision = 'minute' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'half' | 'year' | 'decade' | 'century' | 'partial';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Resolution {
  /** DATE when not given */
  type?: TimexType;
  value: string | null;
  precision: Precision;
  /** end of a stated range */
  endValue?: string;
  /** a quarter named outright ("the third quarter"): "the quarter" and "a year earlier" after it refer to it */
  namesQuarter?: boolean;
  /** a time counted from the story's reference time ("later that year"): the value is filled in from it */
  anaphor?: Anaphor;
  /** the days a duration covers when the text fixes them ("the past two weeks") */
  interval?: { start: string; end: string };
}

export interface RuleContext {
  /** the anchor day (publication or dateline), null when there is none */
  anchor: Day | null;
  /** the latest quarter the text has named so far ("the third quarter"), for "the quarter", "a year earlier" */
  quarter?: { y: number; q: number; sentence: number };
  /** index of the sentence being read */
  sentence: number;
  /** the way the verb governing [start, end) of the sentence points (see direction.ts) */
  direction(start: number, end: number): Direction;
}

export interface DateRule {
  name: string;
  /** a cheap test a sentence must pass before the pattern runs on it (most sentences hold no time) */
  hint?: RegExp;
  pattern: RegExp;
  resolve(m: RegExpExecArray, ctx: RuleContext): Resolution | null;
}

/** "word" -> "[Ww]ord": sentence-initial capitals without making month names case-blind. */
export const ci = (words: string) => words.replace(/(?<![\\\w])([a-z])/g, (_, c: string) => `[${c}${c.toUpperCase()}]`);
export const re = (source: string) => new RegExp(source, 'gu');

export const directionOf = (ctx: RuleContext, m: RegExpExecArray) => ctx.direction(m.index, m.index + m[0].length);
