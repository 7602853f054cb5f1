import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import { renderTerminal } from '../report/terminal.js';
import { defineAnalyzer } from './analyzer.js';
import { analysisSchema } from './schema.js';
import type { DocumentInfo } from './schema.js';

// A new layer, as a folder of its own would declare it: its type, its analyzer with its schema.
declare module './layers.js' {
  interface Layers {
    questions: { start: number; end: number }[];
  }
}
const questionsAnalyzer = defineAnalyzer({
  name: 'questions',
  version: 1,
  requires: ['sentences'],
  adds: 'questions',
  schema: (T) => T.Array(T.Object({ start: T.Integer({ minimum: 0 }), end: T.Integer({ minimum: 0 }) })),
  absent: [],
  run: (doc) => doc.get('sentences').filter((s) => doc.slice(s).trimEnd().endsWith('?')),
});

const info = (text: string): DocumentInfo => ({ id: 'q', text, language: 'en', publishedAt: '2025-12-15', source: { kind: 'text' } });
const TEXT = 'Who fired first? Officials did not say. Was the bridge hit? Nobody knows.';

describe('the report, derived from the registry', () => {
  it('shows a newly registered analyzer in the schema, the JSON and the terminal', () => {
    const pipeline = [...defaultAnalyzers, questionsAnalyzer]; // the one line that registers it
    const schema = analysisSchema(pipeline);
    expect(schema.properties).toHaveProperty('questions');
    expect(schema.required).toContain('questions');

    const analysis = analyzeDocument(info(TEXT), [], { analyzers: pipeline });
    const json = JSON.parse(JSON.stringify(analysis)) as Record<string, unknown>;
    expect(json.questions).toEqual([{ start: 0, end: 16 }, { start: 40, end: 59 }]);
    expect(analysis.layers.map((l) => l.layer)).toContain('questions');

    expect(renderTerminal(analysis, { color: false })).toContain('2 questions');
  });

  it('records what made each layer: analyzer, version, model hash and time', () => {
    const analysis = analyzeDocument(info(TEXT));
    expect(analysis.layers.map((l) => l.layer)).toEqual(defaultAnalyzers.map((a) => a.adds));
    const entities = analysis.layers.find((l) => l.layer === 'entities')!;
    expect(entities).toMatchObject({ analyzer: 'entities', version: expect.any(Number), model: { name: 'ner.bin' } });
    expect(entities.model!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(analysis.layers.find((l) => l.layer === 'times')).not.toHaveProperty('model');
  });
});

describe('re-analysis', () => {
  const strip = ({ layers: _l, timings: _t, ...rest }: ReturnType<typeof analyzeDocument>) => rest;
  const recomputed = (a: ReturnType<typeof analyzeDocument>) => a.layers.filter((l) => !l.reused).map((l) => l.layer);
  const TEXT2 = 'Russian troops shelled Izium on Saturday, the governor said. "We will rebuild," he told Reuters.';

  it('keeps every layer of an earlier report of the same text (internal ones are recomputed)', () => {
    const first = analyzeDocument(info(TEXT2));
    const again = analyzeDocument(info(TEXT2), [], { reuse: first });
    expect(recomputed(again)).toEqual(defaultAnalyzers.filter((a) => !a.schema && !a.attach).map((a) => a.adds));
    expect(strip(again)).toEqual(strip(first));
  });

  it('recomputes exactly the layer whose analyzer changed version, and what depends on it', () => {
    const first = analyzeDocument(info(TEXT2));
    const bumped = defaultAnalyzers.map((a) => (a.name === 'attributions' ? { ...a, version: a.version + 1 } : a));
    const again = analyzeDocument(info(TEXT2), [], { analyzers: bumped, reuse: first });
    expect(recomputed(again)).toEqual(expect.arrayContaining(['attributions', 'sourcing', 'events', 'findings']));
    expect(recomputed(again)).not.toEqual(expect.arrayContaining(['sentences']));
    for (const kept of ['sentences', 'entities', 'places', 'times']) expect(recomputed(again)).not.toContain(kept);
    expect(again.layers.find((l) => l.layer === 'attributions')!.version).toBe(first.layers.find((l) => l.layer === 'attributions')!.version + 1);
    expect(strip(again)).toEqual(strip(first));
  });

  it('reuses nothing from the report of another text, and says so', () => {
    const other = analyzeDocument(info('Something else entirely.'));
    const again = analyzeDocument(info(TEXT2), [], { reuse: other });
    expect(again.layers.some((l) => l.reused)).toBe(false);
    expect(again.warnings).toMatchObject([{ rule: 'reuse-no-match', source: 'analyze', message: expect.stringMatching(/no earlier report of this document/) }]);
  });
});
