import { describe, expect, it } from 'vitest';
import { tooBigMessage } from './limits.js';

describe('tooBigMessage', () => {
  it('gives sizes that round alike in bytes (issue 18: "20.0 MB, over the 20.0 MB limit")', () => {
    expect(tooBigMessage('x.txt', 20 * 1024 * 1024 + 1, 20 * 1024 * 1024)).toBe('x.txt is 20,971,521 bytes, over the 20,971,520 bytes limit (use --max-bytes to raise it)');
    expect(tooBigMessage('x.txt', 21 * 1024 * 1024, 20 * 1024 * 1024)).toBe('x.txt is 21.0 MB, over the 20.0 MB limit (use --max-bytes to raise it)');
    expect(tooBigMessage('stdin', null, 1000)).toBe('stdin is larger than the 1000 bytes limit (use --max-bytes to raise it)');
  });
});
