import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { eventsAnalyzer } from '../events/analyzer.js';
import { describeWithShared, SEED_PATH, SEED_PUBLISHED } from '../testing/shared.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { timesAnalyzer } from '../times/analyzer.js';
import { findingsAnalyzer } from './analyzer.js';

const doc = (text: string, publishedAt: string | null) => ({ id: '0123456789abcdef', text, language: 'en', publishedAt, source: { kind: 'text' as const } });

describe('times, events and findings in the pipeline', () => {
  it('run without the entity, place and attribution layers', () => {
    const text = 'Russian forces shelled the depot on Thursday. On December 13th, Ukrainian troops stormed the hill.';
    const analysis = analyzeDocument(doc(text, null), [], {
      analyzers: [sentencesAnalyzer, tokensAnalyzer, timesAnalyzer, eventsAnalyzer, findingsAnalyzer],
    });
    expect(analysis.cut).toEqual([]);
    expect(analysis.times.map((t) => t.value)).toEqual([null, 'XXXX-12-13']);
    expect(analysis.events.map((e) => [e.type, e.side, e.time?.value ?? null])).toEqual([
      ['battle', 'UA', 'XXXX-12-13'],
      ['shelling', 'RU', null],
    ]);
    expect(analysis.findings.map((f) => f.rule)).toEqual(['unanchored-dates']);
  });
});

describeWithShared(['seed'], 'the seed article through the whole default pipeline', () => {
  it('dates the statements, and finds the variant spellings, Krasnogorsk and the 1 / 13 December contradiction', () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    const analysis = analyzeDocument(doc(text, SEED_PUBLISHED));
    const values = analysis.times.map((t) => [t.text, t.value]);
    expect(values).toContainEqual(['December 13th', '2025-12-13']);
    expect(values).toContainEqual(['December 1st', '2025-12-01']);
    const covered = (rule: string, word: string) =>
      analysis.findings.some((f) => f.rule === rule && f.spans.some((s) => text.slice(s.start, s.end).includes(word)));
    expect(covered('toponym-variants', 'Krasnoarmskoye') && covered('toponym-variants', 'Krasnoarmiysk')).toBe(true);
    expect(covered('place-out-of-region', 'Krasnogorsk')).toBe(true);
    expect(covered('chronology', 'December 1st') && covered('chronology', 'December 13th')).toBe(true);
  });
});
