/**
 * The attribution confidence (models/attribution-confidence.json; its card beside it) re-measured:
 * of the attributions the report gives 0.8 or more, the share right on PolNeAR dev (fitted there:
 * 90.5% in sample, 90.1% out of fold) and on our own warnews gold set (never fitted on: 91.7%) must
 * stay at or above 85% (the issue asks 80%), with enough of them to mean something (698 on dev and
 * 72 on warnews since the tagger is trained with its beam; 842 and 104 before, when it scored lower).
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
    expect(c.high.count).toBeGreaterThan(600);
    expect(c.high.share).toBeGreaterThanOrEqual(0.85);
    expect(c.ece).toBeLessThan(0.06);
  }, 120_000);

  it('on our own warnews gold set', async () => {
    const c = await measure(OWN);
    expect(c.high.count).toBeGreaterThan(60);
    expect(c.high.share).toBeGreaterThanOrEqual(0.85);
  }, 120_000);
});
