/**
 * The attribution confidence (models/attribution-confidence.json; its card beside it) re-measured:
 * of the attributions the report gives 0.8 or more, the share right on PolNeAR dev (fitted there:
 * 92.4% in sample, 91.8% out of fold) and on our own warnews gold set (never fitted on: 89.4%) must
 * stay at or above 85% (the issue asks 80%), with enough of them to mean something.
 * Runs when ../shared holds PolNeAR dev.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { sharedPath } from '../../src/core/paths.js';
import { calibration, collectRows } from '../../src/attributions/calibrate.js';
import { confidenceModel, predict } from '../../src/attributions/confidence.js';
import { loadTagger } from '../../src/attributions/tagger.js';
import { readBratFolder } from '../../src/eval/brat.js';
import { describeWithShared } from '../../src/testing/shared.js';

const OWN = fileURLToPath(new URL('./attribution/warnews', import.meta.url));

describeWithShared(['data', 'polnear', 'dev'], 'attribution confidence is calibrated', () => {
  const measure = async (dir: string) => {
    const rows = await collectRows(readBratFolder(dir), loadTagger());
    return calibration(rows.map((r) => predict(confidenceModel.load(), r.x)), rows.map((r) => r.y));
  };

  it('on PolNeAR dev', async () => {
    const c = await measure(sharedPath('data', 'polnear', 'dev'));
    expect(c.high.count).toBeGreaterThan(700);
    expect(c.high.share).toBeGreaterThanOrEqual(0.85);
    expect(c.ece).toBeLessThan(0.06);
  }, 120_000);

  it('on our own warnews gold set', async () => {
    const c = await measure(OWN);
    expect(c.high.count).toBeGreaterThan(80);
    expect(c.high.share).toBeGreaterThanOrEqual(0.85);
  }, 120_000);
});
