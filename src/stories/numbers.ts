/**
 * Numbers as a claim states them ("3 soldiers", "three soldiers", "1,200 troops", "dozens of
 * drones"), with the word they count, so that "3 soldiers" against "30 soldiers" is a changed
 * figure while "3 soldiers" against "three soldiers" is not.
 */
import { words, type Word } from './words.js';

const UNITS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12,
  dozens: 24, hundreds: 200, thousands: 2000,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };
// words between a number and what it counts: "3 more soldiers", "30 of the drones"
const SKIP = new Set(['more', 'other', 'of', 'the', 'additional', 'new', 'people', 'than', 'over', 'some', 'about', 'nearly', 'almost', 'around']);

// a Map, not `in` on an object: no prototype keys ("constructor"), and a fast lookup on a hot path
const NUMBER_WORDS = new Map(Object.entries(UNITS));

/** Whether a folded word is a number, in digits or in words. */
export const isFigure = (w: string) => {
  const c = w.charCodeAt(0);
  return (c >= 48 && c <= 57) || NUMBER_WORDS.has(w);
};

export interface Figure {
  value: number;
  /** the word it counts, folded ('soldiers'); '' when none follows */
  counts: string;
  start: number;
  end: number;
}

function valueOf(w: Word): number | null {
  // ids, phone numbers and the like are not figures: a count has at most seven digits
  const digits = /^\d{1,3}(?:,\d{3})+$|^\d{1,7}(?:\.\d+)?$/;
  if (digits.test(w.w)) return Number(w.w.replace(/,/g, ''));
  return NUMBER_WORDS.get(w.w) ?? null;
}

// what follows the hour of a time of day: "9 p.m.", "10am", "14:00 GMT"
const DAY_TIME = new Set(['a', 'p', 'am', 'pm', 'gmt', 'utc', 'cet', 'eet', 'msk', 'bst', 'est', 'edt', 'pst', 'pdt', "o'clock"]);

/** Digits of a time of day: either side of a colon between digits ("9:42"), or before "p.m." and the like. */
function clockTime(text: string, ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  const digit = (k: number) => k >= 0 && k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  if ((text[w.end] === ':' && digit(w.end + 1)) || (text[w.start - 1] === ':' && digit(w.start - 2))) return true;
  const next = ws[i + 1];
  return next !== undefined && DAY_TIME.has(next.w) && next.start - w.end <= 1;
}

export function figuresIn(text: string, span: { start: number; end: number }): Figure[] {
  // digits with thousands separators are one word here: the word pattern splits at commas
  const ws = words(text, span.start, span.end).filter((w) => w.end <= span.end);
  const merged: Word[] = [];
  for (const w of ws) {
    const prev = merged[merged.length - 1];
    if (prev && /^\d{1,3}(,\d{3})*$/.test(prev.w) && /^\d{3}$/.test(w.w) && text.slice(prev.end, w.start) === ',') {
      merged[merged.length - 1] = { w: `${prev.w},${w.w}`, start: prev.start, end: w.end };
    } else merged.push(w);
  }
  const out: Figure[] = [];
  for (let i = 0; i < merged.length; i++) {
    let value = valueOf(merged[i]!);
    if (value === null) continue;
    // years and times of day are dates, not figures
    if (/^\d{4}$/.test(merged[i]!.w) && value >= 1900 && value <= 2100) continue;
    if (clockTime(text, merged, i)) continue;
    const start = merged[i]!.start;
    let end = merged[i]!.end;
    let k = i + 1;
    while (k < merged.length && SCALE[merged[k]!.w]) {
      value *= SCALE[merged[k]!.w]!;
      end = merged[k]!.end;
      k++;
    }
    let j = k;
    while (j < merged.length && SKIP.has(merged[j]!.w)) j++;
    const next = merged[j];
    out.push({ value, counts: next && valueOf(next) === null ? next.w : '', start, end });
    i = k - 1;
  }
  return out;
}
