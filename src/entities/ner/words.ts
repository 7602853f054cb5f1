/**
 * What the tagger knows about a word on its own: a normalised form (curly quotes and dashes
 * straightened, so news prose looks like the Reuters training text), its shape, affixes and
 * casing, all reduced to 32-bit hashes once per distinct word and cached.
 */
import { hashFeature } from '../../learn/perceptron.js';

/** Combines a template id with a value hash (murmur3's finaliser over the mix). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A copy for features only: offsets come from the token, never from this string. */
export function normalizeWord(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    .replace(/[\u2013\u2014\u2015]/g, '--')
    .replace(/\u2026/g, '...');
}

/** Letter case of a word, as a small code (used in features and in document statistics). */
export const enum Case {
  /** no letters */
  None = 0,
  Lower = 1,
  /** first letter upper, some lower */
  Title = 2,
  /** all letters upper (two or more) */
  Upper = 3,
  /** a single upper-case letter, or mixed such as "McDonald" / "iPhone" */
  Mixed = 4,
}

export interface WordInfo {
  /** normalised text */
  norm: string;
  lower: string;
  lowerHash: number;
  exactHash: number;
  /** digits -> 0, lower-cased: "1996-08-22" and "1997-01-03" share it */
  digitsHash: number;
  /** "Xxxxx", "dd-dd", "X.X." (runs longer than 3 cut) */
  shapeHash: number;
  /** runs collapsed: "Xx", "d-d", "X.X." */
  shortShapeHash: number;
  /** prefixes and suffixes of length 1..4 of the lower-cased word */
  affixHashes: number[];
  casing: Case;
  /** starts with an upper-case letter */
  capitalised: boolean;
  /** has a letter or digit (not punctuation) */
  wordlike: boolean;
}

function shapeOf(word: string, maxRun: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= maxRun) out += c;
  }
  return out;
}

function casingOf(word: string): Case {
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    if (/\p{Lu}/u.test(ch)) upper++;
    else if (/\p{Ll}/u.test(ch)) lower++;
  }
  if (upper === 0 && lower === 0) return Case.None;
  if (upper === 0) return Case.Lower;
  if (lower === 0) return upper >= 2 ? Case.Upper : Case.Mixed;
  const first = word.match(/\p{L}/u)?.[0] ?? '';
  const restUpper = upper - (/\p{Lu}/u.test(first) ? 1 : 0);
  return /\p{Lu}/u.test(first) && restUpper === 0 ? Case.Title : Case.Mixed;
}

const T_LOWER = 1;
const T_EXACT = 2;
const T_SHAPE = 3;
const T_SHORT = 4;
const T_PREFIX = 5;
const T_SUFFIX = 6;
const T_DIGITS = 7;

/** The lowerHash of a word already lower-cased and normalised (for lexicon entries). */
export function lowerHashOf(lower: string): number {
  return mix(T_LOWER, hashFeature(lower));
}

export function describeWord(text: string): WordInfo {
  const norm = normalizeWord(text);
  const lower = norm.toLowerCase();
  const affixHashes: number[] = [];
  const chars = [...lower];
  for (let n = 1; n <= 4 && n <= chars.length; n++) {
    affixHashes.push(mix(T_PREFIX * 8 + n, hashFeature(chars.slice(0, n).join(''))));
    affixHashes.push(mix(T_SUFFIX * 8 + n, hashFeature(chars.slice(-n).join(''))));
  }
  const casing = casingOf(norm);
  return {
    norm,
    lower,
    lowerHash: lowerHashOf(lower),
    exactHash: mix(T_EXACT, hashFeature(norm)),
    digitsHash: mix(T_DIGITS, hashFeature(lower.replace(/\p{N}/gu, '0'))),
    shapeHash: mix(T_SHAPE, hashFeature(shapeOf(norm, 3))),
    shortShapeHash: mix(T_SHORT, hashFeature(shapeOf(norm, 1))),
    affixHashes,
    casing,
    capitalised: /^\P{L}*\p{Lu}/u.test(norm),
    wordlike: /[\p{L}\p{N}]/u.test(norm),
  };
}

/** A bounded cache of word descriptions: news vocabulary is Zipfian, so most lookups hit. */
export class WordCache {
  private readonly map = new Map<string, WordInfo>();
  constructor(private readonly limit = 200_000) {}

  get(text: string): WordInfo {
    let info = this.map.get(text);
    if (!info) {
      if (this.map.size >= this.limit) this.map.clear();
      info = describeWord(text);
      this.map.set(text, info);
    }
    return info;
  }
}
