import { describe, expect, it } from 'vitest';
import { Perceptron } from '../learn/perceptron.js';
import { prune } from './train.js';

describe('prune', () => {
  it('drops the rows whose weights are all near zero and keeps the others whole', () => {
    const p = new Perceptron(['a', 'b'], 2);
    p.weights.set([10, -2, 0.25, -0.25, 0, 0, 0.125, 3]);
    expect(prune(p, 0.05)).toBe(2);
    expect([...p.weights]).toEqual([10, -2, 0, 0, 0, 0, 0.125, 3]);
  });
});
