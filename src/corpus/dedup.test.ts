import { describe, expect, it } from 'vitest';
import { seededRandom } from '../learn/perceptron.js';
import { normaliseText, textHash } from './dedup.js';

/** How the text was normalised when the stores' hashes were written: what normaliseText must still give. */
const asBefore = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

describe('the text compared for duplicates', () => {
  it('is normalised as the stored hashes were: every run of white space one space', () => {
    const random = seededRandom(3);
    const parts = ['a', 'Kyïv', '’', '“', '—', ' ', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => parts[Math.floor(random() * parts.length)]).join('');
      expect(normaliseText(text)).toBe(asBefore(text));
    }
    expect(textHash('Officials  said\n\nKharkiv was “shelled”.')).toBe(textHash('officials said kharkiv was "shelled".'));
  });
});
