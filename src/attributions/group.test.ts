import { describe, expect, it } from 'vitest';
import type { RoleSpan } from '../core/roles.js';
import { groupSpans } from './group.js';

function at(text: string, role: RoleSpan['role'], piece: string, from = 0): RoleSpan {
  const start = text.indexOf(piece, from);
  if (start < 0) throw new Error(piece);
  return { role, start, end: start + piece.length };
}
const sentencesOf = (text: string) => {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^.]+\./g)) {
    const start = m.index + m[0].length - m[0].trimStart().length;
    out.push({ start, end: m.index + m[0].length });
  }
  return out;
};

describe('groupSpans', () => {
  it('joins each source and content to the nearest cue of its sentence', () => {
    const text = 'Ana said the dam holds. Ben said it leaks, and Cy claimed it was fine.';
    const spans = [
      at(text, 'source', 'Ana'), at(text, 'cue', 'said'), at(text, 'content', 'the dam holds'),
      at(text, 'source', 'Ben'), at(text, 'cue', 'said', 10), at(text, 'content', 'it leaks'),
      at(text, 'source', 'Cy'), at(text, 'cue', 'claimed'), at(text, 'content', 'it was fine'),
    ];
    const groups = groupSpans(text, sentencesOf(text), spans);
    expect(groups.map((g) => [g.source && text.slice(g.source.start, g.source.end), text.slice(g.contents[0]!.start, g.contents[0]!.end)])).toEqual([
      ['Ana', 'the dam holds'],
      ['Ben', 'it leaks'],
      ['Cy', 'it was fine'],
    ]);
  });

  it('turns a content with no cue into a continuation of the attribution before it', () => {
    const text = 'Ana said the dam holds. Its walls are very new. Stop.';
    const spans = [at(text, 'source', 'Ana'), at(text, 'cue', 'said'), at(text, 'content', 'the dam holds'), at(text, 'content', 'Its walls are very new'), at(text, 'content', 'Stop')];
    const groups = groupSpans(text, sentencesOf(text), spans);
    expect(groups[1]!.mode).toBe('continuation');
    expect(groups[1]!.source).toEqual(groups[0]!.source);
    expect(groups).toHaveLength(2); // a one-word fragment is too little to continue a claim
  });

  it('gives a cue without a tagged content the rest of its sentence', () => {
    const text = 'Ana said that the dam holds.';
    const groups = groupSpans(text, sentencesOf(text), [at(text, 'source', 'Ana'), at(text, 'cue', 'said')]);
    expect(text.slice(groups[0]!.contents[0]!.start, groups[0]!.contents[0]!.end)).toBe('the dam holds');
  });

  it('keeps a quotation split by its cue as two fragments', () => {
    const text = '"The dam holds," Ana said, "for now."';
    const spans = [at(text, 'content', '"The dam holds,"'), at(text, 'source', 'Ana'), at(text, 'cue', 'said'), at(text, 'content', '"for now."')];
    const [g] = groupSpans(text, [{ start: 0, end: text.length }], spans);
    expect(g!.contents).toHaveLength(2);
    expect(g!.mode).toBe('direct');
  });

  // Issue 18: "officials said " x 66,000 (1 MB, one sentence) spent 42 s in attributions: the cues of
  // a sentence were copied per cue, and every cue searched all orphan contents.
  it('stays linear on one run-on sentence of tens of thousands of cues and orphan contents', () => {
    const unit = 'officials said the bridge held ';
    const n = 30_000;
    const text = `${unit.repeat(n)}.`;
    const spans: RoleSpan[] = [];
    for (let i = 0; i < n; i++) {
      const o = i * unit.length;
      spans.push({ role: 'source', start: o, end: o + 9 }, { role: 'cue', start: o + 10, end: o + 14 });
      if (i % 2 === 0) spans.push({ role: 'content', start: o + 15, end: o + 30 });
    }
    const t0 = performance.now();
    const groups = groupSpans(text, [{ start: 0, end: text.length }], spans);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(groups.length).toBeGreaterThanOrEqual(n / 2);
  });
});
