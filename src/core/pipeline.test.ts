import { describe, expect, it } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { Doc } from './doc.js';
import { runPipeline } from './pipeline.js';

const makeDoc = (text = 'One. Two.') =>
  new Doc({ id: 'x', text, language: 'en', publishedAt: null, source: { kind: 'text' } });

const sentences = defineAnalyzer({
  name: 'sentences',
  reads: [],
  adds: 'sentences',
  run: (doc) => [{ start: 0, end: doc.text.length }],
});
const findings = defineAnalyzer({
  name: 'findings',
  reads: ['sentences'],
  adds: 'findings',
  run: (doc) => doc.get('sentences').map((s) => ({ rule: 'demo', severity: 'info' as const, message: 'a sentence', spans: [s] })),
});

describe('runPipeline', () => {
  it('runs analyzers in order and records the time of each', () => {
    const doc = makeDoc();
    const result = runPipeline(doc, [sentences, findings]);
    expect(doc.get('findings')).toHaveLength(1);
    expect(result.timings.map((t) => t.analyzer)).toEqual(['sentences', 'findings']);
    expect(result.cut).toEqual([]);
  });

  it('cuts an analyzer whose input layer is missing, and says why', () => {
    const result = runPipeline(makeDoc(), [findings]);
    expect(result.cut).toEqual(['findings (needs sentences, which did not run)']);
  });

  it('cuts the remaining analyzers once the budget is spent', () => {
    let clock = 0;
    const slow = defineAnalyzer({ ...sentences, run: (doc) => { clock += 50; return sentences.run(doc, { expired: () => false }); } });
    const result = runPipeline(makeDoc(), [slow, findings], { budgetMs: 10, now: () => clock });
    expect(result.timings.map((t) => t.analyzer)).toEqual(['sentences']);
    expect(result.cut).toEqual(['findings (time budget of 10 ms spent)']);
  });

  it('refuses to let an analyzer overwrite a layer', () => {
    expect(() => runPipeline(makeDoc(), [sentences, sentences])).toThrow(/already set/);
  });
});
