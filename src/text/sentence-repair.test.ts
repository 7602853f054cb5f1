import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';
import { joinBrokenSentences } from './sentence-repair.js';
import { sentencesAnalyzer, tokensAnalyzer } from './analyzers.js';
import { analyze } from '../analyze.js';

/** The sentences of the text layer, as text. */
function sentencesOf(text: string): string[] {
  const { sentences, tokens } = segment(text, 'en');
  for (const t of tokens) expect(sentences[t.sentence]!.start <= t.start && t.end <= sentences[t.sentence]!.end).toBe(true);
  return sentences.map((s) => text.slice(s.start, s.end));
}

describe('joinBrokenSentences', () => {
  it('does not end a sentence inside a parenthesis', () => {
    const text = '“It is a disgrace,” said Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus. He left.';
    expect(sentencesOf(text)).toEqual(['“It is a disgrace,” said Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus.', 'He left.']);
  });

  it('does not end a sentence at a title’s abbreviation', () => {
    const text = 'By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls. It rained.';
    expect(sentencesOf(text)).toEqual(['By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls.', 'It rained.']);
  });

  it('does not start a sentence with a lower-case word', () => {
    expect(sentencesOf('“Is it?” he asks. Nobody knows.')).toEqual(['“Is it?” he asks.', 'Nobody knows.']);
  });

  it('keeps the layers as they are when nothing is joined, and never joins across a line break', () => {
    const text = 'The dam holds (for now.\nIt rained.';
    const layer = segment(text, 'en');
    expect(layer.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['The dam holds (for now.', 'It rained.']);
    const joined = joinBrokenSentences(text, layer.sentences, layer.tokens);
    expect(joined.tokens).toBe(layer.tokens);
    expect(joined.sentences).toBe(layer.sentences);
  });

  it('is what the report gives every layer', async () => {
    const text = 'By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls. It rained.';
    const a = await analyze({ kind: 'text', text }, { analyzers: [sentencesAnalyzer, tokensAnalyzer] });
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['By 9 a.m. Sunday, the Rev. Al Sharpton began taking calls.', 'It rained.']);
  });
});
