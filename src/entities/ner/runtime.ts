/**
 * The NER model at run time: the same features and decoding as training (features.ts, model.ts),
 * scored faster. Most features depend on one word only (its form, shape, affixes, list ratios, and
 * the same as a neighbour's context), so their weight rows are summed once per distinct word into
 * five cached vectors: the word itself and the word seen from the tokens 2 and 1 before and after
 * it. A token then costs five cached vector adds plus its few contextual rows (bigrams, casing
 * window, list marks, document evidence) instead of ~45 hashed row reads. Weights are the file's
 * int16 values (file.ts), so the sums are exact and equal the generic path's (see runtime.test.ts).
 */
import { LABELS, allowed, margins, transitionKey, viterbi } from './model.js';
import { Lexicon } from './lexicon.js';
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
import { readNerFile, type NerFile } from './file.js';
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
  sums: Float32Array;
  /** the first halves of the bigram and shape-trigram hashes this word starts */
  bigramLeft: number;
  bigramRight: number;
  shape3: number;
}

export interface TaggedSentence {
  /** label indices into LABELS */
  labels: Int32Array;
  /** per-token max-marginal margins, in weight units (see model.ts); all 0 in a sentence without entities */
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

  constructor(table: NerFile) {
    if (table.labels.length !== L || table.labels.some((l, i) => l !== LABELS[i])) throw new Error('not an NER model: unexpected labels');
    this.lexicon = new Lexicon(table.lexicon);
    this.meta = table.meta;
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
    return new NerTagger(readNerFile(file));
  }

  /** Offset of a feature's weight row in `values`. */
  private row(hash: number): number {
    return this.slots[hash & this.mask]!;
  }

  /** Adds the weight row of a feature hash into `into` at `at`. */
  private add(into: Float32Array, at: number, hash: number): void {
    this.addRow(into, at, this.slots[hash & this.mask]!);
  }

  private addRow(into: Float32Array, at: number, row: number): void {
    if (row === 0) return;
    const v = this.values;
    for (let l = 0; l < L; l++) into[at + l]! += v[row + l]!;
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
    const sums = new Float32Array(5 * L);
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
    // the sentence padded with two boundary words each side: token i's window is around[i .. i + 4]
    const around: Word[] = [this.boundary, this.boundary, ...words, this.boundary, this.boundary];
    const lowers = new Uint32Array(n);
    for (let i = 0; i < n; i++) lowers[i] = words[i]!.info.lowerHash;
    const phrase = new Uint32Array(n);
    const place = new Uint32Array(n);
    this.lexicon.mark(lowers, phrase, place);
    // plain loops, no closures: this runs for every token, often before the JIT has warmed up
    for (let i = 0; i < n; i++) {
      const o = i * L;
      const p2 = around[i]!.sums;
      const p = around[i + 1]!;
      const w = around[i + 2]!;
      const q = around[i + 3]!;
      const q2 = around[i + 4]!.sums;
      const ps = p.sums;
      const ws = w.sums;
      const qs = q.sums;
      for (let l = 0; l < L; l++) {
        out[o + l] = ws[SELF + l]! + ps[AS_PREV + l]! + qs[AS_NEXT + l]! + p2[AS_PREV2 + l]! + q2[AS_NEXT2 + l]!;
      }
      const info = w.info;
      this.add(out, o, mix(p.bigramLeft, info.lowerHash));
      this.add(out, o, mix(w.bigramRight, q.info.lowerHash));
      this.add(out, o, mix(mix(p.shape3, info.shortShapeHash), q.info.shortShapeHash));
      this.addRow(out, o, this.positionRows[(i === 0 ? 8 : 0) + info.casing]!);
      this.addRow(out, o, this.caseRows[p.info.casing * 64 + info.casing * 8 + q.info.casing]!);
      if (headline) {
        this.add(out, o, mix(T_HEADLINE, info.shortShapeHash));
        this.add(out, o, mix(T_HEADLINE, info.lowerHash));
      }
      if (phrase[i] !== 0 || (i > 0 && phrase[i - 1] !== 0) || (i + 1 < n && phrase[i + 1] !== 0)) this.addMarks(out, o, phrase, i, info.casing);
      if (place[i] !== 0 || (i > 0 && place[i - 1] !== 0) || (i + 1 < n && place[i + 1] !== 0)) this.addMarks(out, o, place, i, info.casing);
      if (info.capitalised) {
        const lowerElsewhere = stats.lower.has(info.lowerHash) ? 1 : 0;
        const capInside = stats.capitalisedInside.has(info.lowerHash) ? 1 : 0;
        const initial = i === 0 || headline ? 1 : 0;
        this.addRow(out, o, this.docRows[initial * 4 + lowerElsewhere * 2 + capInside]!);
        const alone = !p.info.capitalised && !q.info.capitalised;
        const inRuns = (stats.runFirst.has(info.lowerHash) ? 2 : 0) + (stats.runLast.has(info.lowerHash) ? 1 : 0);
        this.addRow(out, o, this.docRunRows[(alone ? 4 : 0) + inRuns]!);
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
      // margins only serve the confidence of spans: a sentence without any gets none computed
      if (!labels.some((l) => l !== 0)) return { labels, margins: new Float32Array(n) };
      const m = margins(labels, score, emissions, this.trans);
      for (let t = 0; t < n; t++) m[t] = m[t]! / this.scale;
      return { labels, margins: m };
    });
  }
}
