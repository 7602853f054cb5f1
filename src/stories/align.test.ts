import { describe, expect, it } from 'vitest';
import { alignSentences, type Span } from './align.js';

/** sentences of a text made of lines */
function lines(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

const origin = [
  'Russian troops entered the village of Robotyne on Monday, the ministry said.',
  'Two tanks were destroyed in the fighting near the school.',
  'The village had been held by Ukrainian forces since August.',
  'Residents were evacuated to Zaporizhzhia last week.',
].join('\n');

function kinds(rewrite: string) {
  return alignSentences(origin, lines(origin), rewrite, lines(rewrite)).map((a) => [
    a.kind,
    a.origin ? origin.slice(a.origin.start, a.origin.start + 12) : null,
    a.rewrite ? rewrite.slice(a.rewrite.start, a.rewrite.start + 12) : null,
  ]);
}

describe('alignSentences', () => {
  it('marks same, changed, added and dropped sentences, in the rewrite’s order', () => {
    const rewrite = [
      'Russian troops entered the village of Robotyne on Monday, the ministry said.',
      'Two tanks were wiped out in the fighting close to the school.',
      'Kyiv has not commented.',
      'Residents were evacuated to Zaporizhzhia last week.',
    ].join('\n');
    expect(kinds(rewrite)).toEqual([
      ['same', 'Russian troo', 'Russian troo'],
      ['changed', 'Two tanks we', 'Two tanks we'],
      ['dropped', 'The village ', null],
      ['added', null, 'Kyiv has not'],
      ['same', 'Residents we', 'Residents we'],
    ]);
  });

  it('follows paragraphs that moved', () => {
    const rewrite = [origin.split('\n')[3], origin.split('\n')[0]].join('\n');
    expect(kinds(rewrite).filter((k) => k[0] === 'same').map((k) => k[1])).toEqual(['Residents we', 'Russian troo']);
  });

  it('aligns both halves of a sentence the rewrite split in two', () => {
    const rewrite = 'Russian troops entered the village of Robotyne on Monday.\nThe ministry said so on Monday, in the village of Robotyne.';
    const k = kinds(rewrite);
    expect(k.filter((x) => x[1] === 'Russian troo').map((x) => x[0])).toEqual(['changed', 'changed']);
  });

  it('does not take a sentence of shared words for a rewrite of another', () => {
    const k = kinds('The ministry said the village was quiet.');
    expect(k.filter((x) => x[0] === 'added')).toHaveLength(1);
  });
});

describe('alignSentences, sentences without a word', () => {
  it('pairs them by their characters, one to one, and leaves the rest added or dropped', () => {
    const o = ['The talks resumed in Geneva on Monday.', '___.', '* * *', 'Both sides reported progress.'].join('\n');
    const r = ['The talks resumed in Geneva on Monday.', '* * *', '”', 'Both sides reported progress.'].join('\n');
    const got = alignSentences(o, lines(o), r, lines(r)).map((a) => [a.kind, a.origin && o.slice(a.origin.start, a.origin.end), a.rewrite && r.slice(a.rewrite.start, a.rewrite.end)]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['same', '* * *', '* * *'],
        ['added', null, '”'],
        ['dropped', '___.', null],
      ]),
    );
    expect(got).toHaveLength(5);
  });
});
