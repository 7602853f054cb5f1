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
import { decode, LABELS, serializeModel, spansToLabels, type TaggerModel } from './tagger.js';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  bits?: number;
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
    const { tokens } = segment(d.text, 'en');
    return { text: d.text, tokens, gold: spansToLabels(tokens, d.spans) };
  });
}

export function trainTagger(dir: string, options: TrainOptions = {}): { model: TaggerModel; file: Buffer; documents: number; tokens: number } {
  const { epochs = 8, seed = 7, bits = 20 } = options;
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
      const guess = decode(model, ex.tokens, ex.text, ex.gold);
      guess.forEach((g, i) => (right += g === ex.gold[i] ? 1 : 0));
      all += guess.length;
    }
    options.onEpoch?.(epoch, right / all);
  }
  model.perceptron.average();
  const tokens = examples.reduce((n, ex) => n + ex.tokens.length, 0);
  const file = serializeModel(model, { corpus: 'polnear/train', epochs, seed, documents: examples.length, tokens });
  return { model, file, documents: examples.length, tokens };
}
