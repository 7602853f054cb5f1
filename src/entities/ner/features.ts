/**
 * Token features for the NER tagger, computed once per token as weight-row offsets: the word,
 * its shape, affixes and casing, a +-2 window, the lexicons, and document-level evidence (is this
 * capitalised word also written in lower case, or capitalised mid-sentence, elsewhere in the
 * document?). Features are combinations of 32-bit hashes, so no strings are built per token.
 */
import { Case, mix, type WordCache, type WordInfo } from './words.js';
import type { Lexicon } from './lexicon.js';

// Template ids: each feature is mix(template, value).
const T_BIAS = 201;
const T_PREV = 202;
const T_NEXT = 203;
const T_PREV2 = 204;
const T_NEXT2 = 205;
const T_PREV_SHAPE = 206;
const T_NEXT_SHAPE = 207;
const T_PREV2_SHAPE = 208;
const T_NEXT2_SHAPE = 209;
const T_BIGRAM_LEFT = 210;
const T_BIGRAM_RIGHT = 211;
const T_SHAPE3 = 212;
const T_POSITION = 213;
const T_HEADLINE = 214;
const T_CASE_WINDOW = 215;
const T_LEX_PREV = 216;
const T_LEX_NEXT = 217;
const T_DOC = 218;
const T_MARK_PREV = 219;
const T_MARK_NEXT = 220;
const T_LEX_SHAPE = 221;

const BOUNDARY: WordInfo = {
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
function isHeadline(words: readonly WordInfo[]): boolean {
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
interface DocStats {
  /** words written in lower case somewhere */
  lower: Set<number>;
  /** words capitalised somewhere other than a sentence start or a headline */
  capitalisedInside: Set<number>;
}

function docStats(doc: readonly (readonly WordInfo[])[], headlines: readonly boolean[]): DocStats {
  const lower = new Set<number>();
  const capitalisedInside = new Set<number>();
  doc.forEach((words, s) => {
    words.forEach((w, i) => {
      if (w.casing === Case.Lower) lower.add(w.lowerHash);
      else if (i > 0 && !headlines[s] && w.capitalised && words[i - 1]!.norm !== '"') capitalisedInside.add(w.lowerHash);
    });
  });
  return { lower, capitalisedInside };
}

/**
 * Features of every token of a document (sentences of token texts), as hashes. The caller
 * turns them into weight-row offsets once (see NerModel).
 */
export function documentFeatures(doc: readonly (readonly string[])[], cache: WordCache, lexicon: Lexicon): Uint32Array[][] {
  const infos = doc.map((s) => s.map((w) => cache.get(w)));
  const headlines = infos.map(isHeadline);
  const stats = docStats(infos, headlines);
  return infos.map((words, s) => sentenceFeatures(words, headlines[s]!, stats, lexicon));
}

function sentenceFeatures(words: readonly WordInfo[], headline: boolean, stats: DocStats, lexicon: Lexicon): Uint32Array[] {
  const n = words.length;
  const at = (i: number) => (i >= 0 && i < n ? words[i]! : BOUNDARY);
  const marks: number[][] = words.map(() => []);
  lexicon.mark(
    words.map((w) => w.lowerHash),
    marks,
  );
  const out: Uint32Array[] = [];
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = at(i);
    const p = at(i - 1);
    const q = at(i + 1);
    const p2 = at(i - 2);
    const q2 = at(i + 2);
    f.length = 0;
    f.push(T_BIAS, w.lowerHash, w.exactHash, w.digitsHash, w.shapeHash, w.shortShapeHash, ...w.affixHashes);
    f.push(
      mix(T_PREV, p.lowerHash),
      mix(T_NEXT, q.lowerHash),
      mix(T_PREV2, p2.lowerHash),
      mix(T_NEXT2, q2.lowerHash),
      mix(T_PREV_SHAPE, p.shortShapeHash),
      mix(T_NEXT_SHAPE, q.shortShapeHash),
      mix(T_PREV2_SHAPE, p2.shortShapeHash),
      mix(T_NEXT2_SHAPE, q2.shortShapeHash),
      mix(mix(T_BIGRAM_LEFT, p.lowerHash), w.lowerHash),
      mix(mix(T_BIGRAM_RIGHT, w.lowerHash), q.lowerHash),
      mix(mix(mix(T_SHAPE3, p.shortShapeHash), w.shortShapeHash), q.shortShapeHash),
      mix(T_POSITION, (i === 0 ? 1 : 0) * 8 + w.casing),
      mix(T_CASE_WINDOW, p.casing * 64 + w.casing * 8 + q.casing),
    );
    if (headline) f.push(mix(T_HEADLINE, w.shortShapeHash), mix(T_HEADLINE, w.lowerHash));
    for (const h of lexicon.wordFeaturesOf(w.lowerHash)) f.push(h, mix(mix(T_LEX_SHAPE, h), w.casing));
    for (const h of lexicon.wordFeaturesOf(p.lowerHash)) f.push(mix(T_LEX_PREV, h));
    for (const h of lexicon.wordFeaturesOf(q.lowerHash)) f.push(mix(T_LEX_NEXT, h));
    for (const h of marks[i]!) f.push(h, mix(h, w.casing));
    if (i > 0) for (const h of marks[i - 1]!) f.push(mix(T_MARK_PREV, h));
    if (i < n - 1) for (const h of marks[i + 1]!) f.push(mix(T_MARK_NEXT, h));
    if (w.capitalised) {
      const lowerElsewhere = stats.lower.has(w.lowerHash) ? 1 : 0;
      const capInside = stats.capitalisedInside.has(w.lowerHash) ? 1 : 0;
      const initial = i === 0 || headline ? 1 : 0;
      f.push(mix(T_DOC, initial * 4 + lowerElsewhere * 2 + capInside));
    }
    out.push(Uint32Array.from(f));
  }
  return out;
}
