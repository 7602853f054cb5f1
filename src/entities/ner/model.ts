/**
 * The NER model: an averaged perceptron over the token features, BIO labels, first-order
 * transition weights and constrained Viterbi decoding (an I- tag only continues its own type).
 * The model file (file.ts) holds the quantised weights and the compiled word lists.
 */
import { Perceptron } from '../../learn/perceptron.js';
import { ENTITY_TYPES, Lexicon, type LexiconData } from './lexicon.js';
import { writeNerFile } from './file.js';
import { documentFeatures, type SentenceFeatures } from './features.js';
import { WordCache, mix } from './words.js';

export const LABELS = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])] as const;
const L = LABELS.length;
/** label index -> entity type index (-1 for O) and whether it begins a chunk */
const TYPE_OF = LABELS.map((l) => (l === 'O' ? -1 : ENTITY_TYPES.indexOf(l.slice(2) as (typeof ENTITY_TYPES)[number])));
const IS_INSIDE = LABELS.map((l) => l.startsWith('I-'));

const T_TRANSITION = 301;
/** "previous label" index for the first token */
export const START = L;

/** BIO well-formedness: I-X follows only B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (!IS_INSIDE[cur]) return true;
  return prev !== START && TYPE_OF[prev] === TYPE_OF[cur];
}

/** The feature hash of the transitions from `prev` (one weight row: the next label). */
export function transitionKey(prev: number): number {
  return mix(T_TRANSITION, prev);
}

/**
 * The label pairs BIO allows, as flat lists (the others score -Infinity, so decoding skips them):
 * for label c, the previous labels PREVIOUS[PREVIOUS_AT[c] .. PREVIOUS_AT[c + 1] - 1], in label
 * order; for label (or START) p, the next labels NEXT[NEXT_AT[p] .. NEXT_AT[p + 1] - 1].
 */
const [PREVIOUS, PREVIOUS_AT] = flatLists(L, (c) => Array.from({ length: L }, (_, p) => p).filter((p) => allowed(p, c)));
const [NEXT, NEXT_AT] = flatLists(L + 1, (p) => Array.from({ length: L }, (_, c) => c).filter((c) => allowed(p, c)));

function flatLists(count: number, list: (i: number) => number[]): [Int32Array, Int32Array] {
  const lists = Array.from({ length: count }, (_, i) => list(i));
  const at = new Int32Array(count + 1);
  lists.forEach((l, i) => (at[i + 1] = at[i]! + l.length));
  return [Int32Array.from(lists.flat()), at];
}

/**
 * The training-time model: the perceptron being trained, its features and decoding. Tagging
 * at run time goes through NerTagger (runtime.ts), which reads the saved file.
 */
export class NerModel {
  readonly cache = new WordCache();
  readonly lexicon: Lexicon;
  private readonly transitionRows: Int32Array;

  constructor(
    readonly perceptron: Perceptron,
    lexicon: LexiconData,
    readonly meta: Record<string, unknown> = {},
  ) {
    // the features' row offsets below are dense ones, (hash & mask) * L
    if (!perceptron.dense) throw new Error('NerModel trains a dense perceptron (a saved model is read by NerTagger)');
    this.lexicon = Lexicon.fromData(lexicon);
    this.transitionRows = Int32Array.from({ length: L + 1 }, (_, prev) => this.slot(transitionKey(prev)));
  }

  static create(lexicon: LexiconData, bits: number): NerModel {
    return new NerModel(new Perceptron(LABELS, bits), lexicon);
  }

  save(meta: Record<string, unknown>): Buffer {
    return writeNerFile(this.perceptron.weights, LABELS, this.perceptron.bits, this.lexicon.tables, meta);
  }

  /** A feature hash -> the offset of its weight row. */
  slot(hash: number): number {
    return this.perceptron.row(hash);
  }

  /** Features of every token of a document (sentences of token texts) as weight-row offsets. */
  featurize(doc: readonly (readonly string[])[], lexicon = this.lexicon): SentenceFeatures[] {
    return documentFeatures(doc, this.cache, lexicon, { mask: this.perceptron.mask, width: L });
  }

  /** The weight slot of the transition prev -> cur (prev may be START). */
  transitionSlot(prev: number, cur: number): number {
    return this.transitionRows[prev]! + cur;
  }

  /** Transition scores (L + 1) * L, prev-major; -Infinity where BIO forbids the pair. */
  private transitions(): Float64Array {
    const w = this.perceptron.weights;
    const out = new Float64Array((L + 1) * L);
    for (let prev = 0; prev <= L; prev++) {
      for (let cur = 0; cur < L; cur++) out[prev * L + cur] = allowed(prev, cur) ? w[this.transitionSlot(prev, cur)]! : -Infinity;
    }
    return out;
  }

  /** Per-token label scores (emissions), n * L. */
  emissions({ rows, offsets }: SentenceFeatures): Float32Array {
    const w = this.perceptron.weights;
    const n = offsets.length - 1;
    const out = new Float32Array(n * L);
    for (let t = 0; t < n; t++) {
      const o = t * L;
      for (let k = offsets[t]!, end = offsets[t + 1]!; k < end; k++) {
        const base = rows[k]!;
        for (let l = 0; l < L; l++) out[o + l]! += w[base + l]!;
      }
    }
    return out;
  }

  /** Best well-formed label sequence (Viterbi over emissions + transitions). */
  decode(sentence: SentenceFeatures, emissions = this.emissions(sentence), trans = this.transitions()): Int32Array {
    return viterbi(emissions, trans, sentence.offsets.length - 1).labels;
  }
}

/** Best label sequence and the forward max-scores. */
export function viterbi(emissions: Float32Array, trans: Float64Array, n: number): { labels: Int32Array; score: Float64Array } {
  const labels = new Int32Array(n);
  const score = new Float64Array(n * L);
  if (n === 0) return { labels, score };
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++) score[l] = emissions[l]! + trans[START * L + l]!;
  for (let t = 1; t < n; t++) {
    const prevBase = (t - 1) * L;
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity;
      let arg = 0;
      // only the previous labels BIO allows (the others score -Infinity), in the same order
      for (let k = PREVIOUS_AT[cur]!, end = PREVIOUS_AT[cur + 1]!; k < end; k++) {
        const prev = PREVIOUS[k]!;
        const s = score[prevBase + prev]! + trans[prev * L + cur]!;
        if (s > best) {
          best = s;
          arg = prev;
        }
      }
      score[t * L + cur] = best + emissions[t * L + cur]!;
      back[t * L + cur] = arg;
    }
  }
  let bestLast = 0;
  for (let l = 1; l < L; l++) if (score[(n - 1) * L + l]! > score[(n - 1) * L + bestLast]!) bestLast = l;
  labels[n - 1] = bestLast;
  for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]!]!;
  return { labels, score };
}

/**
 * Max-marginal margins: forward max-scores (from viterbi) plus a backward pass. A token's margin
 * is how much the best path's score exceeds the best path that gives this token another label:
 * 0 when another label ties, large when the model is sure.
 */
export function margins(labels: Int32Array, forward: Float64Array, emissions: Float32Array, trans: Float64Array): Float32Array {
  const n = labels.length;
  const backward = new Float64Array(n * L); // best score of tokens t+1.. given label at t
  for (let t = n - 2; t >= 0; t--) {
    for (let cur = 0; cur < L; cur++) {
      let best = -Infinity;
      for (let k = NEXT_AT[cur]!, end = NEXT_AT[cur + 1]!; k < end; k++) {
        const next = NEXT[k]!;
        const s = trans[cur * L + next]! + emissions[(t + 1) * L + next]! + backward[(t + 1) * L + next]!;
        if (s > best) best = s;
      }
      backward[t * L + cur] = best;
    }
  }
  const out = new Float32Array(n);
  for (let t = 0; t < n; t++) {
    const chosen = forward[t * L + labels[t]!]! + backward[t * L + labels[t]!]!;
    let rival = -Infinity;
    for (let l = 0; l < L; l++) if (l !== labels[t]) rival = Math.max(rival, forward[t * L + l]! + backward[t * L + l]!);
    out[t] = chosen - rival;
  }
  return out;
}

/**
 * A span's confidence in (0, 1): a logistic of the smallest margin over its tokens and the token
 * after it (which decides the right boundary). Roughly calibrated: on eng.testa (dev), spans
 * in the lowest margin decile were right half the time, in the top half over 98% of the time.
 */
export function spanConfidence(margins: Float32Array, start: number, end: number, scale = MARGIN_SCALE): number {
  let min = Infinity;
  for (let t = start; t < Math.min(end + 1, margins.length); t++) min = Math.min(min, margins[t]!);
  return 1 / (1 + Math.exp(-min / scale));
}
/** Chosen on eng.testa by Brier score for the shipped model (weights scale with training). */
const MARGIN_SCALE = 20;

/** Chunks [start, end) of a BIO label sequence, with their type. */
export function labelChunks(labels: ArrayLike<number>): { start: number; end: number; type: number }[] {
  const chunks: { start: number; end: number; type: number }[] = [];
  for (let t = 0; t < labels.length; t++) {
    const type = TYPE_OF[labels[t]!]!;
    if (type < 0) continue;
    if (IS_INSIDE[labels[t]!] && chunks.length > 0 && chunks[chunks.length - 1]!.end === t && chunks[chunks.length - 1]!.type === type) {
      chunks[chunks.length - 1]!.end = t + 1;
    } else {
      chunks.push({ start: t, end: t + 1, type });
    }
  }
  return chunks;
}

/** Gold chunks -> BIO label indices. */
export function chunksToLabels(length: number, chunks: readonly { start: number; end: number; type: string }[]): Int32Array {
  const labels = new Int32Array(length);
  for (const c of chunks) {
    const b = LABELS.indexOf(`B-${c.type}` as (typeof LABELS)[number]);
    if (b < 0) continue;
    for (let i = c.start; i < c.end; i++) labels[i] = i === c.start ? b : b + 1;
  }
  return labels;
}
