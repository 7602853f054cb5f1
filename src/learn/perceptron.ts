/**
 * A multiclass averaged perceptron over hashed string features (Collins 2002; the hashing trick
 * keeps the model a flat array that loads in a few ms). Shared by the trained taggers: each
 * tagger turns a token in context into feature strings, and decodes greedily or with Viterbi.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** FNV-1a, 32 bit: the feature string's bucket before masking. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Perceptron {
  readonly labels: readonly string[];
  readonly bits: number;
  /** hash & mask: a feature's bucket */
  readonly mask: number;
  /**
   * rows[bucket]: the offset of the bucket's weight row in `weights`, so a feature's weight for a
   * label is weights[rows[hash & mask] + label]. A model being trained is dense (bucket b's row at
   * b * L, updated in place). A loaded one is compact: its file keeps only the rows with a non-zero
   * weight (11% of the attribution model's 2^20 buckets, 16-29% of the technique classifiers'), so
   * it holds those rows after one shared all-zero row at offset 0, where every other bucket points:
   * the shipped attribution and technique models take 20 MB so, 60 MB dense. The weights read are
   * the same either way, so are the scores.
   */
  readonly rows: Int32Array;
  readonly weights: Float32Array;
  /** false for a loaded (compact) model, which cannot be trained further */
  readonly dense: boolean;
  // Training state for averaging: w_avg = w - acc / steps (Daumé's trick: no per-weight timestamps).
  private acc: Float64Array | null = null;
  private steps = 1;

  /** A dense model (all weights 0, or `weights`: (1 << bits) * L); with `rows`, a compact one (see `rows`). */
  constructor(labels: readonly string[], bits = 20, weights?: Float32Array, rows?: Int32Array) {
    this.labels = labels;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.weights = weights ?? new Float32Array((1 << bits) * labels.length);
    this.dense = !rows;
    if (rows) this.rows = rows;
    else {
      const L = labels.length;
      this.rows = new Int32Array(1 << bits);
      for (let b = 0; b < this.rows.length; b++) this.rows[b] = b * L;
    }
  }

  /** The offset of a feature hash's weight row in `weights`. */
  row(hash: number): number {
    return this.rows[hash & this.mask]!;
  }

  /** Feature strings -> weight row offsets, computed once per token and reused. */
  index(features: readonly string[]): Int32Array {
    const out = new Int32Array(features.length);
    for (let i = 0; i < features.length; i++) out[i] = this.row(hashFeature(features[i]!));
    return out;
  }

  /** Adds each label's score into `into` (length L), which the caller may pre-fill (e.g. transitions). */
  score(indexed: Int32Array, into: Float32Array): Float32Array {
    const L = this.labels.length;
    const w = this.weights;
    for (let i = 0; i < indexed.length; i++) {
      const base = indexed[i]!;
      for (let l = 0; l < L; l++) into[l]! += w[base + l]!;
    }
    return into;
  }

  predict(indexed: Int32Array): number {
    const s = this.score(indexed, new Float32Array(this.labels.length));
    return argmax(s);
  }

  /** One perceptron step: reward the gold label, penalise the guess. */
  update(indexed: Int32Array, gold: number, guess: number, amount = 1): void {
    if (gold === guess) return;
    for (let i = 0; i < indexed.length; i++) {
      const base = indexed[i]!;
      this.bump(base + gold, amount);
      this.bump(base + guess, -amount);
    }
  }

  /** Adds `delta` to one raw weight (for structured updates such as transition features). */
  bump(slot: number, delta: number): void {
    this.acc ??= this.trainingState();
    this.weights[slot]! += delta;
    this.acc[slot]! += this.steps * delta;
  }

  private trainingState(): Float64Array {
    if (!this.dense) throw new Error('a loaded (compact) perceptron cannot be trained');
    return new Float64Array(this.weights.length);
  }

  /** Call once per training example: averaging counts examples, not updates. */
  tick(): void {
    this.steps++;
  }

  /** Replaces the weights by their average over all steps; the model is then ready to save. */
  average(): void {
    if (!this.acc) return;
    for (let i = 0; i < this.weights.length; i++) this.weights[i] = this.weights[i]! - this.acc[i]! / this.steps;
    this.acc = null;
  }

  /** A compact file: gzip of a JSON header line and the weights quantised to int16 (sparse rows). */
  serialize(meta: Record<string, unknown> = {}): Buffer {
    const L = this.labels.length;
    const buckets = 1 << this.bits;
    let maxAbs = 0;
    for (const v of this.weights) maxAbs = Math.max(maxAbs, Math.abs(v));
    const scale = maxAbs > 0 ? 32767 / maxAbs : 1;
    const kept: number[] = []; // the buckets written
    for (let b = 0; b < buckets; b++) {
      for (let l = 0; l < L; l++) {
        if (Math.round(this.weights[this.rows[b]! + l]! * scale) !== 0) {
          kept.push(b);
          break;
        }
      }
    }
    const index = new Int32Array(kept);
    const values = new Int16Array(kept.length * L);
    kept.forEach((b, r) => {
      for (let l = 0; l < L; l++) values[r * L + l] = Math.round(this.weights[this.rows[b]! + l]! * scale);
    });
    const header = Buffer.from(`${JSON.stringify({ format: 'unspin-perceptron/1', labels: this.labels, bits: this.bits, scale, rows: kept.length, meta })}\n`);
    return gzipSync(Buffer.concat([header, Buffer.from(index.buffer), Buffer.from(values.buffer)]), { level: 9 });
  }

  static deserialize(file: Buffer): { model: Perceptron; meta: Record<string, unknown> } {
    const raw = gunzipSync(file);
    const nl = raw.indexOf(10);
    const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as {
      format: string;
      labels: string[];
      bits: number;
      scale: number;
      rows: number;
      meta: Record<string, unknown>;
    };
    if (header.format !== 'unspin-perceptron/1') throw new Error(`unknown model format ${header.format}`);
    const L = header.labels.length;
    const body = raw.subarray(nl + 1);
    // Copy into aligned buffers: a Buffer slice may start at an odd byte offset.
    const index = new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + header.rows * 4));
    const valuesStart = body.byteOffset + header.rows * 4;
    const values = new Int16Array(body.buffer.slice(valuesStart, valuesStart + header.rows * L * 2));
    // Runs once per process at start-up, so it is kept to plain locals and one multiply per weight.
    const rows = new Int32Array(1 << header.bits); // all at the zero row until given their own
    const weights = new Float32Array((index.length + 1) * L);
    const unscale = 1 / header.scale;
    for (let r = 0, v = 0; r < index.length; r++) {
      const base = (r + 1) * L;
      rows[index[r]!] = base;
      for (let l = 0; l < L; l++, v++) weights[base + l] = values[v]! * unscale;
    }
    const model = new Perceptron(header.labels, header.bits, weights, rows);
    return { model, meta: header.meta };
  }
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** A seeded PRNG (mulberry32), so that shuffled training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with a seeded generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
