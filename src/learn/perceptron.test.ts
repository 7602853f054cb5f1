import { describe, expect, it } from 'vitest';
import { Perceptron, hashFeature, seededRandom, shuffle } from './perceptron.js';

/** A toy task: the label is the word's last letter's class. */
const data = [
  { f: ['w=cat', 'suf=t'], y: 0 },
  { f: ['w=dog', 'suf=g'], y: 1 },
  { f: ['w=bat', 'suf=t'], y: 0 },
  { f: ['w=fog', 'suf=g'], y: 1 },
];

function train(): Perceptron {
  const p = new Perceptron(['T', 'G'], 12);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const { f, y } of data) {
      const x = p.index(f);
      p.update(x, y, p.predict(x));
      p.tick();
    }
  }
  p.average();
  return p;
}

describe('Perceptron', () => {
  it('learns a separable task and generalises through shared features', () => {
    const p = train();
    expect(p.predict(p.index(['w=hat', 'suf=t']))).toBe(0);
    expect(p.predict(p.index(['w=log', 'suf=g']))).toBe(1);
  });

  it('survives a save and load with the same predictions', () => {
    const p = train();
    const { model, meta } = Perceptron.deserialize(p.serialize({ corpus: 'toy' }));
    expect(meta).toEqual({ corpus: 'toy' });
    expect(model.labels).toEqual(['T', 'G']);
    for (const { f, y } of data) expect(model.predict(model.index(f))).toBe(y);
  });

  it('loads compact: the kept rows after one shared zero row, the same scores, no further training', () => {
    const p = train();
    const { model } = Perceptron.deserialize(p.serialize());
    const L = 2;
    const kept = new Set([...Array(1 << 12).keys()].filter((b) => p.weights[b * L] !== 0 || p.weights[b * L + 1] !== 0));
    expect(model.dense).toBe(false);
    expect(model.weights.length).toBe((kept.size + 1) * L);
    for (let b = 0; b < 1 << 12; b++) expect(model.rows[b] === 0).toBe(!kept.has(b));
    for (const { f } of [...data, { f: ['w=hat', 'unseen'] }]) {
      const dense = p.score(p.index(f), new Float32Array(L));
      const compact = model.score(model.index(f), new Float32Array(L));
      for (let l = 0; l < L; l++) expect(compact[l]).toBeCloseTo(dense[l]!, 3);
    }
    expect(() => model.update(model.index(['w=cat']), 0, 1)).toThrow(/cannot be trained/);
  });

  it('hashes deterministically and shuffles reproducibly', () => {
    expect(hashFeature('w=cat')).toBe(hashFeature('w=cat'));
    expect(hashFeature('w=cat')).not.toBe(hashFeature('w=bat'));
    const a = shuffle([1, 2, 3, 4, 5, 6], seededRandom(7));
    const b = shuffle([1, 2, 3, 4, 5, 6], seededRandom(7));
    expect(a).toEqual(b);
  });
});
