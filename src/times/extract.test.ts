import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithShared, SEED_PATH, SEED_PUBLISHED } from '../testing/shared.js';
import { anchorFromDateline, findAnchor } from './anchor.js';
import { extractTimes } from './extract.js';

/** [text, value, precision] of every expression found, against a publication date (or none). */
function times(text: string, publishedAt: string | null, language = 'en') {
  return extractTimes({ text, language, anchor: findAnchor(publishedAt, text) }).map((t) => [t.text, t.value, t.precision]);
}

describe('absolute dates', () => {
  it('infers the nearest past year for a date without one', () => {
    expect(times('Troops arrived on December 13th.', '2025-12-15')).toEqual([['December 13th', '2025-12-13', 'day']]);
    expect(times('Troops arrived on December 13th.', '2026-01-05')).toEqual([['December 13th', '2025-12-13', 'day']]);
    expect(times('The talks began on 2 January.', '2026-01-05')).toEqual([['2 January', '2026-01-02', 'day']]);
  });

  it('keeps a stated year, and the precision of months, seasons and years', () => {
    expect(times('It was signed on Dec. 3, 2019, in Paris.', '2025-12-15')).toEqual([['Dec. 3, 2019', '2019-12-03', 'day']]);
    expect(times('Prices rose in March 2024 and again in the spring of 2022.', '2025-12-15')).toEqual([
      ['March 2024', '2024-03', 'month'],
      ['the spring of 2022', '2022-SP', 'season'],
    ]);
    expect(times('The plant has been closed since 2014.', '2025-12-15')).toEqual([['2014', '2014', 'year']]);
  });

  it('reports stated ranges with an end value', () => {
    const [range] = extractTimes({ text: 'Shelling went on from 3 to 5 March.', language: 'en', anchor: findAnchor('2025-12-15', '') });
    expect(range).toMatchObject({ text: '3 to 5 March', value: '2025-03-03', end_value: '2025-03-05' });
  });

  it('leaves "the fall of" a town and bare seasons alone, and a number of troops is not a year', () => {
    expect(times('After the fall of the town, winter uniforms ran short.', '2025-12-15')).toEqual([]);
    expect(times('It sent in 2000 troops.', '2025-12-15')).toEqual([]);
  });
});

describe('relative expressions', () => {
  // 2025-12-15 is a Monday
  it('puts weekdays in the past week unless the sentence speaks of the future', () => {
    expect(times('The depot was hit on Thursday.', '2025-12-15')).toEqual([['Thursday', '2025-12-11', 'day']]);
    expect(times('Explosions were heard Wednesday night.', '2025-12-15')).toEqual([['Wednesday night', '2025-12-10TNI', 'day']]);
    expect(times('The minister will visit on Thursday.', '2025-12-15')).toEqual([['Thursday', '2025-12-18', 'day']]);
    expect(times('They meet next Monday.', '2025-12-15')).toEqual([['next Monday', '2025-12-22', 'day']]);
  });

  it('resolves news deictics against the publication date', () => {
    expect(times('Yesterday the bridge fell; last week it was shelled.', '2025-12-15')).toEqual([
      ['Yesterday', '2025-12-14', 'day'],
      ['last week', '2025-W50', 'week'],
    ]);
    expect(times('Earlier this month the governor resigned.', '2025-12-15')).toEqual([['Earlier this month', '2025-12', 'month']]);
    expect(times('Two villages fell three days ago.', '2025-12-15')).toEqual([['three days ago', '2025-12-12', 'day']]);
    // the hour of publication is unknown: hours are counted back from midday
    expect(times('The post went up two hours ago; the first reply came 13 hours ago.', '2025-12-15')).toEqual([
      ['two hours ago', '2025-12-15', 'day'],
      ['13 hours ago', '2025-12-14', 'day'],
    ]);
    const [span] = extractTimes({ text: 'Ten drones were downed over the past day.', language: 'en', anchor: findAnchor('2025-12-15', '') });
    expect(span).toMatchObject({ text: 'the past day', type: 'DURATION', value: 'P1D', interval: { start: '2025-12-14', end: '2025-12-15' } });
  });
});

describe('chrono-node for what our English rules do not read', () => {
  it('reads dates in figures with slashes, and leaves unit numbers and names that begin like a month alone', () => {
    expect(times('The order was signed on 05/24/2018 in Kyiv.', '2025-12-15')).toEqual([['05/24/2018', '2018-05-24', 'day']]);
    expect(times('Colonel Marchenko said the 47th brigade voted 7-2 to stay.', '2025-12-15')).toEqual([]);
  });

  it('reads month/day figures without a year only after a preposition of time, and 9/11 as the 2001 attacks', () => {
    // no verb points either way, and the coming 4 March is much nearer than the last one
    expect(times('The vote is on 3/4 in Kyiv.', '2025-12-15')).toEqual([['3/4', '2026-03-04', 'day']]);
    expect(times('The vote was held on 3/4 in Kyiv.', '2025-12-15')).toEqual([['3/4', '2025-03-04', 'day']]);
    expect(times('About 3/4 of the voters stayed home.', '2025-12-15')).toEqual([]);
    expect(times('The unit works 24/7 on the border.', '2025-12-15')).toEqual([]);
    expect(times('Since 9/11 the agency has changed.', '2025-12-15')).toEqual([['9/11', '2001-09-11', 'day']]);
    expect(times('The runoff is scheduled for 9/11 in the capital.', '2026-08-20')).toEqual([['9/11', '2026-09-11', 'day']]);
  });
});

describe('anchoring', () => {
  it('reads a dateline when there is no publication date, keeping the year unknown when it is not given', () => {
    expect(anchorFromDateline('KYIV, Dec 3 (Reuters) - Air defences were active.')?.day).toEqual({ y: null, m: 12, d: 3 });
    expect(anchorFromDateline('MINSK, 24 April (BelTA) – The talks ended.')?.day).toEqual({ y: null, m: 4, d: 24 });
    expect(anchorFromDateline('KYIV, Ukraine (AP) — Air defences were active.')).toBeNull();
    expect(anchorFromDateline('MOSCOW, November 20, 2024 — Officials said.')?.day).toEqual({ y: 2024, m: 11, d: 20 });
    expect(anchorFromDateline('Officials said, December 3 - nothing.')).toBeNull();
    expect(times('KYIV, Dec 3 (Reuters) - Yesterday drones struck on November 30.', null)).toEqual([
      ['Dec 3', 'XXXX-12-03', 'day'],
      ['Yesterday', 'XXXX-12-02', 'day'],
      ['November 30', 'XXXX-11-30', 'day'],
    ]);
  });

  it('keeps values partial and unanchored with no date at all', () => {
    const out = extractTimes({ text: 'On December 13th, and on Friday.', language: 'en', anchor: null });
    expect(out.map((t) => [t.value, t.anchored])).toEqual([
      ['XXXX-12-13', false],
      [null, false],
    ]);
  });
});

describe('Russian and Ukrainian through chrono-node', () => {
  it('normalises with the same conventions', () => {
    expect(times('13 декабря войска вошли в город.', '2026-01-05', 'ru')).toEqual([['13 декабря', '2025-12-13', 'day']]);
    expect(times('Вчора ворог обстріляв місто.', '2025-12-15', 'uk')).toEqual([['Вчора', '2025-12-14', 'day']]);
  });
});

describe('robustness', () => {
  it('finishes fast on adversarial input', () => {
    for (const text of ['a'.repeat(200_000), '1'.repeat(200_000), 'December 1 '.repeat(20_000), 'in 2020 '.repeat(25_000)]) {
      const t0 = performance.now();
      extractTimes({ text, language: 'en', anchor: findAnchor('2025-12-15', '') });
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});

describeWithShared(['seed'], 'the seed article', () => {
  it('dates the two statements of 1 and 13 December', () => {
    const found = times(readFileSync(SEED_PATH, 'utf8'), SEED_PUBLISHED);
    expect(found).toContainEqual(['December 13th', '2025-12-13', 'day']);
    expect(found).toContainEqual(['December 1st', '2025-12-01', 'day']);
  });
});
