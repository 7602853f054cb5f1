import { describe, expect, it } from 'vitest';
import { jsonChunks, writeJson } from './json-chunks.js';

describe('jsonChunks', () => {
  const samples: unknown[] = [
    { a: 1, b: [1, 2, { c: 'x\ny "q"', d: [] }], e: {}, f: null, g: undefined, h: [undefined, () => 1, 'z'], i: { j: { k: { l: [1, { m: 2 }] } } } },
    [],
    {},
    [[], [[]], [{}], [{ a: [] }]],
    'text',
    3,
    null,
    { date: new Date(0), nested: [{ date: new Date(1) }] },
    { s: 'a\u2028b\u0000c“”' },
  ];
  it('gives exactly JSON.stringify(value, null, indent)', () => {
    for (const value of samples) {
      for (const indent of [1, 2]) {
        for (const depth of [0, 1, 2, 3, 6]) expect([...jsonChunks(value, indent, depth)].join('')).toBe(JSON.stringify(value, null, indent));
      }
    }
  });
  it('writes in pieces and ends with a newline', () => {
    const value = { rows: Array.from({ length: 2000 }, (_, i) => ({ i, s: 'word '.repeat(i % 7) })) };
    const pieces: string[] = [];
    writeJson((p) => pieces.push(p), value, 2, 4096);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
