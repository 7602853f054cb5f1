import { describe, expect, it, vi } from 'vitest';
import { defineAnalyzer } from '../core/analyzer.js';
import { warmInParallel } from './parallel.js';
import { provideSegmentation, segment } from './segment.js';

describe('segment with a layer provided', () => {
  it('takes a layer computed elsewhere once, for that text and language only', () => {
    const text = 'Provided once. Then computed.';
    const layer = { sentences: [{ start: 0, end: 4 }], tokens: [] };
    provideSegmentation(text, 'en', layer);
    expect(segment(text, 'ru')).not.toBe(layer);
    expect(segment(text, 'en')).toBe(layer);
    expect(segment(text, 'en').sentences).toHaveLength(2);
  });
});

describe('warmInParallel', () => {
  it('warms every analyzer, leaves segmentation as it would be in line, and runs once per process', async () => {
    const text = 'The council met on Monday. The mayor said the bridge would close.';
    const warm = vi.fn();
    const probe = defineAnalyzer({ name: 'probe', reads: [], adds: 'findings', run: () => [], warm });
    await warmInParallel(text, 'en', [probe]);
    expect(warm).toHaveBeenCalledTimes(1);
    const expected = segment(`${text} `, 'en'); // a different text: computed in line
    expect(segment(text, 'en').sentences).toEqual(expected.sentences);
    await warmInParallel(text, 'en', [probe]);
    expect(warm).toHaveBeenCalledTimes(1);
  });
});
