import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/schema.js';
import { analyze } from '../analyze.js';
import { confidenceModel, FEATURES, fitLogistic, hideWeakAttributions, isRight, predict } from './confidence.js';
import { calibration } from './calibrate.js';

const span = (start: number, end: number) => ({ start, end });
const attribution = (over: Partial<Attribution>): Attribution => ({ id: 'a1', source: { start: 0, end: 5, text: 'Smith', kind: 'named-person' }, cue: span(6, 10), content: span(11, 30), ...over });

describe('attribution confidence', () => {
  it('is right when the source is a gold source exactly and the content overlaps its content', () => {
    const gold = [{ source: [{ role: 'source' as const, start: 0, end: 5 }], cue: [{ role: 'cue' as const, start: 6, end: 10 }], content: [{ role: 'content' as const, start: 11, end: 40 }] }];
    expect(isRight(attribution({}), gold)).toBe(true);
    expect(isRight(attribution({ source: { start: 0, end: 4, text: 'Smit', kind: 'named-person' } }), gold)).toBe(false);
    expect(isRight(attribution({ content: span(50, 60) }), gold)).toBe(false);
    // no source: the cue must be a gold cue
    expect(isRight(attribution({ source: null }), gold)).toBe(true);
    expect(isRight(attribution({ source: null, cue: span(41, 45) }), gold)).toBe(false);
  });

  it('fits a logistic model that separates what can be separated, deterministically', () => {
    const xs = Array.from({ length: 200 }, (_, i) => FEATURES.map((_, k) => (k === 0 ? (i % 2 ? 1 : -1) : 0)));
    const ys = xs.map((x) => (x[0]! > 0 ? 1 : 0));
    const m = fitLogistic(xs, ys);
    expect(predict(m, xs[1]!)).toBeGreaterThan(0.9);
    expect(predict(m, xs[0]!)).toBeLessThan(0.1);
    expect(fitLogistic(xs, ys)).toEqual(m);
  });

  it('measures calibration: ECE and the share right among those given 0.8 or more', () => {
    const c = calibration([0.9, 0.85, 0.2, 0.1], [1, 0, 0, 0]);
    expect(c.high).toEqual({ count: 2, right: 1, share: 0.5 });
    expect(c.bins.map((b) => b.count)).toEqual([1, 1, 1, 1]);
    expect(c.ece).toBeGreaterThan(0);
  });

  it('hides the attributions below --min-confidence from a view, keeps those without one, and leaves the report alone without it', () => {
    const report = { attributions: [attribution({ id: 'a1', confidence: 0.9 }), attribution({ id: 'a2', confidence: 0.5 }), attribution({ id: 'a3' })] };
    expect(hideWeakAttributions(report, 0.8).attributions.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(hideWeakAttributions(report, undefined)).toBe(report);
    expect(report.attributions).toHaveLength(3);
  });

  it('ships a model of this version’s features, and the report gives every attribution a confidence in 0..1', async () => {
    const m = confidenceModel.load();
    expect(m.features).toEqual([...FEATURES]);
    const a = await analyze(
      'The governor said on Monday that two people were killed. “We will rebuild,” he told reporters. Residents, according to the mayor, left the town.',
    );
    expect(a.attributions.length).toBeGreaterThan(1);
    for (const x of a.attributions) {
      expect(x.confidence).toBeGreaterThanOrEqual(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
    }
    // the named governor saying is likelier right than nothing in particular
    const governor = a.attributions.find((x) => x.source?.text === 'The governor');
    expect(governor?.confidence).toBeGreaterThan(0.5);
  });
});
