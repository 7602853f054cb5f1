/**
 * Training the attribution tagger on a PolNeAR-format folder (by default polnear/train). The
 * cue lexicon is counted on the same training folder, so nothing is learned from the data the
 * model is scored on. Deterministic: documents are sorted, shuffled with a seeded generator.
 */
import type { Token } from '../core/doc.js';
import { readBratFolder, type GoldDoc } from '../eval/brat.js';
import { Perceptron, seededRandom, shuffle } from '../learn/perceptron.js';
import { segment } from '../text/segment.js';
import { buildCueLexicon, lemma } from './lexicon.js';
import { BEAM_WIDTH, decode, LABELS, learnBeam, serializeModel, spansToLabels, type TaggerModel } from './tagger.js';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** log2 of the hashed feature rows (2^18 loads faster but scores about 0.7 F1 lower on dev) */
  bits?: number;
  /** rows whose largest weight is below this share of the model's largest weight are dropped (see prune) */
  prune?: number;
  /** the beam of the training decoder (learnBeam), as the analyzer's; 0: greedy, the history the model's own predictions (decode) */
  beam?: number;
  /** the O label's handicap in the analyzer's decoding (TaggerModel.outside) */
  outside?: number;
  onEpoch?: (epoch: number, accuracy: number) => void;
}

interface Example {
  text: string;
  tokens: Token[];
  gold: number[];
}

export function countCueLexicon(examples: readonly Example[]) {
  const inCue = new Map<string, number>();
  const total = new Map<string, number>();
  for (const ex of examples) {
    ex.tokens.forEach((t, i) => {
      const lem = lemma(t.text);
      total.set(lem, (total.get(lem) ?? 0) + 1);
      const l = LABELS[ex.gold[i]!]!;
      if (l.endsWith('cue')) inCue.set(lem, (inCue.get(lem) ?? 0) + 1);
    });
  }
  return buildCueLexicon(inCue, total);
}

export function toExamples(docs: readonly GoldDoc[]): Example[] {
  return docs.map((d) => {
    // the splitter's own sentences: on the repaired ones the retrained tagger scores lower on dev
    const { tokens } = segment(d.text, 'en', { repair: false });
    return { text: d.text, tokens, gold: spansToLabels(tokens, d.spans) };
  });
}

export const PRUNE = 0.05;
/** TaggerModel.outside for the beam-trained model: chosen on PolNeAR dev (models/attribution.md). */
export const OUTSIDE = 30;

/**
 * Zeroes the rows (features) whose weights are all near zero, so the file holds fewer rows: it
 * loads faster (the cold start of `unspin analyze`) at no measurable cost in F1 (models/attribution.md).
 * Returns the number of rows left.
 */
export function prune(perceptron: Perceptron, share: number): number {
  const w = perceptron.weights;
  const L = perceptron.labels.length;
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  let kept = 0;
  for (let b = 0; b < w.length; b += L) {
    let row = 0;
    for (let l = 0; l < L; l++) row = Math.max(row, Math.abs(w[b + l]!));
    if (row < share * max) w.fill(0, b, b + L);
    else if (row > 0) kept++;
  }
  return kept;
}

export function trainTagger(dir: string, options: TrainOptions = {}): { model: TaggerModel; file: Buffer; documents: number; tokens: number } {
  const { epochs = 40, seed = 7, bits = 20, prune: share = PRUNE, beam = BEAM_WIDTH, outside = OUTSIDE } = options;
  const examples = toExamples(readBratFolder(dir));
  const lexicon = countCueLexicon(examples);
  const model: TaggerModel = { perceptron: new Perceptron(LABELS, bits), lexicon };
  const random = seededRandom(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let right = 0;
    let all = 0;
    for (const k of shuffle(order, random)) {
      const ex = examples[k]!;
      const guess = beam > 0 ? learnBeam(model, ex.tokens, ex.text, ex.gold, beam) : decode(model, ex.tokens, ex.text, ex.gold);
      guess.forEach((g, i) => (right += g === ex.gold[i] ? 1 : 0));
      all += guess.length;
    }
    options.onEpoch?.(epoch, right / all);
  }
  model.perceptron.average();
  if (beam > 0) model.outside = outside;
  const kept = prune(model.perceptron, share);
  const tokens = examples.reduce((n, ex) => n + ex.tokens.length, 0);
  const file = serializeModel(model, { corpus: 'polnear/train', epochs, seed, bits, beam, prune: share, rows: kept, documents: examples.length, tokens });
  return { model, file, documents: examples.length, tokens };
}
