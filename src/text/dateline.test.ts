import { describe, expect, it } from 'vitest';
import { findDateline } from './dateline.js';

/** The dateline's parts as the text they cover. */
function parts(text: string) {
  const d = findDateline(text);
  if (!d) return null;
  const of = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
  return { dateline: of(d), place: of(d.place), region: of(d.region), date: of(d.date), agency: of(d.agency), day: d.date && [d.date.year, d.date.month, d.date.day] };
}

describe('findDateline', () => {
  it('reads the wire forms: place, region, date, agency', () => {
    expect(parts('KYIV, Ukraine (AP) — Russian forces shelled the city overnight.')).toEqual({
      dateline: 'KYIV, Ukraine (AP) — ', place: 'KYIV', region: 'Ukraine', date: undefined, agency: 'AP', day: undefined,
    });
    expect(parts('MINSK, 24 April (BelTA) – The talks ended.')).toMatchObject({ place: 'MINSK', date: '24 April', agency: 'BelTA', day: [null, 4, 24] });
    expect(parts('MOSCOW, Nov. 20, 2022 (Reuters) - The ministry said...')).toMatchObject({ place: 'MOSCOW', date: 'Nov. 20, 2022', agency: 'Reuters', day: [2022, 11, 20] });
    expect(parts('OSIPOVICHI DISTRICT, 17 February (BelTA) – The drills began.')).toMatchObject({ place: 'OSIPOVICHI DISTRICT', agency: 'BelTA' });
    expect(parts('Melbourne, Australia CNN — The talks resumed.')).toMatchObject({ place: 'Melbourne', region: 'Australia', agency: 'CNN' });
  });

  it('reads a place in capitals before a long dash, and an agency alone', () => {
    expect(parts('SINGAPORE — Ministers met on Friday.')).toMatchObject({ place: 'SINGAPORE', agency: undefined });
    expect(parts('CNN — Ukraine said on Friday...')).toMatchObject({ place: undefined, agency: 'CNN' });
  });

  it('looks past a title line, with offsets in the whole text', () => {
    const text = 'Talks end without a deal\n\nMINSK, 24 April (BelTA) – The talks ended.';
    const d = findDateline(text)!;
    expect(text.slice(d.place!.start, d.place!.end)).toBe('MINSK');
    expect(d.start).toBe(text.indexOf('MINSK'));
  });

  it('is not a sentence that opens with a name and a hyphen or dash', () => {
    expect(findDateline("Britain - like other western powers - is coming to Ukraine's aid.")).toBeNull();
    expect(findDateline('Andrew Moroz — a lead elder at a church — said the chaplains need help.')).toBeNull();
    expect(findDateline('Russian troops are bearing down on the capital.')).toBeNull();
  });

  it('is only looked for in the first lines', () => {
    expect(findDateline('One.\n\nTwo.\n\nThree.\n\nKYIV, Ukraine (AP) — Late.')).toBeNull();
  });

  it('stays fast on hostile input', () => {
    const started = performance.now();
    findDateline(`${'A'.repeat(25)} `.repeat(50_000));
    findDateline(`KYIV, ${'Aa '.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('findDateline: hyphens', () => {
  it('takes a hyphen set apart as the dash, never one inside a word', () => {
    expect(parts('Paris, France (CNN)-The talks resumed.')).toMatchObject({ place: 'Paris', agency: 'CNN' });
    expect(findDateline('US-SANCTIONED EX-MINISTER ARRESTED IN DUBAI')).toBeNull();
    expect(parts('(AP)-Rescuers searched the rubble.')).toMatchObject({ agency: 'AP' });
    expect(findDateline('AP-backed research shows the poll was wrong.')).toBeNull();
    expect(findDateline('CNN-style coverage dominated the evening.')).toBeNull();
  });
});
