import { describe, expect, it } from 'vitest';
import { LABELS, NerModel } from './model.js';
import { NerTagger } from './runtime.js';
import { trainNer } from './train.js';
import { readNerFile } from './file.js';

// A toy corpus in CoNLL-2003 format (IOB1), written for this test.
function corpus(): string {
  const lines: string[] = [];
  const people = ['Halyna Rudenko', 'Bohdan Savchuk', 'Oksana Lytvyn'];
  const places = ['Vinnytsia', 'Rivne', 'Ternopil'];
  for (let d = 0; d < 4; d++) {
    lines.push('-DOCSTART- -X- O O', '');
    for (let i = 0; i < 3; i++) {
      const [first, last] = people[(d + i) % 3]!.split(' ');
      lines.push(`${first} NNP I-NP I-PER`, `${last} NNP I-NP I-PER`, 'left VBD I-VP O', `${places[(d + 2 * i) % 3]} NNP I-NP I-LOC`, '. . O O', '');
    }
  }
  return lines.join('\n');
}

/** Emissions the generic way (the training features, one hashed row each) over the file's int16 table. */
function genericEmissions(model: NerModel, file: Buffer, doc: string[][]): Float32Array[] {
  const { slots, values, bits } = readNerFile(file);
  const L = LABELS.length;
  return model.featurize(doc).map(({ rows, offsets }) => {
    const out = new Float32Array((offsets.length - 1) * L);
    for (let t = 0; t + 1 < offsets.length; t++) {
      for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
        const row = slots[(rows[k]! / L) & ((1 << bits) - 1)]!;
        for (let l = 0; l < L; l++) out[t * L + l]! += values[row + l]!;
      }
    }
    return out;
  });
}

describe('NerTagger', () => {
  const model = trainNer(corpus(), { epochs: 3, seed: 3, bits: 12, folds: 2, places: ['Rivne'] });
  const file = model.save({ note: 'toy' });

  it('scores exactly as the training features do, word sums cached or not', () => {
    const tagger = NerTagger.load(file);
    const doc = [
      ['Oksana', 'Lytvyn', 'left', 'Rivne', '.'],
      ['THE', 'MAYOR', 'OF', 'VINNYTSIA', 'SPOKE'],
      ['Rudenko', 'said', '\u201cno\u201d', 'to', 'Savchuk', 'in', 'Ternopil', 'on', 'Monday', '.'],
      ['Rivne'],
    ];
    const expected = genericEmissions(model, file, doc);
    expect(tagger.emissions(doc)).toEqual(expected);
    expect(tagger.emissions(doc)).toEqual(expected); // second time from the word cache
  });

  it('keeps the metadata and tags an empty document', () => {
    const tagger = NerTagger.load(file);
    expect(tagger.meta.note).toBe('toy');
    expect(tagger.tagDocument([])).toEqual([]);
  });

  it('rejects a file of another format', () => {
    expect(() => NerTagger.load(Buffer.from([0x1f, 0x8b]))).toThrow();
  });
});
