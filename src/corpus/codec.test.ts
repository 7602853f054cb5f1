import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { documentId } from '../ingest/index.js';
import { jsonUtf8, packAnalysis, unpackAnalysis } from './codec.js';

describe('the stored report', () => {
  it('is written as JSON.stringify writes it, in pieces', () => {
    const text = 'Officials in Kharkiv said “the shelling stopped” overnight, according to the regional governor. Kyiv said nothing.';
    const analysis = analyzeDocument({ id: documentId(text), text, language: 'en', publishedAt: '2025-03-01', source: { kind: 'text' } });
    const long = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? undefined : { i, s: `«${'é'.repeat(i)}»` }));
    for (const value of [
      analysis as unknown as Record<string, unknown>,
      {},
      { a: undefined, b: [], c: long, d: 'x'.repeat(300_000), e: long.slice(0, 32), f: long.slice(0, 33), g: () => 1 },
      { big: Array.from({ length: 5000 }, (_, i) => ({ i, text: '\u2019ü'.repeat(200) })) },
    ]) {
      expect(jsonUtf8(value).equals(Buffer.from(JSON.stringify(value)))).toBe(true);
    }
    expect(unpackAnalysis(packAnalysis(analysis), text)).toEqual(analysis);
  });
});
