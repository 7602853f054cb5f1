import { describe, expect, it } from 'vitest';
import { defineAnalyzer } from './analyzer.js';
import { Doc } from './doc.js';
import { runPipeline } from './pipeline.js';

const makeDoc = (text = 'One. Two.') =>
  new Doc({ id: 'x', text, language: 'en', publishedAt: null, source: { kind: 'text' } });

const sentences = defineAnalyzer({
  name: 'sentences',
  version: 1,
  requires: [],
  adds: 'sentences',
  run: (doc) => [{ start: 0, end: doc.text.length }],
});
const findings = defineAnalyzer({
  name: 'findings',
  version: 1,
  requires: ['sentences'],
  adds: 'findings',
  run: (doc) => doc.get('sentences').map((s) => ({ rule: 'demo', source: 'findings', severity: 'info' as const, message: 'a sentence', spans: [s] })),
});

describe('runPipeline', () => {
  it('runs analyzers after what they require, whatever the order of the list, and times each', () => {
    const doc = makeDoc();
    const result = runPipeline(doc, [findings, sentences]);
    expect(doc.get('findings')).toHaveLength(1);
    expect(result.timings.map((t) => t.analyzer)).toEqual(['sentences', 'findings']);
    expect(result.cut).toEqual([]);
  });

  it('runs an optional input first when it is in the pipeline, and without it when it is not', () => {
    const tokens = defineAnalyzer({ name: 'tokens', version: 1, requires: [], optional: ['sentences'], adds: 'tokens', run: () => [] });
    expect(runPipeline(makeDoc(), [tokens, sentences]).timings.map((t) => t.analyzer)).toEqual(['sentences', 'tokens']);
    expect(runPipeline(makeDoc(), [tokens]).timings.map((t) => t.analyzer)).toEqual(['tokens']);
  });

  it('refuses a pipeline missing a requirement, naming it', () => {
    expect(() => runPipeline(makeDoc(), [findings])).toThrow("analyzer 'findings' requires 'sentences', which no analyzer in the pipeline adds");
  });

  it('refuses a cycle, naming it', () => {
    const a = defineAnalyzer({ name: 'a', version: 1, requires: ['tokens'], adds: 'sentences', run: () => [] });
    const b = defineAnalyzer({ name: 'b', version: 1, requires: ['sentences'], adds: 'tokens', run: () => [] });
    expect(() => runPipeline(makeDoc(), [a, b])).toThrow('analyzers depend on each other in a cycle: a -> b -> a');
  });

  it('refuses two analyzers adding one layer', () => {
    expect(() => runPipeline(makeDoc(), [sentences, { ...sentences, name: 'other' }])).toThrow(
      "analyzers 'sentences' and 'other' both add the layer 'sentences'",
    );
  });

  it('cuts the remaining analyzers once the budget is spent', () => {
    let clock = 0;
    const slow = defineAnalyzer({ ...sentences, run: (doc) => { clock += 50; return sentences.run(doc, { expired: () => false }); } });
    const result = runPipeline(makeDoc(), [slow, findings], { budgetMs: 10, now: () => clock });
    expect(result.timings.map((t) => t.analyzer)).toEqual(['sentences']);
    expect(result.cut).toEqual([
      { rule: 'time-budget', source: 'pipeline', severity: 'warning', message: 'findings (time budget of 10 ms spent)', spans: [], evidence: { analyzer: 'findings', layer: 'findings' } },
    ]);
  });

  it('lets an analyzer stop part way when its loop sees the budget spent, and names its layer partial', () => {
    let clock = 0;
    // one sentence per 10 ms of the clock, until the budget says stop
    const looping = defineAnalyzer({
      ...sentences,
      run: (doc, ctx) => {
        const out = [];
        for (let i = 0; i < 100 && !ctx.expired(); i++, clock += 10) out.push({ start: i, end: i + 1 });
        return out;
      },
    });
    const doc = makeDoc();
    const seen: { name: string; provenance: unknown }[] = [];
    const result = runPipeline(doc, [looping, findings], { budgetMs: 35, now: () => clock, onLayer: (name, _l, _t, provenance) => seen.push({ name, provenance }) });
    expect(doc.get('sentences')).toHaveLength(4);
    expect(result.cut.map((c) => [c.rule, c.message])).toEqual([
      ['partial', 'sentences (time budget of 35 ms spent; stopped part way, its layer is partial)'],
      ['time-budget', 'findings (time budget of 35 ms spent)'],
    ]);
    // a partial layer carries no provenance: a later run must recompute it, not reuse it
    expect(result.layers).toEqual([]);
    expect(seen).toEqual([{ name: 'sentences', provenance: undefined }]);
  });
});
