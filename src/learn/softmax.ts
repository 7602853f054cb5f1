/**
 * Multinomial logistic regression (softmax) over hashed features, trained by AdaGrad (Duchi et al.
 * 2011) with an L2 penalty. The weights live in a Perceptron, the shared hashed linear model, so
 * a softmax-trained classifier is indexed, scored, saved and loaded exactly as a perceptron is.
 * Unlike perceptron updates, every example moves the weights in proportion to how wrong its
 * probabilities are, so what the model says of a label is a probability, not only a ranking.
 */
import { Perceptron, shuffle } from './perceptron.js';

export interface SoftmaxOptions {
  epochs: number;
  /** AdaGrad's base learning rate */
  rate: number;
  /**
   * L2 penalty, applied to the weights of the features an example holds when it is seen (so a
   * frequent feature is held back more often than a rare one; no per-weight bookkeeping).
   */
  l2: number;
}

/** One training example: feature offsets as Perceptron.index gives them, and the gold label. */
export interface SoftmaxExample {
  features: Int32Array;
  label: number;
}

/** exp(s - max) / sum: the scores as probabilities that sum to 1 (a new array). */
export function softmax(scores: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!);
  let sum = 0;
  const out = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) sum += out[i] = Math.exp(scores[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** Each label's probability for one example. */
export function probabilities(model: Perceptron, indexed: Int32Array): Float32Array {
  return softmax(model.score(indexed, new Float32Array(model.labels.length)));
}

/**
 * Fits a softmax classifier over `labels` with 2^bits buckets. Deterministic: the example order of
 * each epoch comes from `random` (a seeded generator, see seededRandom), which it advances by one
 * shuffle per epoch.
 */
export function trainSoftmax(
  labels: readonly string[],
  bits: number,
  examples: readonly SoftmaxExample[],
  options: SoftmaxOptions,
  random: () => number,
): Perceptron {
  const model = new Perceptron(labels, bits);
  const L = labels.length;
  const w = model.weights;
  // AdaGrad's sum of squared gradients per weight
  const g2 = new Float32Array(w.length);
  const { rate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const ex of shuffle([...examples], random)) {
      const p = probabilities(model, ex.features);
      for (let i = 0; i < ex.features.length; i++) {
        const base = ex.features[i]!;
        for (let l = 0; l < L; l++) {
          const k = base + l;
          const g = p[l]! - (l === ex.label ? 1 : 0) + l2 * w[k]!;
          g2[k]! += g * g;
          if (g2[k]! > 0) w[k]! -= (rate * g) / Math.sqrt(g2[k]!);
        }
      }
    }
  }
  return model;
}
