/**
 * The TIMEX3 patterns of issue 11, each in sentences of our own, with the cases where a rule must
 * stay silent. Publication date 2025-12-15, a Monday, unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { findAnchor } from './anchor.js';
import { directionAt } from './direction.js';
import { extractTimes } from './extract.js';

const PUB = '2025-12-15';
function tag(text: string, publishedAt: string | null = PUB) {
  return extractTimes({ text, language: 'en', anchor: findAnchor(publishedAt, text) }).map((t) => [t.text, t.type, t.value]);
}

describe('durations', () => {
  it('reads lengths of time, leaving the preposition out and the amount modifier in', () => {
    expect(tag('The siege lasted for three weeks.')).toEqual([['three weeks', 'DURATION', 'P3W']]);
    expect(tag('They signed a two-year deal and talked for nearly 40 years.')).toEqual([
      ['two-year', 'DURATION', 'P2Y'],
      ['nearly 40 years', 'DURATION', 'P40Y'],
    ]);
    expect(tag('The talks took several months.')).toEqual([['several months', 'DURATION', 'PXM']]);
    expect(tag('The truce held for a decade.')).toEqual([['a decade', 'DURATION', 'P10Y']]);
    expect(tag('Shelling went on for two hours.')).toEqual([['two hours', 'DURATION', 'PT2H']]);
  });

  it('reads halves in the next unit down', () => {
    expect(tag('They lived in camps for 2 1/2 years.')).toEqual([['2 1/2 years', 'DURATION', 'P2Y6M']]);
    expect(tag('The stop lasted about five and a half hours.')).toEqual([['about five and a half hours', 'DURATION', 'PT5H30M']]);
    expect(tag('The call lasted a minute and a half.')).toEqual([['a minute and a half', 'DURATION', 'PT1M30S']]);
    expect(tag('Shares rose 4 1/2 points.')).toEqual([]);
  });

  it('gives "the past 24 hours" its interval, ending at publication', () => {
    const [t] = extractTimes({ text: 'In the past 24 hours, 40 drones were downed.', language: 'en', anchor: findAnchor(PUB, '') });
    expect(t).toMatchObject({ text: 'the past 24 hours', type: 'DURATION', value: 'PT24H', interval: { start: '2025-12-14', end: '2025-12-15' } });
    const [n] = extractTimes({ text: 'Repairs will take place over the next two weeks.', language: 'en', anchor: findAnchor(PUB, '') });
    expect(n).toMatchObject({ text: 'the next two weeks', value: 'P2W', interval: { start: '2025-12-15', end: '2025-12-29' } });
  });

  it('stays silent on ages and on "a quarter of"', () => {
    expect(tag('The commander, 52 years old, resigned; a 136-year-old bridge fell.')).toEqual([]);
    expect(tag('More than a quarter of the voters stayed home.')).toEqual([]);
    expect(tag('Iraq imports about three-quarters of its food.')).toEqual([]);
  });

  it('dates "three days ago"; "a month earlier" is the length before some other event, as TimeML marks it', () => {
    expect(tag('Two villages fell three days ago.')).toEqual([['three days ago', 'DATE', '2025-12-12']]);
    expect(tag('The bridge had fallen a month earlier.')).toEqual([['a month', 'DURATION', 'P1M']]);
    expect(tag('Prices fell in the last week.')).toEqual([['the last week', 'DURATION', 'P1W']]);
  });
});

describe('the present, past and future without a date', () => {
  it('reads now, currently, recently, in the past, the future', () => {
    expect(tag('The town is now under Ukrainian control.')).toEqual([['now', 'DATE', 'PRESENT_REF']]);
    expect(tag('Troops currently hold the bridge; they recently left the depot.')).toEqual([
      ['currently', 'DATE', 'PRESENT_REF'],
      ['recently', 'DATE', 'PAST_REF'],
    ]);
    expect(tag('In the past, such talks failed; the future is unclear.')).toEqual([
      ['the past', 'DATE', 'PAST_REF'],
      ['the future', 'DATE', 'FUTURE_REF'],
    ]);
    // stretches of unstated length, as TimeBank marks most of them
    expect(tag('Prices rose in recent weeks.')).toEqual([['recent weeks', 'DURATION', 'PXW']]);
    expect(tag('Prices rose over the last few months.')).toEqual([['the last few months', 'DURATION', 'PXM']]);
  });

  it('stays silent on "now that", "as soon as" and "the past two weeks" (a duration)', () => {
    expect(tag('Now that the road is open, aid flows.')).toEqual([]);
    expect(tag('They will leave as soon as possible.')).toEqual([]);
    expect(tag('In the past two weeks prices rose.').map((t) => t[1])).toEqual(['DURATION']);
  });
});

describe('quarters and halves', () => {
  // 2025-10-28: the third quarter has just ended
  it('reads the quarter a business story reports, and the year-ago one', () => {
    expect(tag('The firm posted a third-quarter loss. Sales fell from a year earlier.', '2025-10-28')).toEqual([
      ['third-quarter', 'DATE', '2025-Q3'],
      ['a year earlier', 'DATE', '2024-Q3'],
    ]);
    expect(tag('Profit in the year-ago quarter was higher; the quarter was weak.', '2025-10-28')).toEqual([
      ['the year-ago quarter', 'DATE', '2024-Q3'],
      ['the quarter', 'DATE', '2025-Q3'],
    ]);
    expect(tag('Output grew in the fourth quarter of 2024 and in the first half.', '2025-10-28')).toEqual([
      ['the fourth quarter of 2024', 'DATE', '2024-Q4'],
      ['the first half', 'DATE', '2025-H1'],
    ]);
  });

  it('stays silent on a quarter of something, and gives a narrative "a year earlier" no date, only its length', () => {
    expect(tag('A quarter of the town was destroyed.', '2025-10-28')).toEqual([]);
    // a year before some event the text names: TimeML marks the length, "earlier" is the signal
    expect(tag('The bridge was rebuilt a year earlier.', '2025-10-28')).toEqual([['a year', 'DURATION', 'P1Y']]);
    expect(tag('Three days later, the town fell.', '2025-10-28')).toEqual([['Three days', 'DURATION', 'P3D']]);
  });

  it('reads a figure compared with a year earlier, with no quarter named, as the year before the report', () => {
    expect(tag('The dividend rose 15% from 4 pence a year earlier.', '2025-10-28')).toEqual([['a year earlier', 'DATE', '2024']]);
  });

  it('reads holidays, and spoken years as transcripts write them', () => {
    expect(tag('The boy was found on Thanksgiving Day.', '2000-01-07')).toEqual([['Thanksgiving Day', 'DATE', '1999-11-25']]);
    expect(tag('Talks resume next Christmas.', '2000-01-07')).toEqual([['next Christmas', 'DATE', '2000-12-25']]);
    expect(tag('Russia marks Victory Day with a parade.', '2025-05-01')).toEqual([['Victory Day', 'DATE', '2025-05-09']]);
    expect(tag('Atlanta, nineteen ninety-six. In January nineteen ninety-seven a bomb went off.', '1998-02-27')).toEqual([
      ['nineteen ninety-six', 'DATE', '1996'],
      ['January nineteen ninety-seven', 'DATE', '1997-01'],
    ]);
    expect(tag('They sent two thousand troops; nineteen people died.', '1998-02-27')).toEqual([]);
  });

  it('reads "the 1988 period" as the quarter reported on, in that year', () => {
    expect(tag('Third-quarter net rose. In the 1988 period, it earned less.', '1989-11-02')).toEqual([
      ['Third-quarter', 'DATE', '1989-Q3'],
      ['the 1988 period', 'DATE', '1988-Q3'],
    ]);
  });

  it('reads the fiscal year as a length when its end is given, else as the year under way', () => {
    expect(tag('For the year ended Sept. 30, it earned $4 million.', '2025-10-28').slice(0, 1)).toEqual([['the year', 'DURATION', 'P1Y']]);
    expect(tag('Sales for the full year rose; the latest fiscal year was weak.', '2025-10-28')).toEqual([
      ['the full year', 'DATE', '2025'],
      ['the latest fiscal year', 'DATE', '2024'],
    ]);
    expect(tag('The deal should close by year-end.', '2025-10-28')).toEqual([['year-end', 'DATE', '2025']]);
    expect(tag('The year before was worse.', '2025-10-28')).toEqual([]);
  });
});

describe("times told from the story's own clock", () => {
  it('counts "later that year", "that same day", "the following month", "the next morning" from the last date the text gave', () => {
    expect(tag('He fled in June 1998 and returned later that year. The following month he was jailed.', '2000-01-28')).toEqual([
      ['June 1998', 'DATE', '1998-06'],
      ['later that year', 'DATE', '1998'],
      ['The following month', 'DATE', '1998-07'],
    ]);
    expect(tag('Troops landed on March 3, 2014; that same day parliament fell, and the next morning the airport closed.', '2025-12-15')).toEqual([
      ['March 3, 2014', 'DATE', '2014-03-03'],
      ['that same day', 'DATE', '2014-03-03'],
      ['the next morning', 'TIME', '2014-03-04TMO'],
    ]);
  });

  it('counts from publication when the text gave no date, and leaves a day unknown after a bare year', () => {
    expect(tag('Shelling resumed the next day.')).toEqual([['the next day', 'DATE', '2025-12-16']]);
    expect(tag('The town fell in 2014; that day is remembered.')).toEqual([
      ['2014', 'DATE', '2014'],
      ['that day', 'DATE', null],
    ]);
  });

  it('stays silent on "that" as a conjunction and on "year-on-year"', () => {
    expect(tag('He said that yearly output fell, so that day-to-day work stopped.')).toEqual([]);
  });
});

describe('times of day', () => {
  it('dates a time by the day named after it, else the publication day', () => {
    expect(tag('The blast came at 10 p.m. Wednesday.')).toEqual([['10 p.m. Wednesday', 'TIME', '2025-12-10T22:00']]);
    expect(tag('Sirens sounded at 8 PM.')).toEqual([['8 PM', 'TIME', '2025-12-15T20:00']]);
    expect(tag('Talks broke off at noon Thursday.')).toEqual([['noon Thursday', 'TIME', '2025-12-11T12:00']]);
    expect(tag('Drones struck on Friday afternoon.')).toEqual([['Friday afternoon', 'TIME', '2025-12-12TAF']]);
    expect(tag('The governor will speak this evening.')).toEqual([['this evening', 'TIME', '2025-12-15TEV']]);
  });

  it('stays silent on bare numbers and on "at 10"', () => {
    expect(tag('The 10 p soldiers left at 10.')).toEqual([]);
  });
});

describe('sets', () => {
  it('reads recurrences', () => {
    expect(tag('Convoys leave every week.')).toEqual([['every week', 'SET', 'P1W']]);
    expect(tag('Units rotate each season.')).toEqual([['each season', 'SET', 'P3M']]);
    expect(tag('The market opens each July.')).toEqual([['each July', 'SET', 'XXXX-07']]);
    expect(tag('Patrols go out on Mondays.')).toEqual([['on Mondays', 'SET', 'XXXX-WXX-1']]);
    expect(tag('The plant makes 300 shells a day.')).toEqual([['a day', 'SET', 'P1D']]);
    expect(tag('Prices rose 8% annually through 2024.')).toEqual([
      ['annually', 'SET', 'P1Y'],
      ['2024', 'DATE', '2024'],
    ]);
  });

  it('stays silent on newspapers and adjectives', () => {
    expect(tag('The daily Kommersant reported the daily volume.')).toEqual([]);
    expect(tag('It paid its quarterly dividend.')).toEqual([]);
  });
});

describe('extents', () => {
  it('takes modifiers in, and a possessive out', () => {
    expect(tag('The strike came late last month.')).toEqual([['late last month', 'DATE', '2025-11']]);
    expect(tag('Output fell early this year.')).toEqual([['early this year', 'DATE', '2025']]);
    expect(tag("Last month's strike hit the depot.")).toEqual([['Last month', 'DATE', '2025-11']]);
    expect(tag('The plan runs to the end of November.')).toEqual([['the end of November', 'DATE', '2025-11']]);
  });

  it('reads "this summer" as the summer of the year of publication, past or to come', () => {
    expect(tag('Protests are planned for this summer.', '2025-03-22')).toEqual([['this summer', 'DATE', '2025-SU']]);
    expect(tag('It was a hard winter; this winter will be worse.', '2025-10-01')).toEqual([['this winter', 'DATE', '2025-WI']]);
  });

  it('reads a month with "last year" after it as one expression', () => {
    expect(tag('The town fell in July last year.')).toEqual([['July last year', 'DATE', '2024-07']]);
  });
});

describe('direction from the governing verb', () => {
  it('reads the verb that governs the date, not a "will" elsewhere in the sentence', () => {
    expect(tag('The minister said on Friday that talks will resume.')).toEqual([['Friday', 'DATE', '2025-12-12']]);
    expect(tag('The ministry said Tuesday that it had left.')).toEqual([['Tuesday', 'DATE', '2025-12-09']]);
    expect(tag('The ministry will report on Tuesday.')).toEqual([['Tuesday', 'DATE', '2025-12-16']]);
  });

  it('sends yearless months where the verb points', () => {
    expect(tag('The ceasefire is due to last until June.', '2025-04-10')).toEqual([['June', 'DATE', '2025-06']]);
    expect(tag('They pledged to take the town by May 9.', '2025-04-10')).toEqual([['May 9', 'DATE', '2025-05-09']]);
    expect(tag('The village was captured in March.', '2025-08-20')).toEqual([['March', 'DATE', '2025-03']]);
    expect(tag('Construction would begin in the spring of 2027.', '2026-03-04')).toEqual([['the spring of 2027', 'DATE', '2027-SP']]);
  });

  it('takes the words right before the date first: "since", "last", "as soon as", "effective"', () => {
    expect(tag('No inspection has taken place since Jan. 13.', '2025-03-06')).toEqual([['Jan. 13', 'DATE', '2025-01-13']]);
    expect(tag('He was killed last Oct. 23 at home.', '2025-04-19')).toEqual([['Oct. 23', 'DATE', '2024-10-23']]);
    expect(tag('The envoy may arrive as soon as Tuesday.', '2025-12-15')).toEqual([['Tuesday', 'DATE', '2025-12-16']]);
    expect(tag('The new pact is effective June 1.', '2025-10-26')).toEqual([['June 1', 'DATE', '2026-06-01']]);
  });

  it('reads an infinitive as pointing ahead only after a verb of intending', () => {
    expect(tag('They pledged to take the town by May 9.', '2025-04-10')).toEqual([['May 9', 'DATE', '2025-05-09']]);
    expect(tag('He was shot to death on Oct. 23 at home.', '2025-05-05')).toEqual([['Oct. 23', 'DATE', '2024-10-23']]);
    expect(tag('Inflation fell to 4 percent in December.', '2025-02-06')).toEqual([['December', 'DATE', '2024-12']]);
  });

  it('takes a yearless date a few weeks from publication as the near one, whatever the verb', () => {
    expect(tag('The offer was extended to Nov. 20.', '2025-11-02')).toEqual([['Nov. 20', 'DATE', '2025-11-20']]);
    expect(tag('It gave no reason for the Jan. 14 deadline.', '2025-01-05')).toEqual([['Jan. 14', 'DATE', '2025-01-14']]);
    expect(tag('The village was captured in March.', '2025-08-20')).toEqual([['March', 'DATE', '2025-03']]);
  });

  it("dates the publication day's own weekday to that day, ahead or behind, unless 'next' or 'last' says otherwise", () => {
    expect(tag('The president will travel on Monday.')).toEqual([['Monday', 'DATE', '2025-12-15']]);
    expect(tag('The president will travel next Monday.')).toEqual([['next Monday', 'DATE', '2025-12-22']]);
    expect(tag('Officials declined to comment Monday.')).toEqual([['Monday', 'DATE', '2025-12-15']]);
  });

  it('reads a verb a dozen words back, a verb in -eed as no past tense, and a verb of putting off as ahead', () => {
    expect(tag('Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December.', '1998-03-04')).toEqual([
      ['December', 'DATE', '1998-12'],
    ]);
    expect(tag('Mr. Schwarz, 52 years old, will succeed Daniel P. Davison Feb. 1.', '1989-10-26')).toEqual([['Feb. 1', 'DATE', '1990-02-01']]);
    expect(tag('Lenders have extended up to $90 million in revolving loans through January.', '1989-10-30')).toEqual([['January', 'DATE', '1990-01']]);
    expect(tag('The firm plans to pay down the bridge loan by February.', '1989-10-30')).toEqual([['February', 'DATE', '1990-02']]);
  });

  it('reads the verb right after a date inside a clause, and stops at a full stop the segmenter missed', () => {
    expect(tag('On Tuesday Scholz is expected to visit Kyiv.', '2022-02-14')).toEqual([['Tuesday', 'DATE', '2022-02-15']]);
    expect(tag('Biden will hold a call at 11:00 a.m. ET Friday.', '2022-02-11')).toEqual([['11:00 a.m. ET Friday', 'TIME', '2022-02-11T11:00']]);
    expect(tag('The German chancellor on Monday is to visit Kyiv; the next day he will go to Moscow.', '2022-02-13')).toEqual([
      ['Monday', 'DATE', '2022-02-14'],
      ['the next day', 'DATE', '2022-02-15'],
    ]);
    expect(tag('They defeated Nazi Germany in World War II.On June 6, there is the anniversary of the landing.', '2024-04-16')).toEqual([
      ['June 6', 'DATE', '2024-06-06'],
    ]);
  });

  it('reads a plan seen from the past as past, and a clock time on the day the story last gave', () => {
    expect(tag('The offer had been due to expire Friday evening.', '1989-10-30')).toEqual([['Friday evening', 'TIME', '1989-10-27TEV']]);
    expect(tag('On Tuesday drones attacked the port. At 10 p.m. the power went out.')).toEqual([
      ['Tuesday', 'DATE', '2025-12-09'],
      ['10 p.m.', 'TIME', '2025-12-09T22:00'],
    ]);
  });

  it('knows the clause a word belongs to', () => {
    const s = 'The minister said on Friday that talks will resume.';
    expect(directionAt(s, s.indexOf('Friday'), s.indexOf('Friday') + 6)).toBe('past');
    const t = 'On Tuesday, troops entered the town.';
    expect(directionAt(t, 3, 10)).toBe('past');
    const u = 'The contract expires in June.';
    expect(directionAt(u, u.indexOf('June'), u.length - 1)).toBe('none');
  });
});

describe('bare years', () => {
  it('reads a month only when it is capitalised: "this march" is a march', () => {
    expect(tag('He was arrested at this march on Monday.', '1999-01-22')).toEqual([['Monday', 'DATE', '1999-01-18']]);
  });

  it('reads a year as an adjective, and leaves counts alone', () => {
    expect(tag('It recalled a 2014 offensive.')).toEqual([['2014', 'DATE', '2014']]);
    expect(tag('It sent in 2000 troops and 1990 tanks.')).toEqual([]);
  });
});
