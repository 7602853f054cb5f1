import { describe, expect, it } from 'vitest';
import { errorAuc, readGeoCorpus, scoreGeo, type GeoArticle, type PredictedPlace } from './geo.js';

const XML = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Lviv & Odesa, not Rivne.]]></text>
    <toponyms count="3">
      <toponym><start>0</start><end>4</end><phrase>Lviv</phrase>
        <gaztag geonameid="702550"><name>Lviv</name><lat>49.83826</lat><lon>24.02324</lon></gaztag></toponym>
      <toponym><start>7</start><end>12</end><phrase>Odesa</phrase>
        <gaztag geonameid="698740"><name>Odesa</name><lat>46.47747</lat><lon>30.73262</lon></gaztag></toponym>
      <toponym><start>18</start><end>23</end><phrase>Rivne</phrase></toponym>
    </toponyms>
  </article>
</articles>`;

const place = (start: number, end: number, lat: number | null, lon: number | null, geonamesId: number | null = null, confidence = 0.95): PredictedPlace => ({
  start, end, lat, lon, geonamesId, confidence,
});

describe('readGeoCorpus', () => {
  it('reads the text from CDATA, the date, and the toponyms with and without a gazetteer link', () => {
    const [a] = readGeoCorpus(XML);
    expect(a!.id).toBe('7');
    expect(a!.date).toBe('2009-03-20');
    expect(a!.text.slice(0, 12)).toBe('Lviv & Odesa');
    expect(a!.toponyms.map((t) => [t.phrase, t.geonamesId])).toEqual([['Lviv', 702550], ['Odesa', 698740], ['Rivne', undefined]]);
    expect(a!.toponyms[0]!.lat).toBeCloseTo(49.83826, 5);
  });
});

describe('errorAuc', () => {
  it('is 0 when every error is 0 km and 1 when every error is half the earth', () => {
    expect(errorAuc([0, 0, 0])).toBe(0);
    expect(errorAuc([20_039, 20_039])).toBeCloseTo(1, 4);
  });
  it('is the trapezoid area under the sorted log errors, over steps and log(20,039)', () => {
    // sorted ln(1 + e): 0, ln 101, ln 1001; trapezoids (0 + ln 101)/2 + (ln 101 + ln 1001)/2 over 2 steps
    const expected = (Math.log(101) + Math.log(1001) / 2) / (2 * Math.log(20_039));
    expect(errorAuc([1000, 0, 100])).toBeCloseTo(expected, 12);
  });
});

describe('scoreGeo', () => {
  const [article] = readGeoCorpus(XML) as [GeoArticle];

  it('counts recognition by overlap and exactly, and resolves only placed overlaps', () => {
    const predicted = [
      place(0, 4, 49.83826, 24.02324, 702550), // Lviv, exact, 0 km
      place(7, 10, 46.47747, 31.73262, 1, 0.4), // "Ode": overlap only, 1 degree of longitude east (~76.6 km)
      place(14, 17, null, null), // "not": a false alarm, unplaced
    ];
    const s = scoreGeo([article], [predicted]);
    // overlap: 2 of 3 predictions hit a gold toponym, 2 of 3 gold toponyms are hit
    expect(s.recognition.overlap.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recognition.overlap.recall).toBeCloseTo(2 / 3, 12);
    // exact: only Lviv
    expect(s.recognition.exact.f1).toBeCloseTo(1 / 3, 12);
    // resolution on Lviv (0 km, right id) and Odesa (76.6 km, wrong id); Rivne has no gold point
    expect(s.resolution.scored).toBe(2);
    expect(s.resolution.accuracyAt161).toBe(1);
    expect(s.resolution.exactId).toBe(0.5);
    const km = 2 * 6371 * Math.asin(Math.cos((46.47747 * Math.PI) / 180) * Math.sin(Math.PI / 360));
    expect(s.resolution.meanKm).toBeCloseTo(km / 2, 6);
    expect(s.resolution.medianKm).toBeCloseTo(km / 2, 6);
    expect(s.resolution.auc).toBeCloseTo(Math.log(1 + km) / 2 / Math.log(20_039), 12);
    // reliability: one link in [0.3, 0.5), one in [0.9, 1], both within 161 km
    expect(s.reliability.filter((b) => b.links > 0).map((b) => [b.from, b.links, b.accuracy])).toEqual([[0.3, 1, 1], [0.9, 1, 1]]);
  });

  it('scores an article without predictions as all missed', () => {
    const s = scoreGeo([article], [[]]);
    expect(s.recognition.overlap).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(s.resolution.scored).toBe(0);
  });
});
