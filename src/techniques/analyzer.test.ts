import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import type { DocumentInfo } from '../core/schema.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { candidatesAnalyzer, techniqueSpansAnalyzer, techniqueSummaryAnalyzer, techniquesAnalyzer } from './analyzer.js';

const info = (text: string, language = 'en'): DocumentInfo => ({
  id: 'example',
  text,
  language,
  publishedAt: null,
  source: { kind: 'text' },
});

const pipeline = [sentencesAnalyzer, tokensAnalyzer, techniqueSpansAnalyzer, techniquesAnalyzer, candidatesAnalyzer, techniqueSummaryAnalyzer];

describe('the techniques analyzer', () => {
  it('adds technique spans with technique, confidence and cues, offsets into the text', () => {
    const text = 'Mayor slams brutal crackdown\n\nThe so-called "reform" sent shockwaves through the town, and stoked fears of a wider collapse.\n';
    const { techniques } = analyzeDocument(info(text), [], { analyzers: pipeline });
    expect(techniques.length).toBeGreaterThan(0);
    expect(techniques.map((t) => t.technique)).toContain('Loaded_Language');
    for (const t of techniques) {
      expect(text.slice(t.start, t.end).trim().length).toBeGreaterThan(0);
      expect(t.cues!.length).toBeGreaterThan(0);
    }
  });

  it('reports nothing for a language it was not trained on', () => {
    const { techniques } = analyzeDocument(info('Жорстокий обстріл шокував місто.', 'uk'), [], { analyzers: pipeline });
    expect(techniques).toEqual([]);
  });
});
