import { describe, expect, it } from 'vitest';
import { readConll, scoreConll, tagsToChunks } from './conll.js';

describe('readConll', () => {
  it('keeps documents and sentences and takes the last column as the tag', () => {
    const docs = readConll(
      ['-DOCSTART- -X- O O', '', 'Anna NNP I-NP I-PER', 'runs VBZ I-VP O', '', 'Lviv NNP I-NP I-LOC', '', '-DOCSTART- -X- O O', '', 'Hi UH O O', ''].join('\n'),
    );
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences.map((s) => s.words)).toEqual([['Anna', 'runs'], ['Lviv']]);
    expect(docs[0]!.sentences[0]!.tags).toEqual(['I-PER', 'O']);
    expect(docs[0]!.sentences[0]!.pos).toEqual(['NNP', 'VBZ']);
    expect(docs[1]!.sentences).toHaveLength(1);
  });
});

describe('tagsToChunks (conlleval rules)', () => {
  it('reads IOB1: I- opens a chunk, B- only splits two adjacent chunks of one type', () => {
    expect(tagsToChunks(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ]);
  });

  it('reads IOB2 and splits on a type change inside an I- run', () => {
    expect(tagsToChunks(['B-ORG', 'I-ORG', 'I-LOC', 'O'])).toEqual([
      { start: 0, end: 2, type: 'ORG' },
      { start: 2, end: 3, type: 'LOC' },
    ]);
  });

  it('closes a chunk at the end of the sentence', () => {
    expect(tagsToChunks(['O', 'B-MISC', 'I-MISC'])).toEqual([{ start: 1, end: 3, type: 'MISC' }]);
    expect(tagsToChunks([])).toEqual([]);
  });
});

describe('scoreConll', () => {
  // Gold (IOB1), one sentence of 8 tokens: [Anna Petrenko]PER met [Kyiv]LOC officials in [Lviv]LOC [Odesa]LOC,
  // the last two adjacent LOC chunks told apart by B-.
  const gold = [['I-PER', 'I-PER', 'O', 'I-LOC', 'O', 'O', 'I-LOC', 'B-LOC']];

  it('scores a perfect prediction written in another encoding (BIO) as perfect', () => {
    const s = scoreConll(gold, [['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'B-LOC', 'B-LOC']]);
    expect(s.overall).toMatchObject({ gold: 4, predicted: 4, correct: 4, precision: 1, recall: 1, f1: 1 });
  });

  it('counts a type error and a boundary error as wrong, by hand: P = 1/3, R = 1/4', () => {
    // type error: Kyiv as ORG; boundary error: Lviv Odesa merged into one LOC chunk.
    const s = scoreConll(gold, [['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'O', 'B-LOC', 'I-LOC']]);
    expect(s.overall).toMatchObject({ gold: 4, predicted: 3, correct: 1 });
    expect(s.overall.precision).toBeCloseTo(1 / 3);
    expect(s.overall.recall).toBeCloseTo(1 / 4);
    expect(s.overall.f1).toBeCloseTo((2 * (1 / 3) * (1 / 4)) / (1 / 3 + 1 / 4));
    expect(s.byType.PER).toMatchObject({ gold: 1, predicted: 1, correct: 1, f1: 1 });
    expect(s.byType.LOC).toMatchObject({ gold: 3, predicted: 1, correct: 0, f1: 0 });
    expect(s.byType.ORG).toMatchObject({ gold: 0, predicted: 1, correct: 0, precision: 0 });
  });

  it('gives zeros, not NaN, for empty predictions', () => {
    const s = scoreConll(gold, [gold[0]!.map(() => 'O')]);
    expect(s.overall).toMatchObject({ gold: 4, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('refuses predictions that do not line up with the gold tokens', () => {
    expect(() => scoreConll(gold, [['O']])).toThrow(/sentence 0/);
  });
});
