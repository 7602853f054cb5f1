/**
 * Fits the attribution confidence (confidence.ts) on a gold folder (PolNeAR dev) and measures it:
 * every report attribution of every article, with its features and whether it is right; 5-fold
 * cross-validation by article (seeded) for out-of-fold probabilities, their calibration (ECE, and
 * the share right among those given 0.8 or more), then one fit on all of it.
 */
import type { Attribution } from '../core/schema.js';
import type { GoldDoc } from '../eval/brat.js';
import { analyzeDocument } from '../analyze.js';
import { entitiesAnalyzer } from '../entities/analyzer.js';
import { ingest } from '../ingest/index.js';
import { seededRandom, shuffle } from '../learn/perceptron.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { segment } from '../text/segment.js';
import { buildAttributions } from './build.js';
import { attributionFeatures, fitLogistic, isRight, predict, type ConfidenceModel } from './confidence.js';
import { extractGroups } from './extract.js';
import type { TaggerModel } from './tagger.js';

export interface Row {
  doc: number;
  x: number[];
  y: number;
}

/** The report's attributions of one text, with the tagger's margins (as the analyzer makes them). */
export async function attributionsWithMargins(text: string, tagger: TaggerModel) {
  // gold offsets are the file's: the text is read as it is, chrome and all
  const { info } = await ingest({ kind: 'text', text }, { keepChrome: true });
  const analysis = analyzeDocument(info, [], { analyzers: [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer] });
  const { tokens } = segment(info.text, info.language);
  const margins = new Float64Array(tokens.length);
  const groups = extractGroups(tagger, info.text, analysis.sentences, tokens, margins);
  const attributions: Attribution[] = buildAttributions(info.text, analysis.sentences, groups, analysis.entities);
  return { text: info.text, tokens, margins, attributions };
}

export async function collectRows(docs: readonly GoldDoc[], tagger: TaggerModel): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [doc, gold] of docs.entries()) {
    const { text, tokens, margins, attributions } = await attributionsWithMargins(gold.text, tagger);
    for (const a of attributions) rows.push({ doc, x: attributionFeatures(text, tokens, margins, tagger, a), y: isRight(a, gold.attributions) ? 1 : 0 });
  }
  return rows;
}

export interface Calibration {
  rows: number;
  right: number;
  /** expected calibration error over 10 equal-width bins */
  ece: number;
  /** attributions given >= 0.8, and the share of them right */
  high: { count: number; right: number; share: number };
  bins: { from: number; to: number; count: number; meanConfidence: number; shareRight: number }[];
}

export function calibration(ps: readonly number[], ys: readonly number[]): Calibration {
  const bins = Array.from({ length: 10 }, (_, k) => ({ from: k / 10, to: (k + 1) / 10, count: 0, sumP: 0, sumY: 0 }));
  let highCount = 0;
  let highRight = 0;
  ps.forEach((p, i) => {
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.count++;
    b.sumP += p;
    b.sumY += ys[i]!;
    if (p >= 0.8) {
      highCount++;
      highRight += ys[i]!;
    }
  });
  const n = ps.length;
  const ece = bins.reduce((e, b) => e + (b.count ? (b.count / n) * Math.abs(b.sumP / b.count - b.sumY / b.count) : 0), 0);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    rows: n,
    right: ys.reduce((s, y) => s + y, 0),
    ece: round(ece),
    high: { count: highCount, right: highRight, share: round(highCount ? highRight / highCount : 0) },
    bins: bins.filter((b) => b.count).map((b) => ({ from: b.from, to: round(b.to), count: b.count, meanConfidence: round(b.sumP / b.count), shareRight: round(b.sumY / b.count) })),
  };
}

/** Out-of-fold probabilities: the articles in `folds` seeded groups, each scored by a model fitted on the others. */
export function crossValidate(rows: readonly Row[], folds = 5, seed = 11): number[] {
  const docs = [...new Set(rows.map((r) => r.doc))];
  const order = shuffle(docs, seededRandom(seed));
  const foldOf = new Map(order.map((d, i) => [d, i % folds]));
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => foldOf.get(r.doc) !== f);
    const model = fitLogistic(train.map((r) => r.x), train.map((r) => r.y));
    rows.forEach((r, i) => {
      if (foldOf.get(r.doc) === f) out[i] = predict(model, r.x);
    });
  }
  return out;
}

export interface CalibrationRun {
  model: ConfidenceModel;
  /** out-of-fold on the fitting folder */
  crossValidated: Calibration;
  /** the final model on the fitting folder itself (optimistic) */
  inSample: Calibration;
}

export function fitConfidence(rows: readonly Row[], seed = 11): CalibrationRun {
  const ys = rows.map((r) => r.y);
  const oof = crossValidate(rows, 5, seed);
  const model = fitLogistic(rows.map((r) => r.x), ys);
  return { model, crossValidated: calibration(oof, ys), inSample: calibration(rows.map((r) => predict(model, r.x)), ys) };
}
