/**
 * The NER model: an averaged perceptron over the token features, BIO labels, first-order
 * transition weights and constrained Viterbi decoding (an I- tag only continues its own type).
 * The model file is the perceptron's compact file with the lexicons in its header.
 */
import { Perceptron } from '../../learn/perceptron.js';
import { ENTITY_TYPES, Lexicon, type LexiconData } from './lexicon.js';
import { documentFeatures } from './features.js';
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

export class NerModel {
  readonly cache = new WordCache();
  readonly lexicon: Lexicon;
  private readonly mask: number;
  private readonly transitionRows: Int32Array;

  constructor(
    readonly perceptron: Perceptron,
    lexicon: LexiconData,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.lexicon = new Lexicon(lexicon);
    this.mask = (1 << perceptron.bits) - 1;
    this.transitionRows = Int32Array.from({ length: L + 1 }, (_, prev) => this.slot(mix(T_TRANSITION, prev)));
  }

  static create(lexicon: LexiconData, bits: number): NerModel {
    return new NerModel(new Perceptron(LABELS, bits), lexicon);
  }

  static load(file: Buffer): NerModel {
    const { model, meta } = Perceptron.deserialize(file);
    const { lexicon, ...rest } = meta as { lexicon: LexiconData };
    return new NerModel(model, lexicon, rest);
  }

  save(meta: Record<string, unknown>): Buffer {
    return this.perceptron.serialize({ ...meta, lexicon: this.lexicon.data });
  }

  /** A feature hash -> the offset of its weight row. */
  slot(hash: number): number {
    return (hash & this.mask) * L;
  }

  /** Weight-row offsets of every token of a document (sentences of token texts). */
  featurize(doc: readonly (readonly string[])[], lexicon = this.lexicon): Int32Array[][] {
    return documentFeatures(doc, this.cache, lexicon).map((sentence) =>
      sentence.map((hashes) => {
        const rows = new Int32Array(hashes.length);
        for (let k = 0; k < hashes.length; k++) rows[k] = this.slot(hashes[k]!);
        return rows;
      }),
    );
  }

  /** The weight slot of the transition prev -> cur (prev may be START). */
  transitionSlot(prev: number, cur: number): number {
    return this.transitionRows[prev]! + cur;
  }

  /** Per-token label scores (emissions), n * L. */
  emissions(sentence: readonly Int32Array[]): Float32Array {
    const w = this.perceptron.weights;
    const out = new Float32Array(sentence.length * L);
    for (let t = 0; t < sentence.length; t++) {
      const rows = sentence[t]!;
      const o = t * L;
      for (let k = 0; k < rows.length; k++) {
        const base = rows[k]!;
        for (let l = 0; l < L; l++) out[o + l]! += w[base + l]!;
      }
    }
    return out;
  }

  /** Best well-formed label sequence (Viterbi over emissions + transitions). */
  decode(sentence: readonly Int32Array[], emissions = this.emissions(sentence)): Int32Array {
    const n = sentence.length;
    const w = this.perceptron.weights;
    const score = new Float64Array(n * L);
    const back = new Int32Array(n * L);
    for (let l = 0; l < L; l++) {
      score[l] = allowed(START, l) ? emissions[l]! + w[this.transitionSlot(START, l)]! : -Infinity;
    }
    for (let t = 1; t < n; t++) {
      for (let cur = 0; cur < L; cur++) {
        let best = -Infinity;
        let arg = 0;
        for (let prev = 0; prev < L; prev++) {
          if (!allowed(prev, cur)) continue;
          const s = score[(t - 1) * L + prev]! + w[this.transitionSlot(prev, cur)]!;
          if (s > best) {
            best = s;
            arg = prev;
          }
        }
        score[t * L + cur] = best + emissions[t * L + cur]!;
        back[t * L + cur] = arg;
      }
    }
    const labels = new Int32Array(n);
    if (n === 0) return labels;
    let bestLast = 0;
    for (let l = 1; l < L; l++) if (score[(n - 1) * L + l]! > score[(n - 1) * L + bestLast]!) bestLast = l;
    labels[n - 1] = bestLast;
    for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]!]!;
    return labels;
  }

  /**
   * How sure the model is of each chosen label: the softmax share of the chosen label given the
   * chosen previous label (emission + transition). A local, uncalibrated measure in (0, 1].
   */
  confidences(labels: Int32Array, emissions: Float32Array): Float32Array {
    const w = this.perceptron.weights;
    const out = new Float32Array(labels.length);
    for (let t = 0; t < labels.length; t++) {
      const prev = t === 0 ? START : labels[t - 1]!;
      let max = -Infinity;
      for (let l = 0; l < L; l++) {
        if (allowed(prev, l)) max = Math.max(max, emissions[t * L + l]! + w[this.transitionSlot(prev, l)]!);
      }
      let sum = 0;
      let chosen = 0;
      for (let l = 0; l < L; l++) {
        if (!allowed(prev, l)) continue;
        const e = Math.exp(emissions[t * L + l]! + w[this.transitionSlot(prev, l)]! - max);
        sum += e;
        if (l === labels[t]) chosen = e;
      }
      out[t] = chosen / sum;
    }
    return out;
  }
}

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
