import { describe, expect, it } from 'vitest';
import type { RoleSpan } from '../eval/brat.js';
import { segment } from '../text/segment.js';
import { repairLabels } from './repair.js';
import { labelsToSpans, spansToLabels } from './tagger.js';

/** The source span after repair, given the tagger's spans (pieces of the text) as labels. */
function repairedSource(text: string, tagged: [RoleSpan['role'], string][]): string | undefined {
  const { tokens } = segment(text, 'en');
  const spans = tagged.map(([role, piece]) => ({ role, start: text.indexOf(piece), end: text.indexOf(piece) + piece.length }));
  const source = labelsToSpans(tokens, repairLabels(tokens, spansToLabels(tokens, spans))).find((s) => s.role === 'source');
  return source && text.slice(source.start, source.end);
}

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
