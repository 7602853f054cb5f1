import { describe, expect, it } from 'vitest';
import { testTechniqueRule } from '../../testing/rule-tester.js';
import { articleContext } from '../corpus.js';
import { applyGuards } from '../guards.js';
import { loadWarLexicon, parseWarLexicon } from '../war.js';
import { runRules } from './index.js';
import { warVocabulary } from './war-vocabulary.js';

testTechniqueRule(warVocabulary, {
  invalid: [
    { input: 'The ministry spoke of the Kyiv regime again.', marks: ['Kyiv regime'], messages: [/^rule war-vocabulary: 'Kyiv regime' \(/] },
  ],
  valid: ['Voters in the region went to the polls on Sunday.', 'The regime in Minsk has backed the war, the report said.'],
});

/** The war-vocabulary spans a text keeps once the context guards have run, as technique and words. */
function marks(text: string): string[] {
  const ctx = articleContext(text);
  return applyGuards(ctx, runRules(ctx, [warVocabulary])).kept.map((t) => `${t.technique}: ${text.slice(t.start, t.end)}`);
}

describe('the war vocabulary of both sides', () => {
  it('fires on every entry in its own example sentence, with the entry technique', () => {
    for (const e of loadWarLexicon().entries) {
      const found = marks(e.example);
      expect(found.some((m) => m.startsWith(`${e.technique}: `) && m.toLowerCase().includes(e.phrase.split(' ')[0]!)), `${e.phrase} in '${e.example}'`).toBe(true);
    }
  });

  it('covers both sides', () => {
    const phrases = loadWarLexicon().entries.map((e) => e.phrase);
    for (const p of ['kyiv regime', 'special military operation', 'neo-nazis', 'liberation', 'orcs', 'rashists', 'sham vote']) expect(phrases).toContain(p);
  });

  it('stays quiet on a name once the guards have run', () => {
    expect(marks('Crowds gathered on Liberation Square on Sunday.')).toEqual([]);
  });

  it('rejects a malformed line with its line number', () => {
    expect(() => parseWarLexicon('orcs\tName_Calling,Labeling\n', 'x.tsv')).toThrow(/x.tsv:1/);
    expect(() => parseWarLexicon('orcs\tNo_Such_Technique\tcue\texample\n', 'x.tsv')).toThrow(/x.tsv:1/);
  });
});
