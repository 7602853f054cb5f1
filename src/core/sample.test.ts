import { describe, expect, it } from 'vitest';
import { sampleByFile } from './sample.js';

const items = Array.from({ length: 40 }, (_, i) => ({ file: `f${i % 4}`, i }));

describe('samples to read by hand', () => {
  it('draws the same items for the same seed, in their original order', () => {
    const a = sampleByFile(items, 10, 7);
    expect(a).toEqual(sampleByFile(items, 10, 7));
    expect(a.map((x) => x.i)).toEqual([...a.map((x) => x.i)].sort((x, y) => x - y));
    expect(a).toHaveLength(10);
  });

  it('takes at most so many from one file, and fewer than asked when the files run out', () => {
    const a = sampleByFile(items, 10, 7, 2);
    expect(a).toHaveLength(8);
    for (const f of ['f0', 'f1', 'f2', 'f3']) expect(a.filter((x) => x.file === f)).toHaveLength(2);
  });
});
