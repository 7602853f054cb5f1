import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { fixtureAnalysis } from '../testing/report-fixtures.js';
import { SCHEMA_FILE, analysisSchemaJson } from './schema-file.js';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(committed));
const errorsOf = (value: unknown) => (validate(value) ? [] : validate.errors);

describe('schema/analysis.schema.json', () => {
  it('is what the TypeBox AnalysisSchema gives now (run `npm run schema` after changing it)', () => {
    expect(committed).toBe(analysisSchemaJson());
  });

  it('accepts the Analysis of a short article run through the pipeline', () => {
    const text = 'The mayor of Springfield said on Monday that the bridge would reopen in May. Critics doubt it.';
    const analysis = analyzeDocument({
      id: '0123456789abcdef', text, language: 'en', publishedAt: '2024-04-02', source: { kind: 'text' },
    });
    expect(analysis.sentences.length).toBeGreaterThan(0);
    expect(errorsOf(analysis)).toEqual([]);
  });

  it('accepts a hand-made Analysis that fills every layer', () => {
    const a = fixtureAnalysis();
    expect(a.entities.some((e) => e.place?.candidates?.length)).toBe(true);
    expect(a.attributions.some((x) => x.via?.length)).toBe(true);
    expect(a.techniques.some((t) => t.cues?.length)).toBe(true);
    expect([a.times, a.events, a.findings].every((layer) => layer.length > 0)).toBe(true);
    expect(a.sourcing).toBeDefined();
    expect(errorsOf(a)).toEqual([]);
  });

  it('rejects what breaks the contract', () => {
    const a = fixtureAnalysis();
    const badSpan = { ...a, techniques: [{ ...a.techniques[0]!, start: -1 }] };
    const badKind = { ...a, entities: [{ ...a.entities[0]!, type: 'city' }] };
    const badDate = { ...a, document: { ...a.document, publishedAt: '15/12/2025' } };
    const missing: Record<string, unknown> = { ...a };
    delete missing.findings;
    for (const bad of [badSpan, badKind, badDate, missing]) expect(validate(bad)).toBe(false);
  });
});
