import { describe, expect, it } from 'vitest';
import { Case, describeWord, normalizeWord } from './words.js';

describe('normalizeWord', () => {
  it('straightens curly quotes and dashes, as in the Reuters training text', () => {
    expect(normalizeWord('\u2018Azov\u2019')).toBe("'Azov'");
    expect(normalizeWord('\u201cno\u201d')).toBe('"no"');
    expect(normalizeWord('\u2014')).toBe('--');
  });
});

describe('describeWord', () => {
  it('gives words of one shape the same shape hashes', () => {
    expect(describeWord('Kharkiv').shortShapeHash).toBe(describeWord('Odesa').shortShapeHash);
    expect(describeWord('U.S.').shortShapeHash).toBe(describeWord('U.N.').shortShapeHash);
    expect(describeWord('Kharkiv').shortShapeHash).not.toBe(describeWord('kharkiv').shortShapeHash);
  });

  it('keys words by their lower-cased, straightened form', () => {
    expect(describeWord('KYIV').lowerHash).toBe(describeWord('Kyiv').lowerHash);
    expect(describeWord('\u2019s').lowerHash).toBe(describeWord("'s").lowerHash);
    expect(describeWord('1996-08-22').digitsHash).toBe(describeWord('2025-12-15').digitsHash);
  });

  it('tells the letter case', () => {
    expect(describeWord('Kyiv').casing).toBe(Case.Title);
    expect(describeWord('NATO').casing).toBe(Case.Upper);
    expect(describeWord('said').casing).toBe(Case.Lower);
    expect(describeWord('McDonald').casing).toBe(Case.Mixed);
    expect(describeWord('1996').casing).toBe(Case.None);
    expect(describeWord('"Kyiv').capitalised).toBe(true);
  });
});
