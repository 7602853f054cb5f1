/**
 * Token features for the NER tagger, computed once per token as weight-row offsets: the word,
 * its shape, affixes and casing, a +-2 window, the lexicons, and document-level evidence (is this
 * capitalised word also written in lower case, or capitalised mid-sentence, elsewhere in the
 * document?). Features are combinations of 32-bit hashes, so no strings are built per token.
 */
import { Case, mix, type WordCache, type WordInfo } from './words.js';
import type { Lexicon } from './lexicon.js';

// Template ids: each feature is mix(template, value). The run-time scorer (runtime.ts) reuses them.
export const T_BIAS = 201;
export const T_PREV = 202;
export const T_NEXT = 203;
export const T_PREV2 = 204;
export const T_NEXT2 = 205;
export const T_PREV_SHAPE = 206;
export const T_NEXT_SHAPE = 207;
export const T_PREV2_SHAPE = 208;
export const T_NEXT2_SHAPE = 209;
export const T_BIGRAM_LEFT = 210;
export const T_BIGRAM_RIGHT = 211;
export const T_SHAPE3 = 212;
export const T_POSITION = 213;
export const T_HEADLINE = 214;
export const T_CASE_WINDOW = 215;
export const T_LEX_PREV = 216;
export const T_LEX_NEXT = 217;
export const T_DOC = 218;
export const T_MARK_PREV = 219;
export const T_MARK_NEXT = 220;
export const T_LEX_SHAPE = 221;
export const T_DOC_RUN = 222;

/** The word before the first and after the last token. */
export const BOUNDARY: WordInfo = {
  norm: '',
  lower: '',
  lowerHash: 0x5eed0001,
  exactHash: 0x5eed0002,
  digitsHash: 0x5eed0003,
  shapeHash: 0x5eed0004,
  shortShapeHash: 0x5eed0005,
  affixHashes: [],
  casing: Case.None,
  capitalised: false,
  wordlike: false,
};

/** A headline in capitals ("RUSSIA SAYS ..."): casing tells little there. */
export function isHeadline(words: readonly WordInfo[]): boolean {
  let upper = 0;
  let lettered = 0;
  for (const w of words) {
    if (w.casing === Case.None) continue;
    lettered++;
    if (w.casing === Case.Upper) upper++;
  }
  return lettered >= 2 && upper / lettered >= 0.6;
}

/** Document statistics for the document-level features. */
export interface DocStats {
  /** words written in lower case somewhere */
  lower: Set<number>;
  /** words capitalised somewhere other than a sentence start or a headline */
  capitalisedInside: Set<number>;
  /** first / last words of runs of two or more capitalised words (outside headlines) */
  runFirst: Set<number>;
  runLast: Set<number>;
}

export function docStats(doc: readonly (readonly WordInfo[])[], headlines: readonly boolean[]): DocStats {
  const lower = new Set<number>();
  const capitalisedInside = new Set<number>();
  const runFirst = new Set<number>();
  const runLast = new Set<number>();
  doc.forEach((words, s) => {
    let run = 0;
    words.forEach((w, i) => {
      if (w.casing === Case.Lower) lower.add(w.lowerHash);
      else if (i > 0 && !headlines[s] && w.capitalised && words[i - 1]!.norm !== '"') capitalisedInside.add(w.lowerHash);
      if (headlines[s]) return;
      if (w.capitalised) {
        run++;
        if (run === 2) runFirst.add(words[i - 1]!.lowerHash);
      }
      if (run >= 2 && (!w.capitalised || i === words.length - 1)) runLast.add((w.capitalised ? w : words[i - 1]!).lowerHash);
      if (!w.capitalised) run = 0;
    });
  });
  return { lower, capitalisedInside, runFirst, runLast };
}

/**
 * The features of one sentence as weight-row offsets, flat: token t's rows are
 * `rows[offsets[t]] .. rows[offsets[t + 1] - 1]`.
 */
export interface SentenceFeatures {
  rows: Int32Array;
  offsets: Int32Array;
}

/** Maps a feature hash to its weight-row offset: (hash & mask) * width. */
export interface RowMap {
  mask: number;
  width: number;
}

/** Features of every token of a document (sentences of token texts). */
export function documentFeatures(doc: readonly (readonly string[])[], cache: WordCache, lexicon: Lexicon, map: RowMap): SentenceFeatures[] {
  const infos = doc.map((s) => s.map((w) => cache.get(w)));
  const headlines = infos.map(isHeadline);
  const stats = docStats(infos, headlines);
  return infos.map((words, s) => sentenceFeatures(words, headlines[s]!, stats, lexicon, map));
}

/** Scratch space reused across sentences (grown as needed); each sentence gets one exact copy. */
let scratch = new Int32Array(4096);

function sentenceFeatures(words: readonly WordInfo[], headline: boolean, stats: DocStats, lexicon: Lexicon, map: RowMap): SentenceFeatures {
  const n = words.length;
  const at = (i: number) => (i >= 0 && i < n ? words[i]! : BOUNDARY);
  const lowers = new Uint32Array(n);
  for (let i = 0; i < n; i++) lowers[i] = words[i]!.lowerHash;
  const phrase = new Uint32Array(n);
  const place = new Uint32Array(n);
  lexicon.mark(lowers, phrase, place);
  const lex = words.map((w) => lexicon.wordFeaturesOf(w.lowerHash));
  const lexAt = (i: number) => (i >= 0 && i < n ? lex[i]! : NO_FEATURES);

  const offsets = new Int32Array(n + 1);
  let k = 0;
  const { mask, width } = map;
  const put = (h: number) => {
    scratch[k++] = (h & mask) * width;
  };
  for (let i = 0; i < n; i++) {
    if (scratch.length - k < 128) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    offsets[i] = k;
    const w = words[i]!;
    const p = at(i - 1);
    const q = at(i + 1);
    const p2 = at(i - 2);
    const q2 = at(i + 2);
    put(T_BIAS);
    put(w.lowerHash);
    put(w.exactHash);
    put(w.digitsHash);
    put(w.shapeHash);
    put(w.shortShapeHash);
    for (const h of w.affixHashes) put(h);
    put(mix(T_PREV, p.lowerHash));
    put(mix(T_NEXT, q.lowerHash));
    put(mix(T_PREV2, p2.lowerHash));
    put(mix(T_NEXT2, q2.lowerHash));
    put(mix(T_PREV_SHAPE, p.shortShapeHash));
    put(mix(T_NEXT_SHAPE, q.shortShapeHash));
    put(mix(T_PREV2_SHAPE, p2.shortShapeHash));
    put(mix(T_NEXT2_SHAPE, q2.shortShapeHash));
    put(mix(mix(T_BIGRAM_LEFT, p.lowerHash), w.lowerHash));
    put(mix(mix(T_BIGRAM_RIGHT, w.lowerHash), q.lowerHash));
    put(mix(mix(mix(T_SHAPE3, p.shortShapeHash), w.shortShapeHash), q.shortShapeHash));
    put(mix(T_POSITION, (i === 0 ? 1 : 0) * 8 + w.casing));
    put(mix(T_CASE_WINDOW, p.casing * 64 + w.casing * 8 + q.casing));
    if (headline) {
      put(mix(T_HEADLINE, w.shortShapeHash));
      put(mix(T_HEADLINE, w.lowerHash));
    }
    for (const h of lex[i]!) {
      put(h);
      put(mix(mix(T_LEX_SHAPE, h), w.casing));
    }
    for (const h of lexAt(i - 1)) put(mix(T_LEX_PREV, h));
    for (const h of lexAt(i + 1)) put(mix(T_LEX_NEXT, h));
    k = putMarks(phrase, i, w.casing, k, map);
    k = putMarks(place, i, w.casing, k, map);
    if (w.capitalised) {
      const lowerElsewhere = stats.lower.has(w.lowerHash) ? 1 : 0;
      const capInside = stats.capitalisedInside.has(w.lowerHash) ? 1 : 0;
      const initial = i === 0 || headline ? 1 : 0;
      put(mix(T_DOC, initial * 4 + lowerElsewhere * 2 + capInside));
      const alone = !p.capitalised && !q.capitalised;
      const inRuns = (stats.runFirst.has(w.lowerHash) ? 2 : 0) + (stats.runLast.has(w.lowerHash) ? 1 : 0);
      put(mix(T_DOC_RUN, (alone ? 4 : 0) + inRuns));
    }
  }
  offsets[n] = k;
  return { rows: scratch.slice(0, k), offsets };
}

const NO_FEATURES: readonly number[] = [];

/** A token's list-match features and its neighbours' (written at scratch[k]); returns the new k. */
function putMarks(marks: Uint32Array, i: number, casing: Case, k: number, { mask, width }: RowMap): number {
  const h = marks[i]!;
  if (h !== 0) {
    scratch[k++] = (h & mask) * width;
    scratch[k++] = (mix(h, casing) & mask) * width;
  }
  if (i > 0 && marks[i - 1] !== 0) scratch[k++] = (mix(T_MARK_PREV, marks[i - 1]!) & mask) * width;
  if (i < marks.length - 1 && marks[i + 1] !== 0) scratch[k++] = (mix(T_MARK_NEXT, marks[i + 1]!) & mask) * width;
  return k;
}
