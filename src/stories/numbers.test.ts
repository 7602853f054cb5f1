import { describe, expect, it } from 'vitest';
import { figuresIn } from './numbers.js';

const figures = (text: string) => figuresIn(text, { start: 0, end: text.length }).map((f) => [f.value, f.counts]);

describe('figuresIn', () => {
  it('reads counts in digits and words, with what they count', () => {
    expect(figures('3 more soldiers and twelve drones, 1,200 troops')).toEqual([
      [3, 'soldiers'],
      [12, 'drones'],
      [1200, 'troops'],
    ]);
  });

  it('leaves out years and times of day: they are dates, not figures', () => {
    expect(figures('In 2022, at 9:42 p.m., then 8 p.m. and 10am, 14:00 GMT, 3 tanks')).toEqual([[3, 'tanks']]);
  });
});
