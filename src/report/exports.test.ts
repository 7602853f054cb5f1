import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../testing/report-fixtures.js';
import { csvTables, placesGeoJson, toCsv } from './exports.js';
import { techniqueLabel } from '../techniques/message.js';

describe('placesGeoJson', () => {
  const a = fixtureAnalysis({ hostile: true });
  const geo = placesGeoJson([a, fixtureAnalysis()]);

  it('is valid GeoJSON (RFC 7946, checked by an independent validator)', () => {
    expect(() => check(JSON.stringify(geo))).not.toThrow();
  });

  it('has one feature per place, longitude first, with mentions, confidence and candidates', () => {
    const places = a.entities.filter((e) => e.place);
    expect(geo.features).toHaveLength(places.length * 2);
    const izium = geo.features.find((f) => f.properties.place === 'Izium')!;
    const link = places.find((e) => e.place!.name === 'Izium')!.place!;
    expect(izium.geometry).toEqual({ type: 'Point', coordinates: [link.lon, link.lat] });
    expect(izium.properties.confidence).toBe(link.confidence);
    expect(izium.properties.candidates.map((c) => c.geonamesId)).toEqual([707688, 555312]);
    for (const m of izium.properties.mentions) expect(a.document.text.slice(m.start, m.end)).toBe(m.text);
    expect(izium.properties.article).toBe('examples/fixture.txt');
  });
});

describe('csvTables', () => {
  const a = fixtureAnalysis({ hostile: true });
  const tables = csvTables([a]);
  const read = (file: string) => parse(toCsv(tables[file]!), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

  it('writes six tables that a CSV parser reads back, one row per item', () => {
    expect(Object.keys(tables)).toEqual(['entities.csv', 'attributions.csv', 'times.csv', 'techniques.csv', 'findings.csv', 'sentences.csv']);
    expect(read('sentences.csv')).toHaveLength(a.sentences.length);
    expect(read('entities.csv')).toHaveLength(a.entities.length);
    expect(read('times.csv')).toHaveLength(a.times.length);
    expect(read('techniques.csv')).toHaveLength(a.techniques.length);
    expect(read('findings.csv')).toHaveLength(a.findings.reduce((n, f) => n + Math.max(1, f.spans.length), 0));
  });

  it('keeps quotes, commas, newlines and markup in a cell intact: the claims export is a flat quotes table', () => {
    const rows = read('attributions.csv');
    expect(rows.map((r) => r.claim)).toEqual(a.attributions.map((x) => a.document.text.slice(x.content.start, x.content.end)));
    expect(rows.map((r) => r.source_kind)).toEqual(a.attributions.map((x) => x.source?.kind ?? 'unattributed'));
  });

  it('scores every sentence for techniques and names the techniques shown in it', () => {
    const scored = { ...a, techniqueSummary: { ...(a.techniqueSummary ?? { threshold: 0.5, sentenceShare: 0, byTechnique: {}, outletVoiceShare: 0 }), sentenceScores: a.sentences.map((_, i) => i / 10) } } as typeof a;
    const rows = parse(toCsv(csvTables([scored])['sentences.csv']!), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.technique_score))).toEqual(a.sentences.map((_, i) => i / 10));
    expect(rows.map((r) => r.text)).toEqual(a.sentences.map((s) => a.document.text.slice(s.start, s.end)));
    const t = a.techniques[0]!;
    const k = a.sentences.findIndex((s) => s.start <= t.start && t.start < s.end);
    expect(rows[k]!.techniques.split('; ')).toContain(techniqueLabel(t.technique));
    const none = a.sentences.findIndex((s) => !a.techniques.some((x) => x.start < s.end && x.end > s.start));
    if (none >= 0) expect(rows[none]!.techniques).toBe('');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv({ header: ['text', 'n'], rows: [['=HYPERLINK("http://x")', -3.5], ['@SUM(A1)', 0]] });
    expect(parse(csv, { columns: true })).toEqual([
      { text: `'=HYPERLINK("http://x")`, n: '-3.5' },
      { text: "'@SUM(A1)", n: '0' },
    ]);
  });
});
