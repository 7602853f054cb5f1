/**
 * Training and cross-validation of the technique model on PTC articles. Deterministic: the article
 * order of every epoch comes from a seeded generator, and folds are drawn by article with a seed.
 */
import { type PrfScore, type PtcSpan, scoreFLC, scoreSI, scoreTC } from '../eval/ptc.js';
import { classifyGiven, goldPtc, toPtc } from './evaluate.js';
import { Perceptron, seededRandom, shuffle } from '../learn/perceptron.js';
import { type SoftmaxOptions, trainSoftmax } from '../learn/softmax.js';
import { type CorpusArticle, tokenRange } from './corpus.js';
import { scoreSpans } from './detect.js';
import { calibrate, fitCalibrator, reliability, type ReliabilityRow, sentenceInputs } from './calibration.js';
import type { TechniqueSpan } from './schema.js';
import { classifierFeatures, sentenceFeatures, spanFeatures, tokenHashes } from './features.js';
import { TAGGER_LABELS, type TechniqueCalibration, TechniqueModel, buckets } from './model.js';
import { TECHNIQUES } from './names.js';

export interface TrainOptions {
  seed: number;
  taggerEpochs: number;
  classifierEpochs: number;
  taggerBits: number;
  classifierBits: number;
  threshold: number;
  alsoAbove: number;
  learningRate: number;
  /** the technique classifier (TC), a softmax regression; the hull classifier stays a perceptron of classifierEpochs */
  softmax: SoftmaxOptions;
}

export const DEFAULT_TRAIN: TrainOptions = {
  seed: 11,
  taggerEpochs: 6,
  classifierEpochs: 12,
  taggerBits: 19,
  classifierBits: 18,
  threshold: -1.5,
  alsoAbove: 0.3,
  learningRate: 0.2,
  softmax: { epochs: 12, rate: 0.03, l2: 1e-3 },
};

/** One article's tagger examples: hashed features per token and per sentence, gold I/O per token. */
interface TaggerExamples {
  tokens: Int32Array[];
  sentences: Int32Array[];
  sentenceOf: Int32Array;
  gold: Uint8Array;
}

/** A token is inside when gold spans cover at least half of its characters. */
function goldInside(article: CorpusArticle): Uint8Array {
  const { tokens } = article.ctx;
  const gold = new Uint8Array(tokens.length);
  const covered = new Uint8Array(article.ctx.text.length + 1);
  for (const s of article.gold) covered.fill(1, s.start, s.end);
  tokens.forEach((t, i) => {
    let c = 0;
    for (let k = t.start; k < t.end; k++) c += covered[k]!;
    gold[i] = c * 2 >= t.end - t.start ? 1 : 0;
  });
  return gold;
}

function taggerExamples(article: CorpusArticle, model: Perceptron): TaggerExamples {
  const { ctx } = article;
  return {
    tokens: ctx.tokens.map((_, i) => buckets(model, tokenHashes(ctx, i))),
    sentences: ctx.sentences.map((_, s) => model.index(sentenceFeatures(ctx, s))),
    sentenceOf: Int32Array.from(ctx.tokens, (t) => t.sentence),
    gold: goldInside(article),
  };
}

interface ClassifierExample {
  features: Int32Array;
  label: number;
}

/** One example per gold span, over `features`; with `widen`, the span stretched to the sentences it lies in. */
function classifierExamples(article: CorpusArticle, model: Perceptron, features: typeof spanFeatures, widen = false): ClassifierExample[] {
  const { ctx } = article;
  const out: ClassifierExample[] = [];
  for (const s of article.gold) {
    const range = tokenRange(ctx, s.start, s.end);
    if (!range) continue;
    let { first, last } = range;
    if (widen) {
      first = ctx.sentenceStart[ctx.tokens[first]!.sentence]!;
      last = ctx.sentenceStart[ctx.tokens[last]!.sentence + 1]! - 1;
    }
    out.push({ features: model.index(features(ctx, first, last)), label: TECHNIQUES.indexOf(s.technique) });
  }
  return out;
}

/** An averaged perceptron over span features (the hull classifier). */
function trainClassifier(examples: readonly ClassifierExample[], bits: number, epochs: number, random: () => number): Perceptron {
  const classifier = new Perceptron(TECHNIQUES, bits);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const ex of shuffle([...examples], random)) {
      classifier.update(ex.features, ex.label, classifier.predict(ex.features));
      classifier.tick();
    }
  }
  classifier.average();
  return classifier;
}

/** Feature indexes depend only on the article and the model size: computed once, reused by every fold. */
export class PreparedCorpus {
  readonly tagger: TaggerExamples[];
  /** gold spans, over the technique classifier's features */
  readonly classifier: ClassifierExample[][];
  /** gold spans as they are and widened to their sentences, over the hull classifier's */
  readonly hull: ClassifierExample[][];
  readonly widened: ClassifierExample[][];

  constructor(
    readonly articles: CorpusArticle[],
    readonly options: TrainOptions = DEFAULT_TRAIN,
  ) {
    const t = new Perceptron(TAGGER_LABELS, options.taggerBits, new Float32Array(0));
    const c = new Perceptron(TECHNIQUES, options.classifierBits, new Float32Array(0));
    this.tagger = articles.map((a) => taggerExamples(a, t));
    this.classifier = articles.map((a) => classifierExamples(a, c, classifierFeatures));
    this.hull = articles.map((a) => classifierExamples(a, c, spanFeatures));
    this.widened = articles.map((a) => classifierExamples(a, c, spanFeatures, true));
  }

  /** Trains on the articles at `indexes` (all when omitted). */
  train(indexes: readonly number[] = this.articles.map((_, i) => i), meta: Record<string, unknown> = {}): TechniqueModel {
    const o = this.options;
    const random = seededRandom(o.seed);
    const tagger = new Perceptron(TAGGER_LABELS, o.taggerBits);
    const scores = new Float32Array(2);
    // Logistic regression by SGD on the I-minus-O margin (weights of label I; label O stays 0):
    // unlike perceptron updates it keeps learning from tokens it already gets right, which ranks
    // tokens better for the threshold that trades precision for recall.
    let step = 0;
    for (let epoch = 0; epoch < o.taggerEpochs; epoch++) {
      for (const a of shuffle([...indexes], random)) {
        const ex = this.tagger[a]!;
        for (let i = 0; i < ex.tokens.length; i++) {
          const sentence = ex.sentences[ex.sentenceOf[i]!]!;
          scores.fill(0);
          tagger.score(sentence, scores);
          tagger.score(ex.tokens[i]!, scores);
          const p = 1 / (1 + Math.exp(-(scores[1]! - scores[0]!)));
          const g = (ex.gold[i]! - p) * o.learningRate / (1 + step / 200_000);
          if (Math.abs(g) > 1e-6) {
            for (const f of ex.tokens[i]!) tagger.bump(f + 1, g);
            for (const f of sentence) tagger.bump(f + 1, g / 4);
          }
          tagger.tick();
          step++;
        }
      }
    }
    tagger.average();

    const spans = indexes.flatMap((a) => this.classifier[a]!);
    // The technique classifier (TC) is a softmax regression with a shuffling generator of its own.
    // The shared generator still skips the draws the perceptron trained here before made, so the
    // hull classifier after it (and with it the detected spans and their calibration) is unchanged.
    const classifier = trainSoftmax(TECHNIQUES, o.classifierBits, spans, o.softmax, seededRandom(o.seed + 2));
    for (let k = 0; k < o.classifierEpochs * Math.max(0, spans.length - 1); k++) random();
    // the hull classifier sees gold spans both as they are and widened, as hulls come in both sizes
    const hull = trainClassifier([...indexes.flatMap((a) => this.hull[a]!), ...indexes.flatMap((a) => this.widened[a]!)], o.classifierBits, o.classifierEpochs, random);
    return new TechniqueModel(tagger, classifier, hull, { threshold: o.threshold, alsoAbove: o.alsoAbove }, meta);
  }
}

export interface SweepRow {
  /** spans shown at or above this calibrated confidence */
  confidence: number;
  spans: number;
  /** share of the shown spans that overlap a gold span of their technique */
  spanPrecision: number;
  si: PrfScore;
  flc: PrfScore;
}

export interface CrossValidation {
  folds: number;
  seed: number;
  /** the tagger's threshold */
  threshold: number;
  /** whether the rule detectors' spans were added to the model's */
  rules: boolean;
  /** every candidate span, whatever its confidence */
  si: PrfScore;
  flc: PrfScore;
  tc: {
    f1: number;
    correct: number;
    total: number;
    /** per technique: its gold spans, the spans given it, those given it rightly (each listing of a span on its own) */
    byTechnique: Record<string, { gold: number; predicted: number; correct: number }>;
    /** of the classifier's probability for the technique it gave a gold span, against whether it was the gold one */
    calibration: { ece: number; rows: ReliabilityRow[] };
  };
  /** of spans: the probability that a span overlaps a gold span of its technique, each fold calibrated on the others */
  spanCalibration: { ece: number; rows: ReliabilityRow[] };
  /** of sentences: the probability that a sentence overlaps any gold span */
  sentenceCalibration: { ece: number; rows: ReliabilityRow[] };
  /** the default threshold of the report and the scores of what it shows */
  shown: SweepRow;
  sweep: SweepRow[];
}

/** One fold's out-of-fold material: scored spans with their outcome, sentences with theirs. */
interface OutOfFold {
  fold: number;
  article: CorpusArticle;
  spans: { span: TechniqueSpan; inputs: number[]; right: number }[];
  sentences: { inputs: number[]; carries: number }[];
}

/**
 * k-fold cross-validation by article: each fold is scored by a model trained on the others.
 * The calibrators are fitted on the out-of-fold spans (each fold's probabilities by calibrators
 * fitted on the other folds, for the reliability table), and the report's default threshold is
 * chosen on them; the returned calibration, fitted on all folds, goes with the shipped model.
 */
export function crossValidate(
  corpus: PreparedCorpus,
  folds = 5,
  rules = true,
  log: (m: string) => void = () => {},
): { cv: CrossValidation; calibration: TechniqueCalibration } {
  const { articles, options } = corpus;
  const order = shuffle(articles.map((_, i) => i), seededRandom(options.seed + 1));
  const gold = goldPtc(articles);
  const tcPredicted: PtcSpan[] = [];
  const tcRows: { gold: string; guess: string; p: number }[] = [];
  const oof: OutOfFold[] = [];
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f);
    const train = order.filter((_, i) => i % folds !== f);
    const model = corpus.train(train);
    for (const a of test) {
      const article = articles[a]!;
      oof.push(outOfFold(f, article, model, rules));
      const labels = classifyGiven(model, article, article.gold);
      tcPredicted.push(...toPtc(article, article.gold.map((s, i) => ({ ...s, technique: labels[i]! }))));
      article.gold.forEach((s, i) => {
        const range = tokenRange(article.ctx, s.start, s.end);
        const probs = range ? model.classify(article.ctx, range.first, range.last) : undefined;
        tcRows.push({ gold: s.technique, guess: labels[i]!, p: probs?.[(TECHNIQUES as readonly string[]).indexOf(labels[i]!)] ?? 0 });
      });
    }
    log(`fold ${f + 1}/${folds} done`);
  }
  const goldArticles = new Set(articles.map((a) => a.id));
  const spanRows = oof.flatMap((o) => o.spans.map((s) => ({ fold: o.fold, article: o.article, ...s })));
  const sentenceRows = oof.flatMap((o) => o.sentences.map((s) => ({ fold: o.fold, ...s })));
  // each fold's probabilities from calibrators fitted on the other folds
  const p = new Float64Array(spanRows.length);
  const q = new Float64Array(sentenceRows.length);
  for (let f = 0; f < folds; f++) {
    const spans = fitCalibrator(...rowsOf(spanRows.filter((r) => r.fold !== f), (r) => r.right));
    spanRows.forEach((r, i) => r.fold === f && (p[i] = calibrate(spans, r.inputs)));
    const sentences = fitCalibrator(...rowsOf(sentenceRows.filter((r) => r.fold !== f), (r) => r.carries));
    sentenceRows.forEach((r, i) => r.fold === f && (q[i] = calibrate(sentences, r.inputs)));
  }
  const sweep: SweepRow[] = [];
  for (let c = 0.05; c < 0.96; c += 0.05) {
    const confidence = Math.round(c * 100) / 100;
    const kept = spanRows.filter((_, i) => p[i]! >= confidence);
    if (kept.length === 0) break;
    const predicted = kept.flatMap((r) => toPtc(r.article, [r.span]));
    sweep.push({
      confidence,
      spans: kept.length,
      spanPrecision: kept.reduce((n, r) => n + r.right, 0) / kept.length,
      si: scoreSI(predicted, gold, goldArticles),
      flc: scoreFLC(predicted, gold, goldArticles),
    });
  }
  const all = spanRows.flatMap((r) => toPtc(r.article, [r.span]));
  const calibration: TechniqueCalibration = {
    spans: fitCalibrator(...rowsOf(spanRows, (r) => r.right)),
    sentences: fitCalibrator(...rowsOf(sentenceRows, (r) => r.carries)),
    threshold: defaultThreshold(sweep).confidence,
  };
  const cv: CrossValidation = {
    folds,
    seed: options.seed,
    threshold: options.threshold,
    rules,
    si: scoreSI(all, gold, goldArticles),
    flc: scoreFLC(all, gold, goldArticles),
    tc: {
      ...scoreTC(tcPredicted, gold),
      byTechnique: Object.fromEntries(
        TECHNIQUES.map((t) => [
          t,
          {
            gold: tcRows.filter((r) => r.gold === t).length,
            predicted: tcRows.filter((r) => r.guess === t).length,
            correct: tcRows.filter((r) => r.gold === t && r.guess === t).length,
          },
        ]),
      ),
      calibration: reliability(tcRows.map((r) => r.p), tcRows.map((r) => (r.gold === r.guess ? 1 : 0))),
    },
    spanCalibration: reliability([...p], spanRows.map((r) => r.right)),
    sentenceCalibration: reliability([...q], sentenceRows.map((r) => r.carries)),
    shown: defaultThreshold(sweep),
    sweep,
  };
  return { cv, calibration };
}

/**
 * The report's default threshold: the lowest confidence at which SI precision reaches 0.5 with
 * SI recall at least 0.25; when no threshold gives both, the lowest at which at least half of
 * the shown spans are right (overlap a gold span of their technique).
 */
export function defaultThreshold(sweep: readonly SweepRow[]): SweepRow {
  return (
    sweep.find((r) => r.si.precision >= 0.5 && r.si.recall >= 0.25) ??
    sweep.find((r) => r.spanPrecision >= 0.5) ??
    sweep[sweep.length - 1]!
  );
}

function rowsOf<R extends { inputs: number[] }>(rows: readonly R[], outcome: (r: R) => number): [number[][], number[]] {
  return [rows.map((r) => r.inputs), rows.map(outcome)];
}

/** A fold model's scored spans and sentences on one held-out article, with what the gold says of each. */
function outOfFold(fold: number, article: CorpusArticle, model: TechniqueModel, rules: boolean): OutOfFold {
  const { ctx, gold } = article;
  const margins = model.margins(ctx);
  const spans = scoreSpans(ctx, model, { rules }, margins).map(({ span, inputs }) => ({
    span,
    inputs,
    right: gold.some((g) => g.technique === span.technique && g.start < span.end && span.start < g.end) ? 1 : 0,
  }));
  const sentences = ctx.sentences.map((s, k) => ({
    inputs: sentenceInputs(ctx, margins, k),
    carries: gold.some((g) => g.start < s.end && s.start < g.end) ? 1 : 0,
  }));
  return { fold, article, spans, sentences };
}
