import { describe, expect, it } from 'vitest';
import { LABELS } from './model.js';
import { NerTagger } from './runtime.js';
import { trainNer } from './train.js';

// A toy corpus in CoNLL-2003 format (IOB1), written for this test.
const people = ['Olena Shevchuk', 'Taras Bondar', 'Iryna Melnyk', 'Petro Koval'];
const places = ['Poltava', 'Sumy', 'Chernihiv', 'Uzhhorod'];
const orgs = ['Caritas', 'UNICEF', 'Oxfam', 'Medair'];
function corpus(): string {
  const lines: string[] = [];
  for (let d = 0; d < 6; d++) {
    lines.push('-DOCSTART- -X- O O', '');
    for (let i = 0; i < 4; i++) {
      const [first, last] = people[(d + i) % 4]!.split(' ');
      lines.push(`${first} NNP I-NP I-PER`, `${last} NNP I-NP I-PER`, 'of IN I-PP O', `${orgs[(d + 2 * i) % 4]} NNP I-NP I-ORG`);
      lines.push('visited VBD I-VP O', `${places[(d + 3 * i) % 4]} NNP I-NP I-LOC`, '. . O O', '');
    }
  }
  return lines.join('\n');
}

describe('trainNer', () => {
  const options = { epochs: 3, seed: 7, bits: 14, folds: 2, places: ['Poltava'] };

  it('is deterministic for a seed', () => {
    expect(trainNer(corpus(), options).save({}).equals(trainNer(corpus(), options).save({}))).toBe(true);
  });

  it('learns the toy corpus, and the saved file loads back with the same behaviour', () => {
    const model = NerTagger.load(trainNer(corpus(), options).save({ note: 'toy' }));
    expect(model.meta.note).toBe('toy');
    const [sentence] = model.tagDocument([['Iryna', 'Melnyk', 'of', 'Oxfam', 'visited', 'Sumy', '.']]);
    expect(Array.from(sentence!.labels, (l) => LABELS[l])).toEqual([
      'B-PER',
      'I-PER',
      'O',
      'B-ORG',
      'O',
      'B-LOC',
      'O',
    ]);
  });
});
