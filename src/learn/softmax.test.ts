import { describe, expect, it } from 'vitest';
import { Perceptron, seededRandom } from './perceptron.js';
import { probabilities, softmax, trainSoftmax } from './softmax.js';

const LABELS = ['T', 'G', 'N'];
/** A toy task: the class is the word's last letter; 'w=' features are noise the model must not lean on. */
const words = [
  ['cat', 0],
  ['bat', 0],
  ['hat', 0],
  ['dog', 1],
  ['fog', 1],
  ['log', 1],
  ['pen', 2],
  ['ten', 2],
  ['hen', 2],
] as const;
const features = (w: string) => ['b', `w=${w}`, `suf=${w.at(-1)}`];
const index = new Perceptron(LABELS, 12, new Float32Array(0));
const examples = words.map(([w, y]) => ({ features: index.index(features(w)), label: y }));
const train = (seed = 3, l2 = 1e-4) => trainSoftmax(LABELS, 12, examples, { epochs: 20, rate: 0.5, l2 }, seededRandom(seed));

describe('softmax regression', () => {
  it('learns a separable task and generalises through the shared features', () => {
    const model = train();
    for (const [w, y] of words) expect(model.predict(model.index(features(w)))).toBe(y);
    // unseen words, known suffixes
    expect(model.predict(model.index(features('rat')))).toBe(0);
    expect(model.predict(model.index(features('bog')))).toBe(1);
    expect(model.predict(model.index(features('den')))).toBe(2);
  });

  it('gives probabilities that sum to 1 and are confident where the data is', () => {
    const model = train();
    for (const w of ['cat', 'rat', 'den', 'xyz']) {
      const p = probabilities(model, model.index(features(w)));
      expect(p).toHaveLength(3);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(probabilities(model, model.index(features('rat')))[0]).toBeGreaterThan(0.8);
    // a suffix never seen: no label is favoured much
    const unknown = probabilities(model, model.index(features('xyz')));
    expect(Math.max(...unknown) - Math.min(...unknown)).toBeLessThan(0.2);
  });

  it('is reproducible with a seed, and the L2 penalty keeps the weights smaller', () => {
    expect(train(5).weights).toEqual(train(5).weights);
    const norm = (m: Perceptron) => m.weights.reduce((s, v) => s + v * v, 0);
    expect(norm(train(5, 0.1))).toBeLessThan(norm(train(5, 0)));
  });

  it('survives a save and load with the same predictions', () => {
    const model = train();
    const { model: loaded } = Perceptron.deserialize(model.serialize());
    for (const [w, y] of words) expect(loaded.predict(loaded.index(features(w)))).toBe(y);
  });

  it('softmax is stable for large scores', () => {
    const p = softmax([1000, 1000, -1000]);
    expect(p[0]).toBeCloseTo(0.5, 6);
    expect(p[2]).toBe(0);
  });
});
