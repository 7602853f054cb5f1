import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';

describe('segment', () => {
  it('splits English into sentences and tokens whose offsets slice the text exactly', () => {
    const text = 'Gen. Ivanov said on Monday that the town fell. Kyiv denied it!\n\n“We hold it,” a spokesman said.';
    const { sentences, tokens } = segment(text, 'en');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Gen. Ivanov said on Monday that the town fell.',
      'Kyiv denied it!',
      '“We hold it,” a spokesman said.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'said')?.pos).toBe('VERB');
    expect(tokens.find((t) => t.text === 'Kyiv')?.sentence).toBe(1);
  });

  it('keeps offsets exact around astral characters and odd spacing', () => {
    const text = '😀 Emoji first.   Then   wide   gaps.';
    const { tokens } = segment(text, 'en');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('gaps');
  });

  it('segments Russian with Intl.Segmenter', () => {
    const text = 'Войска вошли в Покровск. Киев это отрицает.';
    const { sentences, tokens } = segment(text, 'ru');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Войска вошли в Покровск.', 'Киев это отрицает.']);
    expect(tokens.filter((t) => t.pos === 'X').map((t) => t.text)).toContain('Покровск');
    expect(tokens.at(-1)).toMatchObject({ text: '.', pos: 'PUNCT', sentence: 1 });
  });

  it('returns nothing for whitespace', () => {
    expect(segment('   \n ', 'en')).toEqual({ sentences: [], tokens: [] });
  });
});
