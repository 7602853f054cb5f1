/**
 * The NER model at run time: the same features and decoding as training (features.ts, model.ts),
 * scored faster. Most features depend on one word only (its form, shape, affixes, list ratios, and
 * the same as a neighbour's context), so their weight rows are summed once per distinct word into
 * five cached vectors: the word itself and the word seen from the tokens 2 and 1 before and after
 * it. A token then costs five cached vector adds plus its few contextual rows (bigrams, casing
 * window, list marks, document evidence) instead of ~45 hashed row reads. Weights are the file's
 * int16 values, so the sums are exact and equal the generic path's (see runtime.test.ts).
 */
import { LABELS, allowed, margins, transitionKey, viterbi } from './model.js';
import { Lexicon, type LexiconData } from './lexicon.js';
import {
  BOUNDARY,
  T_BIAS,
  T_BIGRAM_LEFT,
  T_BIGRAM_RIGHT,
  T_CASE_WINDOW,
  T_DOC,
  T_DOC_RUN,
  T_HEADLINE,
  T_LEX_NEXT,
  T_LEX_PREV,
  T_LEX_SHAPE,
  T_MARK_NEXT,
  T_MARK_PREV,
  T_NEXT,
  T_NEXT2,
  T_NEXT2_SHAPE,
  T_NEXT_SHAPE,
  T_POSITION,
  T_PREV,
  T_PREV2,
  T_PREV2_SHAPE,
  T_PREV_SHAPE,
  T_SHAPE3,
  docStats,
  isHeadline,
  type DocStats,
} from './features.js';
import { readWeights, type WeightTable } from './weights.js';
import { describeWord, mix, type WordInfo } from './words.js';

const L = LABELS.length;
// offsets of the cached vectors in a word's `sums`
const SELF = 0;
const AS_PREV = L; // the word right before the scored token
const AS_NEXT = 2 * L;
const AS_PREV2 = 3 * L;
const AS_NEXT2 = 4 * L;

/** A distinct word with its cached weight sums. */
interface Word {
  info: WordInfo;
  /** five vectors of L int sums: SELF, AS_PREV, AS_NEXT, AS_PREV2, AS_NEXT2 */
  sums: Int32Array;
  /** the first halves of the bigram and shape-trigram hashes this word starts */
  bigramLeft: number;
  bigramRight: number;
  shape3: number;
}

export interface TaggedSentence {
  /** label indices into LABELS */
  labels: Int32Array;
  /** per-token max-marginal margins, in weight units (see model.ts) */
  margins: Float32Array;
}

const CACHE_LIMIT = 200_000;

export class NerTagger {
  readonly lexicon: Lexicon;
  readonly meta: Record<string, unknown>;
  private readonly slots: Int32Array;
  private readonly values: Int16Array;
  private readonly mask: number;
  private readonly scale: number;
  private readonly trans: Float64Array;
  private readonly words = new Map<string, Word>();
  private readonly boundary: Word;
  // rows of the features with few values, looked up once
  private readonly positionRows: Int32Array;
  private readonly caseRows: Int32Array;
  private readonly docRows: Int32Array;
  private readonly docRunRows: Int32Array;

  constructor(table: WeightTable) {
    if (table.labels.length !== L || table.labels.some((l, i) => l !== LABELS[i])) throw new Error('not an NER model: unexpected labels');
    const { lexicon, ...meta } = table.meta as { lexicon: LexiconData };
    this.lexicon = new Lexicon(lexicon);
    this.meta = meta;
    this.slots = table.slots;
    this.values = table.values;
    this.mask = (1 << table.bits) - 1;
    this.scale = table.scale;
    this.trans = new Float64Array((L + 1) * L);
    for (let prev = 0; prev <= L; prev++) {
      const row = this.row(transitionKey(prev));
      for (let cur = 0; cur < L; cur++) this.trans[prev * L + cur] = allowed(prev, cur) ? this.values[row + cur]! : -Infinity;
    }
    this.positionRows = Int32Array.from({ length: 16 }, (_, v) => this.row(mix(T_POSITION, v)));
    this.caseRows = Int32Array.from({ length: 512 }, (_, v) => this.row(mix(T_CASE_WINDOW, v)));
    this.docRows = Int32Array.from({ length: 8 }, (_, v) => this.row(mix(T_DOC, v)));
    this.docRunRows = Int32Array.from({ length: 8 }, (_, v) => this.row(mix(T_DOC_RUN, v)));
    this.boundary = this.describe(BOUNDARY, false);
  }

  static load(file: Buffer): NerTagger {
    return new NerTagger(readWeights(file));
  }

  /** Offset of a feature's weight row in `values`. */
  private row(hash: number): number {
    return this.slots[hash & this.mask]!;
  }

  private add(into: Int32Array | Float32Array, at: number, hash: number): void {
    const r = this.slots[hash & this.mask]!;
    if (r === 0) return;
    const v = this.values;
    for (let l = 0; l < L; l++) into[at + l]! += v[r + l]!;
  }

  private word(text: string): Word {
    let w = this.words.get(text);
    if (!w) {
      if (this.words.size >= CACHE_LIMIT) this.words.clear();
      w = this.describe(describeWord(text), true);
      this.words.set(text, w);
    }
    return w;
  }

  private describe(info: WordInfo, listed: boolean): Word {
    const sums = new Int32Array(5 * L);
    const lex = listed ? this.lexicon.wordFeaturesOf(info.lowerHash) : [];
    for (const h of [T_BIAS, info.lowerHash, info.exactHash, info.digitsHash, info.shapeHash, info.shortShapeHash, ...info.affixHashes]) {
      this.add(sums, SELF, h);
    }
    for (const h of lex) {
      this.add(sums, SELF, h);
      this.add(sums, SELF, mix(mix(T_LEX_SHAPE, h), info.casing));
      this.add(sums, AS_PREV, mix(T_LEX_PREV, h));
      this.add(sums, AS_NEXT, mix(T_LEX_NEXT, h));
    }
    this.add(sums, AS_PREV, mix(T_PREV, info.lowerHash));
    this.add(sums, AS_PREV, mix(T_PREV_SHAPE, info.shortShapeHash));
    this.add(sums, AS_NEXT, mix(T_NEXT, info.lowerHash));
    this.add(sums, AS_NEXT, mix(T_NEXT_SHAPE, info.shortShapeHash));
    this.add(sums, AS_PREV2, mix(T_PREV2, info.lowerHash));
    this.add(sums, AS_PREV2, mix(T_PREV2_SHAPE, info.shortShapeHash));
    this.add(sums, AS_NEXT2, mix(T_NEXT2, info.lowerHash));
    this.add(sums, AS_NEXT2, mix(T_NEXT2_SHAPE, info.shortShapeHash));
    return {
      info,
      sums,
      bigramLeft: mix(T_BIGRAM_LEFT, info.lowerHash),
      bigramRight: mix(T_BIGRAM_RIGHT, info.lowerHash),
      shape3: mix(T_SHAPE3, info.shortShapeHash),
    };
  }

  /** Per-token label scores (int16 units) of every sentence of a document (sentences of token texts). */
  emissions(doc: readonly (readonly string[])[]): Float32Array[] {
    const words = doc.map((s) => s.map((t) => this.word(t)));
    const infos = words.map((s) => s.map((w) => w.info));
    const headlines = infos.map(isHeadline);
    const stats = docStats(infos, headlines);
    return words.map((s, i) => this.sentenceEmissions(s, headlines[i]!, stats));
  }

  private sentenceEmissions(words: readonly Word[], headline: boolean, stats: DocStats): Float32Array {
    const n = words.length;
    const out = new Float32Array(n * L);
    const at = (i: number) => (i >= 0 && i < n ? words[i]! : this.boundary);
    const lowers = new Uint32Array(n);
    for (let i = 0; i < n; i++) lowers[i] = words[i]!.info.lowerHash;
    const phrase = new Uint32Array(n);
    const place = new Uint32Array(n);
    this.lexicon.mark(lowers, phrase, place);
    const v = this.values;
    const sum = (o: number, sums: Int32Array, from: number) => {
      for (let l = 0; l < L; l++) out[o + l]! += sums[from + l]!;
    };
    const addRow = (o: number, r: number) => {
      if (r !== 0) for (let l = 0; l < L; l++) out[o + l]! += v[r + l]!;
    };
    for (let i = 0; i < n; i++) {
      const o = i * L;
      const w = words[i]!;
      const info = w.info;
      const p = at(i - 1);
      const q = at(i + 1);
      sum(o, w.sums, SELF);
      sum(o, p.sums, AS_PREV);
      sum(o, q.sums, AS_NEXT);
      sum(o, at(i - 2).sums, AS_PREV2);
      sum(o, at(i + 2).sums, AS_NEXT2);
      addRow(o, this.row(mix(p.bigramLeft, info.lowerHash)));
      addRow(o, this.row(mix(w.bigramRight, q.info.lowerHash)));
      addRow(o, this.row(mix(mix(p.shape3, info.shortShapeHash), q.info.shortShapeHash)));
      addRow(o, this.positionRows[(i === 0 ? 8 : 0) + info.casing]!);
      addRow(o, this.caseRows[p.info.casing * 64 + info.casing * 8 + q.info.casing]!);
      if (headline) {
        addRow(o, this.row(mix(T_HEADLINE, info.shortShapeHash)));
        addRow(o, this.row(mix(T_HEADLINE, info.lowerHash)));
      }
      this.addMarks(out, o, phrase, i, info.casing);
      this.addMarks(out, o, place, i, info.casing);
      if (info.capitalised) {
        const lowerElsewhere = stats.lower.has(info.lowerHash) ? 1 : 0;
        const capInside = stats.capitalisedInside.has(info.lowerHash) ? 1 : 0;
        const initial = i === 0 || headline ? 1 : 0;
        addRow(o, this.docRows[initial * 4 + lowerElsewhere * 2 + capInside]!);
        const alone = !p.info.capitalised && !q.info.capitalised;
        const inRuns = (stats.runFirst.has(info.lowerHash) ? 2 : 0) + (stats.runLast.has(info.lowerHash) ? 1 : 0);
        addRow(o, this.docRunRows[(alone ? 4 : 0) + inRuns]!);
      }
    }
    return out;
  }

  /** The list-match features of features.ts's putMarks. */
  private addMarks(out: Float32Array, o: number, marks: Uint32Array, i: number, casing: number): void {
    const h = marks[i]!;
    if (h !== 0) {
      this.add(out, o, h);
      this.add(out, o, mix(h, casing));
    }
    if (i > 0 && marks[i - 1] !== 0) this.add(out, o, mix(T_MARK_PREV, marks[i - 1]!));
    if (i < marks.length - 1 && marks[i + 1] !== 0) this.add(out, o, mix(T_MARK_NEXT, marks[i + 1]!));
  }

  /**
   * Labels and per-token margins of each sentence of a document. A token's margin is how much
   * the best path's score exceeds the best path that gives this token another label, in weight
   * units: 0 when another label ties, large when the model is sure.
   */
  tagDocument(doc: readonly (readonly string[])[]): TaggedSentence[] {
    return this.emissions(doc).map((emissions, s) => {
      const n = doc[s]!.length;
      const { labels, score } = viterbi(emissions, this.trans, n);
      const m = margins(labels, score, emissions, this.trans);
      for (let t = 0; t < n; t++) m[t] = m[t]! / this.scale;
      return { labels, margins: m };
    });
  }
}
