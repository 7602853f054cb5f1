import { describe, expect, it } from 'vitest';
import type { RoleSpan } from '../core/roles.js';
import { segment } from '../text/segment.js';
import { cuesInContent, repairLabels } from './repair.js';
import { labelsToSpans, spansToLabels } from './tagger.js';

/** The source span after repair, given the tagger's spans (pieces of the text) as labels. */
function repairedSource(text: string, tagged: [RoleSpan['role'], string][]): string | undefined {
  const { tokens } = segment(text, 'en');
  const spans = tagged.map(([role, piece]) => ({ role, start: text.indexOf(piece), end: text.indexOf(piece) + piece.length }));
  const source = labelsToSpans(tokens, repairLabels(tokens, spansToLabels(tokens, spans))).find((s) => s.role === 'source');
  return source && text.slice(source.start, source.end);
}

describe('repairLabels: a source run on into its clause', () => {
  it('ends at a finite verb with an object, not at a participle or inside a relative clause', () => {
    const text = 'The Clinton campaign released an ad this week that says the dam holds.';
    expect(repairedSource(text, [['source', 'The Clinton campaign released an ad this week'], ['cue', 'says'], ['content', 'the dam holds']])).toBe('The Clinton campaign');
    const participle = 'A report released by the union says the dam holds.';
    expect(repairedSource(participle, [['source', 'A report released by the union'], ['cue', 'says'], ['content', 'the dam holds']])).toBe('A report released by the union');
  });
});

describe('repairLabels: sources with an apposition', () => {
  it('takes the name before a tagged description, with the comma that closes it', () => {
    const text = 'Ana Berg, a lawyer for the union, said the dam holds.';
    expect(repairedSource(text, [['source', 'a lawyer for the union'], ['cue', 'said'], ['content', 'the dam holds']])).toBe('Ana Berg, a lawyer for the union,');
  });

  it('joins a name and its description tagged apart', () => {
    const text = 'Ana Berg, a lawyer for the union, said the dam holds.';
    expect(repairedSource(text, [['source', 'Ana Berg'], ['source', 'a lawyer for the union,'], ['cue', 'said'], ['content', 'the dam holds']])).toBe('Ana Berg, a lawyer for the union,');
  });

  it('runs a description after its cue to the end of the sentence', () => {
    const text = '“The dam holds,” said Ana Berg, a lawyer who has worked for the union since 2010.';
    expect(repairedSource(text, [['content', 'The dam holds,'], ['cue', 'said'], ['source', 'Ana Berg, a lawyer']])).toBe('Ana Berg, a lawyer who has worked for the union since 2010');
  });

  it('drops a trailing comma with no cue after it, and leaves a sentence-opening time phrase out', () => {
    const text = '“The dam holds,” said Berg, who later left.';
    expect(repairedSource(text, [['content', 'The dam holds,'], ['cue', 'said'], ['source', 'Berg,']])).toBe('Berg');
    const later = 'Last week, the union said the dam holds.';
    expect(repairedSource(later, [['source', 'the union'], ['cue', 'said'], ['content', 'the dam holds']])).toBe('the union');
  });

  it('takes a noun cue glued to a source ending in a common noun into the source', () => {
    const text = 'A stack of engineering reports warned that the dam could fail.';
    expect(repairedSource(text, [['source', 'A stack of engineering'], ['cue', 'reports'], ['content', 'the dam could fail']])).toBe('A stack of engineering reports');
  });
});

describe('repairLabels: where a source phrase ends', () => {
  it('runs a phrase cut at a determiner, an adjective or a title on to its head', () => {
    const text = 'The Republican nominee continues to insist that he is right.';
    expect(repairedSource(text, [['source', 'The'], ['cue', 'continues to insist'], ['content', 'that he is right']])).toBe('The Republican nominee');
    const title = 'But President Obama said the dam holds.';
    expect(repairedSource(title, [['source', 'President'], ['cue', 'said'], ['content', 'the dam holds']])).toBe('President Obama');
  });

  it('keeps a possessive before a noun cue, as PolNeAR marks it', () => {
    const text = 'Politifact checked Donald Trump’s claim that the dam holds.';
    expect(repairedSource(text, [['source', 'Donald Trump’s'], ['cue', 'claim'], ['content', 'that the dam holds']])).toBe('Donald Trump’s');
  });

  it('reads a name across an abbreviation’s period', () => {
    const text = '“The dam holds,” said the Rev. Peter Wherry.';
    expect(repairedSource(text, [['content', 'The dam holds,'], ['cue', 'said'], ['source', 'the Rev'], ['source', 'Peter Wherry']])).toBe('the Rev. Peter Wherry');
  });

  it('joins a name and each description after it, up to the comma before the cue', () => {
    const text = 'Johnnie Wilson, of Springfield, Va., said he had fought.';
    expect(repairedSource(text, [['source', 'Johnnie Wilson'], ['source', 'of Springfield'], ['source', 'Va.'], ['cue', 'said'], ['content', 'he had fought']])).toBe('Johnnie Wilson, of Springfield, Va.,');
  });

  it('does not take a common noun before a name the tagger began', () => {
    const text = 'In a Bloomberg interview Trump declared that the dam holds.';
    expect(repairedSource(text, [['source', 'Trump'], ['cue', 'declared'], ['content', 'that the dam holds']])).toBe('Trump');
    const title = 'The town’s chief engineer said the dam holds.';
    expect(repairedSource(title, [['source', 'engineer'], ['cue', 'said'], ['content', 'the dam holds']])).toBe('The town’s chief engineer');
  });
});

describe('cuesInContent: a claiming verb swallowed into content', () => {
  const run = (text: string, strongWords: string[]) => {
    const { tokens } = segment(text, 'en');
    const start = text.indexOf('Adding');
    const labels = spansToLabels(tokens, [{ role: 'content', start, end: text.length - 1 }]);
    const isCue = (i: number) => strongWords.includes(tokens[i]!.text);
    const spans = labelsToSpans(tokens, repairLabels(tokens, cuesInContent(tokens, labels, isCue, () => new Uint8Array(tokens.length))));
    return spans.map((s) => `${s.role}: ${text.slice(s.start, s.end)}`);
  };

  it('makes a strong cue verb after a name the cue, and the name its source', () => {
    expect(run('Adding to the gravity, General Valery Gerasimov reported to Putin that the town fell.', ['reported'])).toEqual([
      'source: General Valery Gerasimov',
      'cue: reported',
      'content: to Putin that the town fell',
    ]);
  });

  it('leaves content alone when the verb is not a cue or no name stands before it', () => {
    expect(run('Adding to the gravity, General Valery Gerasimov walked to Putin.', ['reported'])).toEqual(['content: Adding to the gravity, General Valery Gerasimov walked to Putin']);
    expect(run('Adding to the gravity, the general reported to Putin that the town fell.', ['reported'])).toEqual([
      'content: Adding to the gravity, the general reported to Putin that the town fell',
    ]);
  });
});
