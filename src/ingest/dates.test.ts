import { describe, expect, it } from 'vitest';
import { isIsoDay, normaliseDate } from './dates.js';

describe('normaliseDate', () => {
  it.each([
    ['2025-12-15', '2025-12-15'],
    ['2025-12-15T23:30:00-05:00', '2025-12-15'],
    ['2025-12-15T08:00:00Z', '2025-12-15'],
    ['2025-12-15 10:00:00', '2025-12-15'],
    ['2025/12/15', '2025-12-15'],
    ['20251215', '2025-12-15'],
    ['20251215T101500', '2025-12-15'],
    ['Mon, 15 Dec 2025 10:00:00 GMT', '2025-12-15'],
    ['December 15, 2025', '2025-12-15'],
    ['1765792800', '2025-12-15'],
  ])('%s -> %s', (raw, day) => {
    expect(normaliseDate(raw)).toBe(day);
  });

  it.each(['2025-02-30', 'yesterday', '', '0000-01-01', '12345'])('%s is not a date', (raw) => {
    expect(normaliseDate(raw)).toBeNull();
  });
});

describe('isIsoDay', () => {
  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-13-01')).toBe(false);
    expect(isIsoDay('15.12.2025')).toBe(false);
    expect(isIsoDay('2025-12-15 ')).toBe(false);
  });
});
