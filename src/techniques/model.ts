/**
 * The trained half of the technique detector: a token tagger that marks propaganda spans (SI), a
 * classifier that names the technique of a span (TC), and one that names the technique of a
 * sentence-wide span (the hulls the detector reports), all over hashed features, saved together in
 * models/techniques.bin.
 */
import { defineModel } from '../core/model.js';
import { Perceptron } from '../learn/perceptron.js';
import { type ArticleContext, isPunct } from './context.js';
import { classifierFeatures, isContentWord, sentenceFeatures, spanFeatures, tokenHashes } from './features.js';
import { TECHNIQUES } from './names.js';
import type { CalibratorData } from './calibration.js';

export const MODEL_FILE = 'techniques.bin';
const FORMAT = 'unspin-techniques/3';
export const TAGGER_LABELS = ['O', 'I'] as const;

/** A span found by the tagger, in token indexes, with the mean probability of its tokens. */
export interface TaggedSpan {
  first: number;
  last: number;
  confidence: number;
}

export interface TechniqueModelOptions {
  /** a token is in a span when score(I) - score(O) exceeds it (set by cross-validation) */
  threshold: number;
  /** a span also gets each further technique at least this probable (set by cross-validation) */
  alsoAbove: number;
}

/**
 * Confidence a reader can trust, fitted on out-of-fold predictions of cross-validation (see
 * train.ts): the probability that a span is right, and that a sentence carries any technique.
 */
export interface TechniqueCalibration {
  spans: CalibratorData;
  sentences: CalibratorData;
  /** the report shows spans at least this probable; the others are candidates (chosen on CV) */
  threshold: number;
}

export class TechniqueModel {
  constructor(
    readonly tagger: Perceptron,
    readonly classifier: Perceptron,
    /** trained on gold spans widened to their sentences: a detected hull is such a span, longer than most gold spans */
    readonly hullClassifier: Perceptron,
    readonly options: TechniqueModelOptions,
    readonly meta: Record<string, unknown> = {},
    readonly calibration?: TechniqueCalibration,
  ) {}

  /** The same model with a calibration. */
  withCalibration(calibration: TechniqueCalibration): TechniqueModel {
    return new TechniqueModel(this.tagger, this.classifier, this.hullClassifier, this.options, this.meta, calibration);
  }

  /** score(I) - score(O) for every token of the article. */
  margins(ctx: ArticleContext): Float32Array {
    const out = new Float32Array(ctx.tokens.length);
    // the tagger has two labels (O, I): a feature adds w[I] - w[O] to the margin; summed in place,
    // as this loop runs for every token of every article
    const { weights: w, rows, mask } = this.tagger;
    let sentence = -1;
    let shared = 0;
    for (let i = 0; i < ctx.tokens.length; i++) {
      const s = ctx.tokens[i]!.sentence;
      if (s !== sentence) {
        sentence = s;
        shared = 0;
        for (const b of this.tagger.index(sentenceFeatures(ctx, s))) shared += w[b + 1]! - w[b]!;
      }
      let m = shared;
      for (const h of tokenHashes(ctx, i)) {
        const b = rows[h & mask]!;
        m += w[b + 1]! - w[b]!;
      }
      out[i] = m;
    }
    return out;
  }

  /** Runs of tokens above the threshold (see spansFromMargins). */
  spans(ctx: ArticleContext, threshold = this.options.threshold): TaggedSpan[] {
    return spansFromMargins(ctx, this.margins(ctx), threshold);
  }

  /** Each technique's probability for the span (softmax over the classifier's scores). */
  classify(ctx: ArticleContext, first: number, last: number): Float32Array {
    const scores = this.classifier.score(this.classifier.index(classifierFeatures(ctx, first, last)), new Float32Array(TECHNIQUES.length));
    return softmax(scores);
  }

  /** The same for a sentence-wide span (a detected hull), by the hull classifier. */
  classifyHull(ctx: ArticleContext, first: number, last: number): Float32Array {
    const scores = this.hullClassifier.score(this.hullClassifier.index(spanFeatures(ctx, first, last)), new Float32Array(TECHNIQUES.length));
    return softmax(scores);
  }

  serialize(): Buffer {
    const tagger = this.tagger.serialize();
    const classifier = this.classifier.serialize();
    const hull = this.hullClassifier.serialize();
    const sizes = { tagger: tagger.length, classifier: classifier.length, hullClassifier: hull.length };
    const header = Buffer.from(`${JSON.stringify({ format: FORMAT, options: this.options, meta: this.meta, calibration: this.calibration, ...sizes })}\n`);
    return Buffer.concat([header, tagger, classifier, hull]);
  }

  static deserialize(file: Buffer): TechniqueModel {
    const nl = file.indexOf(10);
    const header = JSON.parse(file.subarray(0, nl).toString('utf8')) as {
      format: string;
      options: TechniqueModelOptions;
      meta: Record<string, unknown>;
      calibration?: TechniqueCalibration;
      tagger: number;
      classifier: number;
      hullClassifier: number;
    };
    if (header.format !== FORMAT) throw new Error(`unknown technique model format ${header.format}`);
    const body = file.subarray(nl + 1);
    const tagger = Perceptron.deserialize(body.subarray(0, header.tagger)).model;
    const classifier = Perceptron.deserialize(body.subarray(header.tagger, header.tagger + header.classifier)).model;
    const hullStart = header.tagger + header.classifier;
    const hull = Perceptron.deserialize(body.subarray(hullStart, hullStart + header.hullClassifier)).model;
    for (const c of [classifier, hull]) if (c.labels.join() !== TECHNIQUES.join()) throw new Error('technique model: its classes are not the 14 PTC classes');
    return new TechniqueModel(tagger, classifier, hull, header.options, header.meta, header.calibration);
  }
}

/** Feature hashes -> the model's weight row offsets, as Perceptron.index does for strings. */
export function buckets(model: Perceptron, hashes: readonly number[]): Int32Array {
  const out = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) out[i] = model.row(hashes[i]!);
  return out;
}

export const techniqueModel = defineModel({
  file: MODEL_FILE,
  rebuild: 'unspin train techniques',
  parse: (bytes) => TechniqueModel.deserialize(bytes),
});
/** The shipped model, loaded once; or the file at `path`. */
export const loadTechniqueModel = (path?: string): TechniqueModel => techniqueModel.load(path);

export function softmax(scores: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of scores) max = Math.max(max, v);
  let sum = 0;
  const out = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Runs of tokens above the threshold, repaired: a run stays inside its sentence, a one-token gap
 * between two runs is filled, punctuation is trimmed from both ends, and runs without a content
 * word ('by', 'the', a comma) are dropped.
 */
export function spansFromMargins(ctx: ArticleContext, margins: Float32Array, threshold: number): TaggedSpan[] {
  const n = margins.length;
  const inside = new Uint8Array(n);
  for (let i = 0; i < n; i++) inside[i] = margins[i]! > threshold ? 1 : 0;
  const sameSentence = (a: number, b: number) => ctx.tokens[a]!.sentence === ctx.tokens[b]!.sentence;
  for (let i = 1; i + 1 < n; i++) {
    if (!inside[i] && inside[i - 1] && inside[i + 1] && sameSentence(i - 1, i + 1)) inside[i] = 1;
  }
  const spans: TaggedSpan[] = [];
  let i = 0;
  while (i < n) {
    if (!inside[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && inside[j + 1] && sameSentence(j, j + 1)) j++;
    let first = i;
    let last = j;
    while (first <= last && isPunct(ctx.lower[first]!)) first++;
    while (last >= first && isPunct(ctx.lower[last]!)) last--;
    let content = false;
    for (let k = first; k <= last && !content; k++) content = isContentWord(ctx.lower[k]!);
    if (content) {
      let sum = 0;
      for (let k = first; k <= last; k++) sum += sigmoid(margins[k]! - threshold);
      spans.push({ first, last, confidence: sum / (last - first + 1) });
    }
    i = j + 1;
  }
  return spans;
}

/**
 * The runs of one sentence joined into one span, from the first run's start to the last run's end.
 * On PTC the hull scores better than the runs (SI F1 0.35 against 0.33 in cross-validation): a
 * propaganda fragment is usually longer than the words that give it away.
 */
export function sentenceHulls(ctx: ArticleContext, runs: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && ctx.tokens[last.last]!.sentence === ctx.tokens[run.first]!.sentence) {
      const n0 = last.last - last.first + 1;
      const n1 = run.last - run.first + 1;
      out[out.length - 1] = { first: last.first, last: run.last, confidence: (last.confidence * n0 + run.confidence * n1) / (n0 + n1) };
    } else out.push({ ...run });
  }
  return out;
}
