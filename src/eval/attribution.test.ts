import { describe, expect, it } from 'vitest';
import { fragments, parseAnn } from './brat.js';
import { scoreAttributions } from './attribution.js';
import type { RoleSpan } from '../core/roles.js';

const s = (role: RoleSpan['role'], start: number, end: number): RoleSpan => ({ role, start, end });

describe('parseAnn', () => {
  const text = 'The mayor said the bridge "will open\nin May," officials added.';
  const ann = [
    'T1\tSource 0 9\tThe mayor',
    'T2\tCue 10 14\tsaid',
    'T3\tContent 15 36;37 44\tthe bridge "will open in May,"',
    'T4\tAttribution 10 14\tsaid',
    'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3',
    'T5\tDiscuss 0 3\tThe',
    '#1\tAnnotatorNotes T1\ta note',
  ].join('\n');

  it('reads Source, Cue and Content spans and ignores the other types', () => {
    const { spans, attributions } = parseAnn(text, ann);
    expect(spans.map((x) => x.role)).toEqual(['source', 'cue', 'content']);
    expect(attributions).toHaveLength(1);
    expect(attributions[0]!.source).toEqual([s('source', 0, 9)]);
  });

  it('reads a source kind from an A line, as our own gold sets give it', () => {
    const { attributions } = parseAnn(text, `${ann}\nA1\tKind T1 named-person`);
    expect(attributions[0]!.kind).toBe('named-person');
    expect(parseAnn(text, ann).attributions[0]!.kind).toBeUndefined();
  });

  it('joins fragments separated only by whitespace, keeps real gaps', () => {
    expect(fragments(text, '15 36;37 44', 'content')).toEqual([s('content', 15, 44)]);
    expect(fragments(text, '0 3;10 14', 'cue')).toEqual([s('cue', 0, 3), s('cue', 10, 14)]);
  });
});

describe('scoreAttributions', () => {
  it('is perfect when the prediction is the gold', () => {
    const gold = [s('source', 0, 5), s('cue', 6, 10), s('content', 11, 30)];
    const scores = scoreAttributions([{ gold, predicted: gold }]);
    expect(scores.all.exact.f1).toBe(1);
    expect(scores.all.overlap.f1).toBe(1);
  });

  it('counts a shifted span for overlap but not for exact, per role', () => {
    const gold = [s('source', 0, 9), s('content', 15, 40)];
    const predicted = [s('source', 4, 9), s('content', 15, 40), s('cue', 10, 14)];
    const scores = scoreAttributions([{ gold, predicted }]);
    expect(scores.source.exact.f1).toBe(0);
    expect(scores.source.overlap.f1).toBe(1);
    expect(scores.content.exact.f1).toBe(1);
    // the cue has no gold: precision 0 for cues, and it costs the 'all' precision
    expect(scores.cue.exact.precision).toBe(0);
    expect(scores.all.exact.precision).toBeCloseTo(1 / 3);
    expect(scores.all.exact.recall).toBeCloseTo(1 / 2);
    expect(scores.all.overlap.precision).toBeCloseTo(2 / 3);
    expect(scores.all.overlap.recall).toBe(1);
  });

  it('does not credit an overlap across roles', () => {
    const scores = scoreAttributions([{ gold: [s('source', 0, 9)], predicted: [s('content', 0, 9)] }]);
    expect(scores.all.overlap.f1).toBe(0);
  });

  it('counts gold of documents with no prediction and duplicates once', () => {
    const scores = scoreAttributions([
      { gold: [s('cue', 0, 4)], predicted: [s('cue', 0, 4), s('cue', 0, 4)] },
      { gold: [s('cue', 0, 4)], predicted: [] },
    ]);
    expect(scores.cue.exact.precision).toBe(1);
    expect(scores.cue.exact.recall).toBe(0.5);
    expect(scores.cue.exact.gold).toBe(2);
  });
});
