import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.js';

describe('excerpt', () => {
  const text = 'Officials said   the dam\nwill hold.';
  const all = { start: 0, end: text.length };

  it('collapses whitespace and keeps a short span whole', () => {
    expect(excerpt(text, all, 80)).toBe('Officials said the dam will hold.');
  });

  it('cuts a long span with an ellipsis, reading only its head', () => {
    expect(excerpt(text, all, 10)).toBe('Officials…');
    const long = `x ${'word '.repeat(100_000)}`;
    expect(excerpt(long, { start: 0, end: long.length }, 12)).toBe('x word word…');
  });

  it('takes another normalisation', () => {
    expect(excerpt(text, all, 80, (s) => s.toUpperCase())).toBe('OFFICIALS SAID   THE DAM\nWILL HOLD.');
  });
});
