import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import type { Attribution, DocumentInfo } from '../core/schema.js';
import { SEED_PATH, SEED_PUBLISHED, describeWithShared } from '../testing/shared.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { attributionsAnalyzer, sourcingAnalyzer } from './analyzer.js';

describeWithShared(['seed'], 'attributions on the seed article', () => {
  const text = readFileSync(SEED_PATH, 'utf8');
  const info: DocumentInfo = { id: 'seed', text, language: 'en', publishedAt: SEED_PUBLISHED, source: { kind: 'text' } };
  // Without the entities layer: the kinds must come from the wording alone. A budget no load
  // reaches: at the default 10 s, a busy machine stops attributions part way.
  const analysis = analyzeDocument(info, [], { analyzers: [sentencesAnalyzer, tokensAnalyzer, attributionsAnalyzer, sourcingAnalyzer], budgetMs: 600_000 });
  const bySource = (piece: string): Attribution => {
    const found = analysis.attributions.find((a) => a.source?.text.includes(piece));
    if (!found) throw new Error(`no attribution with a source containing '${piece}'`);
    expect(found.content.end).toBeGreaterThan(found.content.start);
    return found;
  };

  it('finds the anonymous law-enforcement source, via RIA Novosti, and "as per the source" attached to it', () => {
    const first = bySource('law enforcement');
    expect(first.source!.kind).toBe('anonymous');
    expect(first.via?.map((v) => v.name)).toContain('RIA Novosti');
    const again = analysis.attributions.find((a) => a.source?.text === 'the source');
    expect(again?.source?.refersTo).toBe(first.id);
    expect(again?.source?.kind).toBe('anonymous');
  });

  it('tells pseudonymous, named, anonymous and collective sources apart', () => {
    expect(bySource('Shuba').source!.kind).toBe('pseudonymous');
    expect(bySource('Gerasimov').source!.kind).toBe('named-person');
    expect(bySource('Putin').source!.kind).toBe('named-person');
    expect(bySource('unnamed Ukrainian general').source!.kind).toBe('anonymous');
    expect(bySource('Russian officials').source!.kind).toBe('collective');
    expect(['collective', 'named-organization']).toContain(bySource('Russian authorities').source!.kind);
    expect(['collective', 'named-organization']).toContain(bySource('administration').source!.kind);
  });

  it('reports a passive judgement with no agent as an attribution without a source', () => {
    const passive = analysis.attributions.find((a) => a.mode === 'passive' && a.source === null);
    expect(passive?.cue?.text).toMatch(/\bdeemed$/);
  });

  it('finds Gerasimov reporting to Putin in a sentence that opens with a participle phrase', () => {
    // the cue may take its preposition ("reported to"), as PolNeAR's cues often do ("referring to", "said of")
    const report = analysis.attributions.find((a) => /^reported\b/.test(a.cue?.text ?? '') && a.source?.text.includes('Valery Gerasimov'));
    expect(report?.source?.kind).toBe('named-person');
  });

  it('reads "the reported presence of extremist symbols" as no attribution', () => {
    expect(analysis.attributions.filter((a) => a.cue?.text === 'reported' && /\bthe$/.test(a.source?.text ?? ''))).toEqual([]);
  });

  it('profiles the sourcing', () => {
    const sourcing = analysis.sourcing!;
    expect(sourcing.outlets).toContain('RIA Novosti');
    expect(sourcing.namedSources.some((n) => n.includes('Gerasimov'))).toBe(true);
    expect(sourcing.byKind.anonymous).toBeGreaterThanOrEqual(2);
    expect(sourcing.factualSentences).toBeGreaterThan(10);
  });
});
