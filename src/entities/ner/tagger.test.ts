import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../core/doc.js';
import { segment } from '../../text/segment.js';
import { sharedPath } from '../../core/paths.js';
import { describeWithShared } from '../../testing/shared.js';
import { evaluateNer } from './evaluate.js';
import { loadNerModel, tagEntities, type NerSpan } from './tagger.js';

function tag(text: string): (NerSpan & { text: string })[] {
  const { tokens, sentences } = segment(text, 'en');
  return tagEntities(text, tokens, sentences).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

describe('tagEntities with the shipped model', () => {
  it('loads the model once and reuses it', () => {
    const started = performance.now();
    const model = loadNerModel();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(loadNerModel()).toBe(model);
  });

  it('finds a person, an organisation and a place, with exact offsets', () => {
    const spans = tag('Olena Kovalenko of the Red Cross arrived in Kharkiv on Monday.');
    expect(spans.map((s) => [s.text, s.label])).toEqual([
      ['Olena Kovalenko', 'PER'],
      ['Red Cross', 'ORG'],
      ['Kharkiv', 'LOC'],
    ]);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0);
    for (const s of spans) expect(s.confidence).toBeLessThanOrEqual(1);
  });

  it('reads news prose with curly quotes and dashes without moving offsets', () => {
    const text = 'The mayor of Odesa \u2014 Gennadiy Trukhanov \u2014 said \u2018the port\u2019 would reopen, the \u201cUnited Nations\u201d confirmed.';
    const spans = tag(text);
    const found = spans.map((s) => [s.text, s.label]);
    expect(found).toContainEqual(['Odesa', 'LOC']);
    expect(found).toContainEqual(['Gennadiy Trukhanov', 'PER']);
    expect(found).toContainEqual(['United Nations', 'ORG']);
  });

  it('returns nothing for text without tokens, and is fast on adversarial input', () => {
    expect(tag('')).toEqual([]);
    for (const text of ['a'.repeat(200_000), '"'.repeat(200_000), 'aaa, '.repeat(40_000), 'Aaa '.repeat(50_000)]) {
      // Tokens made here (one sentence of up to 200k tokens), so only the tagger is timed.
      const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        pos: 'X',
        sentence: 0,
      }));
      const started = performance.now();
      const spans = tagEntities(text, tokens, [{ start: 0, end: text.length }]);
      expect(performance.now() - started).toBeLessThan(15_000);
      for (const s of spans) expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });
});

describeWithShared(['data', 'conll2003', 'eng.testa'], 'NER on CoNLL-2003 eng.testa (dev split)', () => {
  it('reaches exact-match F1 >= 0.88', () => {
    const score = evaluateNer(readFileSync(sharedPath('data', 'conll2003', 'eng.testa'), 'utf8'));
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.88);
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) expect(score.byType[type]!.f1).toBeGreaterThan(0.8);
  });
});
