import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import type { DocumentInfo } from '../core/schema.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { attributionsAnalyzer, sourcingAnalyzer } from './analyzer.js';

const pipeline = [sentencesAnalyzer, tokensAnalyzer, attributionsAnalyzer, sourcingAnalyzer];
const run = (text: string) => {
  const info: DocumentInfo = { id: 't', text, language: 'en', publishedAt: '2024-03-01', source: { kind: 'text' } };
  return analyzeDocument(info, [], { analyzers: pipeline, budgetMs: 60_000 });
};

describe('attributions analyzer', () => {
  it('reads who claims what in a short article of our own', () => {
    const text =
      'The harbour will close for two weeks, port director Ana Berg said on Friday. ' +
      'According to a source in the city council, who spoke to Reuters, the repairs will cost more than planned. ' +
      'The plan was later deemed too expensive.';
    const analysis = run(text);
    const berg = analysis.attributions.find((a) => a.source?.text.includes('Ana Berg'));
    expect(berg?.source?.kind).toBe('named-person');
    expect(text.slice(berg!.content.start, berg!.content.end)).toContain('harbour will close');
    const anonymous = analysis.attributions.find((a) => a.source?.kind === 'anonymous');
    expect(anonymous?.via).toEqual([{ name: 'Reuters' }]);
    expect(analysis.attributions.some((a) => a.mode === 'passive' && a.source === null)).toBe(true);
    expect(analysis.sourcing?.outlets).toEqual(['Reuters']);
  });

  it('gives a participle after a comma, or a verb after "and", the source of the cue before it', () => {
    const text =
      'General Ana Berg denied the report on Monday, saying that her units still held the bridge. ' +
      'Mayor Ben Ortiz called the vote a victory and said the works would begin in spring. ' +
      'The bridge was reported closed, adding to the delays.';
    const analysis = run(text);
    const byCue = (cue: string) => analysis.attributions.find((a) => a.cue?.text === cue);
    expect(byCue('saying')?.source).toMatchObject({ text: 'General Ana Berg', refersTo: byCue('denied')!.id });
    expect(byCue('said')?.source?.text).toBe('Mayor Ben Ortiz');
    // a passive cue has no source to share
    expect(analysis.attributions.filter((a) => a.source && a.content.start > text.indexOf('The bridge was'))).toEqual([]);
  });

  it('gives no attributions for a language it was not trained on', () => {
    const info: DocumentInfo = { id: 't', text: 'Мэр сказал, что мост откроют.', language: 'ru', publishedAt: null, source: { kind: 'text' } };
    expect(analyzeDocument(info, [], { analyzers: pipeline }).attributions).toEqual([]);
  });

  it.each([['a'.repeat(200_000)], ['"'.repeat(200_000)], ['aaa, '.repeat(40_000)], ['He said, according to them, '.repeat(5_000)], ['said Ana Berg, a lawyer for the union, '.repeat(5_000)]])(
    'finishes fast on adversarial input (%#)',
    (text) => {
      const analysis = run(text);
      const ms = analysis.timings.filter((t) => t.analyzer === 'attributions' || t.analyzer === 'sourcing').reduce((n, t) => n + t.ms, 0);
      expect(analysis.cut).toEqual([]);
      expect(ms).toBeLessThan(5_000);
    },
  );
});
