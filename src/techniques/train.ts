/**
 * Training and cross-validation of the technique model on PTC articles. Deterministic: the article
 * order of every epoch comes from a seeded generator, and folds are drawn by article with a seed.
 */
import { type PrfScore, type PtcSpan, scoreFLC, scoreSI, scoreTC } from '../eval/ptc.js';
import { classifyGiven, goldPtc, toPtc } from './evaluate.js';
import { Perceptron, seededRandom, shuffle } from '../learn/perceptron.js';
import { type CorpusArticle, tokenRange } from './corpus.js';
import { detectTechniques } from './detect.js';
import { sentenceFeatures, spanFeatures, tokenHashes } from './features.js';
import { TAGGER_LABELS, TechniqueModel, buckets } from './model.js';
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

/** One example per gold span; with `widen`, the span stretched to the sentences it lies in. */
function classifierExamples(article: CorpusArticle, model: Perceptron, widen = false): ClassifierExample[] {
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
    out.push({ features: model.index(spanFeatures(ctx, first, last)), label: TECHNIQUES.indexOf(s.technique) });
  }
  return out;
}

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
  readonly classifier: ClassifierExample[][];
  /** gold spans widened to their sentences */
  readonly widened: ClassifierExample[][];

  constructor(
    readonly articles: CorpusArticle[],
    readonly options: TrainOptions = DEFAULT_TRAIN,
  ) {
    const t = new Perceptron(TAGGER_LABELS, options.taggerBits, new Float32Array(0));
    const c = new Perceptron(TECHNIQUES, options.classifierBits, new Float32Array(0));
    this.tagger = articles.map((a) => taggerExamples(a, t));
    this.classifier = articles.map((a) => classifierExamples(a, c));
    this.widened = articles.map((a) => classifierExamples(a, c, true));
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
    const classifier = trainClassifier(spans, o.classifierBits, o.classifierEpochs, random);
    // the hull classifier sees gold spans both as they are and widened, as hulls come in both sizes
    const hull = trainClassifier([...spans, ...indexes.flatMap((a) => this.widened[a]!)], o.classifierBits, o.classifierEpochs, random);
    return new TechniqueModel(tagger, classifier, hull, { threshold: o.threshold, alsoAbove: o.alsoAbove }, meta);
  }
}

export interface CrossValidation {
  folds: number;
  seed: number;
  threshold: number;
  /** whether the rule detectors' spans were added to the model's */
  rules: boolean;
  si: PrfScore;
  flc: PrfScore;
  tc: { f1: number; correct: number; total: number };
  /** SI and FLC F1 at other thresholds, for the choice of the shipped one */
  sweep: { threshold: number; si: number; flc: number }[];
}

/** k-fold cross-validation by article: each fold is scored by a model trained on the others. */
export function crossValidate(
  corpus: PreparedCorpus,
  folds = 5,
  thresholds: readonly number[] = [corpus.options.threshold],
  rules = false,
  log: (m: string) => void = () => {},
): CrossValidation {
  const { articles, options } = corpus;
  const order = shuffle(articles.map((_, i) => i), seededRandom(options.seed + 1));
  const gold = goldPtc(articles);
  const predicted = new Map<number, PtcSpan[]>(thresholds.map((_, t) => [t, []]));
  const tcPredicted: PtcSpan[] = [];
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f);
    const train = order.filter((_, i) => i % folds !== f);
    const model = corpus.train(train);
    for (const a of test) {
      const article = articles[a]!;
      thresholds.forEach((threshold, t) => predicted.get(t)!.push(...toPtc(article, detectTechniques(article.ctx, model, { threshold, rules }))));
      const labels = classifyGiven(model, article, article.gold);
      tcPredicted.push(...toPtc(article, article.gold.map((s, i) => ({ ...s, technique: labels[i]! }))));
    }
    log(`fold ${f + 1}/${folds} done`);
  }
  const goldArticles = new Set(articles.map((a) => a.id));
  const sweep = thresholds.map((threshold, t) => ({
    threshold,
    si: scoreSI(predicted.get(t)!, gold, goldArticles).f1,
    flc: scoreFLC(predicted.get(t)!, gold, goldArticles).f1,
  }));
  const main = Math.max(0, thresholds.indexOf(options.threshold));
  return {
    folds,
    seed: options.seed,
    threshold: thresholds[main]!,
    rules,
    si: scoreSI(predicted.get(main)!, gold, goldArticles),
    flc: scoreFLC(predicted.get(main)!, gold, goldArticles),
    tc: scoreTC(tcPredicted, gold),
    sweep,
  };
}
