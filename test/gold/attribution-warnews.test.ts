/**
 * The attribution gold set of our own (test/gold/attribution/warnews, 30 warnews articles; see
 * its README.md) as a regression test: the report's attributions must keep at least the scores
 * measured when the floors below were last raised. Runs when ../shared holds the articles.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { evaluateReport } from '../../src/attributions/evaluate.js';
import { loadTagger } from '../../src/attributions/tagger.js';
import { reportAttributions } from '../../src/cli/attribution.js';
import { readBratFolder } from '../../src/eval/brat.js';
import { describeWithShared } from '../../src/testing/shared.js';

const GOLD = fileURLToPath(new URL('./attribution/warnews', import.meta.url));

describeWithShared(['data', 'warnews', 'articles'], 'attribution gold set on warnews', () => {
  let scores: Awaited<ReturnType<typeof evaluateReport>>;
  beforeAll(async () => {
    scores = await evaluateReport(readBratFolder(GOLD), reportAttributions(loadTagger()));
  });

  it('reads all 30 annotated articles, each with its kinds', () => {
    expect(scores.documents).toBe(30);
    expect(scores.source.exact.gold).toBeGreaterThan(190);
  });

  it('finds the sources exactly and types them', () => {
    expect(scores.source.exact.f1).toBeGreaterThanOrEqual(0.77);
    expect(scores.all.overlap.f1).toBeGreaterThanOrEqual(0.88);
    expect(scores.kinds.accuracy).toBeGreaterThanOrEqual(0.94);
  });
});
