/**
 * Calibration: turning a detector's scores into the probability that a reader would find the
 * span right. A small logistic regression over a span's scores (Platt scaling with several inputs)
 * is fitted on out-of-fold predictions; the reliability table and the expected calibration error
 * (ECE) say how well its probabilities hold on spans it was not fitted on.
 */
import type { TechniqueSpan } from './schema.js';
import type { ArticleContext } from './context.js';
import { TECHNIQUES } from './names.js';
import { WAR_RULE } from './war.js';
import { lowerBound } from '../core/search.js';

/** Logistic regression by full-batch gradient descent with an L2 penalty: deterministic, small. */
export class Logistic {
  constructor(readonly weights: Float64Array) {}

  /** The probability of the positive class for one feature vector (its first entry is the bias's 1). */
  predict(x: ArrayLike<number>): number {
    let z = 0;
    for (let k = 0; k < this.weights.length; k++) z += this.weights[k]! * x[k]!;
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits on rows `x` with outcomes `y` (0 or 1). Inputs should be on comparable scales; the bias
   * (column 0) is not penalised.
   */
  static fit(x: readonly ArrayLike<number>[], y: readonly number[], options: { l2?: number; iterations?: number; rate?: number } = {}): Logistic {
    const dims = x[0]?.length ?? 1;
    const l2 = options.l2 ?? 1e-3;
    const rate = options.rate ?? 0.5;
    const w = new Float64Array(dims);
    const grad = new Float64Array(dims);
    const model = new Logistic(w);
    const n = Math.max(1, x.length);
    for (let it = 0; it < (options.iterations ?? 400); it++) {
      grad.fill(0);
      for (let i = 0; i < x.length; i++) {
        const err = model.predict(x[i]!) - y[i]!;
        const row = x[i]!;
        for (let k = 0; k < dims; k++) grad[k]! += err * row[k]!;
      }
      for (let k = 0; k < dims; k++) w[k]! -= rate * (grad[k]! / n + (k > 0 ? l2 * w[k]! : 0));
    }
    return model;
  }
}

export interface ReliabilityRow {
  /** the bin's range of predicted probability, [from, to) */
  from: number;
  to: number;
  count: number;
  /** mean predicted probability in the bin */
  predicted: number;
  /** share of the bin's predictions that were right */
  observed: number;
}

/**
 * Predictions binned by probability (equal-width bins) with the share right in each, and the
 * expected calibration error: the count-weighted mean gap between predicted and observed.
 */
export function reliability(probs: readonly number[], outcomes: readonly number[], bins = 10): { rows: ReliabilityRow[]; ece: number } {
  const rows: ReliabilityRow[] = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, count: 0, predicted: 0, observed: 0 }));
  probs.forEach((p, i) => {
    const row = rows[Math.min(bins - 1, Math.floor(p * bins))]!;
    row.count++;
    row.predicted += p;
    row.observed += outcomes[i]!;
  });
  let ece = 0;
  for (const row of rows) {
    if (row.count === 0) continue;
    row.predicted /= row.count;
    row.observed /= row.count;
    ece += (row.count / Math.max(1, probs.length)) * Math.abs(row.predicted - row.observed);
  }
  return { rows: rows.filter((r) => r.count > 0), ece };
}

/** A logistic calibrator over standardised inputs, as saved in the model file. */
export interface CalibratorData {
  mean: number[];
  sd: number[];
  weights: number[];
}

/** Standardises the rows (column 0, the bias, stays 1), fits, and keeps the scaling with the weights. */
export function fitCalibrator(rows: readonly ArrayLike<number>[], outcomes: readonly number[]): CalibratorData {
  const dims = rows[0]?.length ?? 1;
  const mean = new Array<number>(dims).fill(0);
  const sd = new Array<number>(dims).fill(0);
  for (const r of rows) for (let k = 0; k < dims; k++) mean[k]! += r[k]! / rows.length;
  for (const r of rows) for (let k = 0; k < dims; k++) sd[k]! += (r[k]! - mean[k]!) ** 2 / rows.length;
  for (let k = 0; k < dims; k++) sd[k] = Math.sqrt(sd[k]!) || 1;
  mean[0] = 0;
  sd[0] = 1;
  const z = rows.map((r) => standardise({ mean, sd }, r));
  const model = Logistic.fit(z, outcomes, { l2: 1e-3, iterations: 600 });
  return { mean, sd, weights: [...model.weights].map((w) => Math.round(w * 1e6) / 1e6) };
}

/** The calibrated probability for one row of inputs. */
export function calibrate(c: CalibratorData, row: ArrayLike<number>): number {
  const z = standardise(c, row);
  let s = 0;
  for (let k = 0; k < c.weights.length; k++) s += c.weights[k]! * z[k]!;
  return 1 / (1 + Math.exp(-s));
}

function standardise(c: { mean: readonly number[]; sd: readonly number[] }, row: ArrayLike<number>): Float64Array {
  const z = new Float64Array(c.mean.length);
  z[0] = 1;
  for (let k = 1; k < z.length; k++) z[k] = (row[k]! - c.mean[k]!) / c.sd[k]!;
  return z;
}

const logit = (p: number) => Math.log(Math.max(1e-4, p) / Math.max(1e-4, 1 - p));

const maxima = new WeakMap<Float32Array, Float64Array>();
/** The highest margin of each sentence, once per article: a run-on sentence holds thousands of spans. */
function sentenceMaxima(ctx: ArticleContext, margins: Float32Array): Float64Array {
  let out = maxima.get(margins);
  if (!out) {
    out = new Float64Array(ctx.sentences.length).fill(-Infinity);
    for (let s = 0; s < ctx.sentences.length; s++) {
      const sFirst = ctx.sentenceStart[s]!;
      const sLast = Math.max(sFirst, ctx.sentenceStart[s + 1]! - 1);
      for (let i = sFirst; i <= sLast; i++) out[s] = Math.max(out[s]!, margins[i]!);
    }
    maxima.set(margins, out);
  }
  return out;
}

/**
 * What the span calibrator reads of a span: its raw scores (the tagger's margins over the span
 * and its sentence, the hull and technique probabilities), its length, whether a rule or a
 * lexicon backs it, quotation, repetition, its place in the article, and its technique.
 */
export function spanInputs(
  ctx: ArticleContext,
  margins: Float32Array,
  span: TechniqueSpan,
  model: { span: number; technique: number } | undefined,
  ruled: boolean,
): number[] {
  const first = lowerBound(ctx.tokens, (t) => t.end <= span.start);
  let last = first;
  let max = -Infinity;
  let sum = 0;
  let quoted = 0;
  for (let i = first; i < ctx.tokens.length && ctx.tokens[i]!.start < span.end; i++) {
    last = i;
    max = Math.max(max, margins[i]!);
    sum += margins[i]!;
    quoted += ctx.quoted[i]!;
  }
  const n = last - first + 1;
  const s = ctx.tokens[first]?.sentence ?? 0;
  const sFirst = ctx.sentenceStart[s]!;
  const sLast = Math.max(sFirst, ctx.sentenceStart[s + 1]! - 1);
  const sentenceMax = sentenceMaxima(ctx, margins)[s]!;
  const cues = span.cues ?? [];
  const clip = (x: number) => (Number.isFinite(x) ? x : -10) / 3;
  return [
    1,
    logit(span.confidence),
    model ? logit(model.span) : 0,
    model ? logit(model.technique) : 0,
    ruled ? 1 : 0,
    clip(max),
    clip(sum / n),
    clip(sentenceMax),
    Math.log(n),
    Math.log(sLast - sFirst + 1),
    quoted / n,
    cues.some((c) => c.startsWith('lexicon')) ? 1 : 0,
    cues.some((c) => c.startsWith('repeated')) ? 1 : 0,
    s / Math.max(1, ctx.sentences.length),
    span.rules?.includes(WAR_RULE) ? 1 : 0,
    ...TECHNIQUES.map((t) => (t === span.technique ? 1 : 0)),
  ];
}

/**
 * What the sentence calibrator reads: the tagger's strongest and mean margin in the sentence,
 * its length, and how many lexicon hits it holds.
 */
export function sentenceInputs(ctx: ArticleContext, margins: Float32Array, s: number): number[] {
  const first = ctx.sentenceStart[s]!;
  const last = ctx.sentenceStart[s + 1]! - 1;
  if (last < first) return [1, -10 / 3, -10 / 3, 0, 0];
  let max = -Infinity;
  let sum = 0;
  let lexicon = 0;
  for (let i = first; i <= last; i++) {
    max = Math.max(max, margins[i]!);
    sum += margins[i]!;
    if (ctx.lexMask[i]) lexicon++;
  }
  return [1, max / 3, sum / (last - first + 1) / 3, Math.log(last - first + 1), Math.log(1 + lexicon)];
}
