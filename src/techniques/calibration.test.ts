import { describe, expect, it } from 'vitest';
import { calibrate, fitCalibrator, Logistic, reliability } from './calibration.js';

describe('calibration', () => {
  it('reliability: bins by predicted probability, ECE is the count-weighted gap', () => {
    // two in the 0.1 bin (0.1, 0.1; one right), two in the 0.9 bin (0.9, 0.9; both right)
    const { rows, ece } = reliability([0.1, 0.1, 0.9, 0.9], [1, 0, 1, 1]);
    expect(rows.map((r) => [r.count, r.observed])).toEqual([
      [2, 0.5],
      [2, 1],
    ]);
    expect(ece).toBeCloseTo(0.5 * 0.4 + 0.5 * 0.1, 10);
  });

  it('a logistic fit recovers the rate of each group it can tell apart', () => {
    // x = 1: right 8 times in 10; x = 0: right 2 times in 10
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 10; i++) {
      x.push([1, 1], [1, 0]);
      y.push(i < 8 ? 1 : 0, i < 2 ? 1 : 0);
    }
    const model = Logistic.fit(x, y, { l2: 0, iterations: 3000, rate: 1 });
    expect(model.predict([1, 1])).toBeCloseTo(0.8, 2);
    expect(model.predict([1, 0])).toBeCloseTo(0.2, 2);
  });

  it('fitCalibrator standardises its inputs and keeps the scale with the weights', () => {
    const rows = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90].map((v) => [1, v]);
    const c = fitCalibrator(rows, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(calibrate(c, [1, 90])).toBeGreaterThan(0.8);
    expect(calibrate(c, [1, 0])).toBeLessThan(0.2);
    expect(c.mean[0]).toBe(0);
  });
});
