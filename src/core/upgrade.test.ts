import { describe, expect, it } from 'vitest';
import type { Analysis } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { upgradeReport } from './upgrade.js';

describe('a report of schema 1.x', () => {
  const old = {
    schemaVersion: '1.1.0',
    warnings: ['no publication date found: relative dates are left unresolved'],
    cut: ['places (time budget of 5000 ms spent)', 'findings (needs sentences, which did not run)'],
    findings: [{ rule: 'chronology', severity: 'warning', message: 'a contradiction', spans: [{ start: 0, end: 4 }] }],
    techniques: [{ technique: 'Doubt', start: 0, end: 9, confidence: 0.4, cues: ["model: span 50%, Doubt 60%", "rule so-called: 'so-called'"] }],
  } as unknown as Analysis;

  it('reads as the current one: warnings and cuts as messages, findings with their source, spans with their rules', () => {
    const now = upgradeReport(old);
    expect(now.schemaVersion).toBe(SCHEMA_VERSION);
    expect(now.warnings).toEqual([{ rule: 'note', source: 'ingest', severity: 'warning', message: old.warnings[0], spans: [] }]);
    expect(now.cut.map((c) => [c.rule, c.evidence?.analyzer, c.message])).toEqual([
      ['time-budget', 'places', 'places (time budget of 5000 ms spent)'],
      ['missing-input', 'findings', 'findings (needs sentences, which did not run)'],
    ]);
    expect(now.findings[0]).toMatchObject({ rule: 'chronology', source: 'findings' });
    expect(now.techniques[0]!.rules).toEqual(['model', 'so-called']);
  });

  it('leaves a current report as it is', () => {
    const now = upgradeReport(old);
    expect(upgradeReport(now)).toBe(now);
  });
});

describe('a report of schema 2.0', () => {
  const text = 'The so-called referendum was held.';
  const old = {
    schemaVersion: '2.0.0',
    document: { text },
    techniques: [{ technique: 'Doubt', start: 4, end: 25, confidence: 0.4, cues: ["rule so-called: 'so-called'"], rules: ['model', 'so-called'] }],
    candidates: [{ technique: 'Loaded_Language', start: 0, end: 3, confidence: 0.1, rules: ['model'] }],
  } as unknown as Analysis;

  it('gives its technique spans the message shape, the rule being the hand-written detector that found them', () => {
    const now = upgradeReport(old);
    expect(now.schemaVersion).toBe(SCHEMA_VERSION);
    expect(now.techniques[0]).toMatchObject({ rule: 'so-called', source: 'techniques', severity: 'info', spans: [{ start: 4, end: 25 }], technique: 'Doubt' });
    expect(now.techniques[0]!.message).toBe("Doubt: 'so-called referendum' (confidence 0.40)");
    expect(now.candidates![0]).toMatchObject({ rule: 'model', source: 'techniques' });
    expect(upgradeReport(now)).toBe(now);
  });
});

describe('a report of schema 2.1', () => {
  it('reads as the current one as it is: it has no document.removed (its text kept the chrome)', () => {
    const old = { schemaVersion: '2.1.0', document: { text: 'Advertisement\n\nTroops moved.' }, findings: [] } as unknown as Analysis;
    const now = upgradeReport(old);
    expect(now.schemaVersion).toBe(SCHEMA_VERSION);
    expect(now.document).toBe(old.document);
    expect(upgradeReport(now)).toBe(now);
  });
});

describe('a report of schema 2.3', () => {
  it('reads as the current one as it is: its affiliations name countries only', () => {
    const affiliations = [{ start: 0, end: 7, text: 'Russian', countryCode: 'RU', geonamesId: 2017370, lat: 60, lon: 100 }];
    const old = { schemaVersion: '2.3.0', document: { text: 'Russian troops moved.' }, affiliations } as unknown as Analysis;
    const now = upgradeReport(old);
    expect(now.schemaVersion).toBe(SCHEMA_VERSION);
    expect(now.affiliations).toBe(affiliations);
  });
});
