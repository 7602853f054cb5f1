import { describe, expect, it } from 'vitest';
import { readTimeml, scoreTimexes, type Timex } from './timeml.js';

const doc = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Sales <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1997-Q4">last quarter</TIMEX3> &amp; will grow <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> on.
</TEXT>
</TimeML>`;

describe('reading TimeML', () => {
  it('strips tags and entities, keeps the DCT and the gold spans in the stripped text', () => {
    const d = readTimeml('x', doc);
    expect(d.dct).toBe('1998-01-08');
    expect(d.text).toBe('\nSales fell last quarter & will grow two years on.\n');
    expect(d.timexes.map((t) => [d.text.slice(t.start, t.end), t.type, t.value])).toEqual([
      ['last quarter', 'DATE', '1997-Q4'],
      ['two years', 'DURATION', 'P2Y'],
    ]);
  });
});

describe('TempEval-3 timex scores, computed by hand', () => {
  const t = (start: number, end: number, type: string, value: string): Timex => ({ start, end, type, value });
  // gold: A [0,10) DATE 1998-01-08, B [20,30) DURATION P1W, C [40,45) DATE 1998, D [50,60) SET P1D
  const gold = [t(0, 10, 'DATE', '1998-01-08'), t(20, 30, 'DURATION', 'P1W'), t(40, 45, 'DATE', '1998'), t(50, 60, 'SET', 'P1D')];
  // system: exact A with the right value; B overlapped, right type, wrong value; C overlapped but typed
  // DURATION with the right value; a false alarm; D missed
  const system = [t(0, 10, 'DATE', '1998-01-08'), t(22, 30, 'DURATION', 'P2W'), t(40, 44, 'DURATION', '1998'), t(70, 75, 'DATE', '1999')];
  const { overall, byType } = scoreTimexes([{ gold, system }]);

  it('matches relaxed on overlap, strict on equal extents', () => {
    // 3 relaxed matches of 4 system and 4 gold; 1 strict
    expect(overall.relaxed).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(overall.strict).toEqual({ precision: 0.25, recall: 0.25, f1: 0.25 });
  });

  it('judges value and type on the relaxed matches; their F1 is accuracy x relaxed F1', () => {
    // values right for A and C (2 of 3), types right for A and B (2 of 3)
    expect(overall.value.accuracy).toBeCloseTo(2 / 3);
    expect(overall.value.f1).toBeCloseTo(0.5);
    expect(overall.type.accuracy).toBeCloseTo(2 / 3);
  });

  it('per type: recall over gold of the type, precision over system of the type', () => {
    // DATE: gold A, C both matched (R = 1); system DATE: A, the false alarm (P = 1/2)
    expect(byType.DATE!.relaxed).toMatchObject({ precision: 0.5, recall: 1 });
    // DURATION: gold B matched (R = 1); system DURATION: B', C' both matched (P = 1)
    expect(byType.DURATION!.relaxed).toMatchObject({ precision: 1, recall: 1 });
    expect(byType.SET!.relaxed).toMatchObject({ precision: 0, recall: 0 });
  });

  it('matches one to one', () => {
    const one = scoreTimexes([{ gold: [t(0, 20, 'DATE', 'x')], system: [t(0, 5, 'DATE', 'x'), t(6, 20, 'DATE', 'x')] }]).overall;
    expect(one.relaxed).toMatchObject({ precision: 0.5, recall: 1 });
  });
});
