/**
 * The seed article through the whole pipeline, checked against the "done when" lines of the
 * issues: what a fact-checker should see in the report of this wire story.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { beforeAll, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import type { Analysis } from '../src/core/schema.js';
import { SEED_PATH, SEED_PUBLISHED, describeWithShared } from '../src/testing/shared.js';

describeWithShared(['seed'], 'the seed article, end to end', () => {
  let a: Analysis;
  const text = () => a.document.text;
  const spanText = (s: { start: number; end: number }) => text().slice(s.start, s.end);
  const entity = (name: RegExp) => a.entities.find((e) => name.test(e.name));
  const covers = (s: { start: number; end: number }, needle: string) => {
    const at = text().indexOf(needle);
    return at >= 0 && s.start < at + needle.length && at < s.end;
  };

  beforeAll(async () => {
    a = await analyze({ kind: 'file', path: SEED_PATH }, { published: SEED_PUBLISHED });
  });

  it('is a schema-valid report whose sentences cover the text with exact offsets', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/analysis.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(a))), JSON.stringify(validate.errors)).toBe(true);
    expect(a.document.text).toBe(readFileSync(SEED_PATH, 'utf8'));
    let covered = 0;
    for (const s of a.sentences) {
      expect(spanText(s)).toBe(spanText(s).trim());
      expect(s.start).toBeGreaterThanOrEqual(covered);
      expect(text().slice(covered, s.start).trim()).toBe('');
      covered = s.end;
    }
    expect(text().slice(covered).trim()).toBe('');
  });

  it('names the people with their roles, the units, the outlet', () => {
    expect(entity(/Gerasimov/)).toMatchObject({ type: 'person', name: 'Valery Gerasimov' });
    expect(entity(/Gerasimov/)?.role).toMatch(/General Staff/);
    expect(entity(/Putin/)).toMatchObject({ type: 'person', name: 'Vladimir Putin', role: 'President' });
    expect(entity(/Azov/)?.type).toMatch(/military-unit|organization/);
    expect(entity(/National Guard/)?.type).toMatch(/military-unit|organization/);
    expect(entity(/RIA Novosti/)?.type).toBe('outlet');
    // known by a pseudonym: a person all the same
    expect(entity(/Shuba/)).toMatchObject({ type: 'person', role: 'Operative' });
  });

  it('pins the places, and doubts the one that does not fit', () => {
    const place = (name: RegExp) => a.entities.find((e) => e.type === 'place' && e.mentions.some((m) => name.test(spanText(m))))?.place;
    expect(place(/^Krasnoarmiysk$/)?.geonamesId).toBe(704422);
    expect(place(/^Gulyaypol$/)?.geonamesId).toBe(707898);
    expect(place(/^Kyiv$/)?.geonamesId).toBe(703448);
    const krasnogorsk = place(/^Krasnogorsk$/);
    expect(krasnogorsk).toBeDefined();
    expect(krasnogorsk!.confidence).toBeLessThan(0.5);
    expect(krasnogorsk!.candidates?.length).toBeGreaterThan(0);
  });

  it('says who claims what, and through whom', () => {
    const bySource = (re: RegExp) => a.attributions.filter((x) => x.source && re.test(x.source.text));
    const lawEnforcement = bySource(/source within Russian law enforcement/);
    expect(lawEnforcement[0]?.source?.kind).toBe('anonymous');
    expect(lawEnforcement[0]?.via?.map((v) => v.name)).toContain('RIA Novosti');
    expect(a.attributions.some((x) => x.source?.kind === 'anonymous' && covers(x.content, 'break the so-called'))).toBe(true);
    expect(bySource(/Shuba/)[0]?.source?.kind).toBe('pseudonymous');
    expect(bySource(/Gerasimov/)[0]?.source?.kind).toBe('named-person');
    expect(bySource(/Putin/).map((x) => x.source?.kind)).toContain('named-person');
    expect(bySource(/unnamed Ukrainian general/)[0]?.source?.kind).toBe('anonymous');
    for (const re of [/Russian officials/, /Russian authorities/, /Putin’s administration/]) {
      expect(bySource(re)[0]?.source?.kind, String(re)).toMatch(/collective|named-organization/);
    }
    expect(a.sourcing?.outlets).toContain('RIA Novosti');
  });

  it('marks the persuasion techniques (shown, or kept as candidates below the default threshold)', () => {
    const all = [...a.techniques, ...(a.candidates ?? [])];
    const at = (technique: string, needle: string) => all.some((t) => t.technique === technique && covers(t, needle));
    expect(at('Name_Calling,Labeling', 'banned in Russia as a terrorist and extremist group')).toBe(true);
    expect(at('Doubt', 'so-called')).toBe(true);
    expect(at('Bandwagon,Reductio_ad_hitlerum', 'swastika') || at('Bandwagon,Reductio_ad_hitlerum', 'Nazi ideology')).toBe(true);
    expect(at('Loaded_Language', 'sent shockwaves')).toBe(true);
    expect(at('Loaded_Language', 'relentless aggression')).toBe(true);
    expect(at('Appeal_to_fear-prejudice', 'reignited fears of a broader escalation')).toBe(true);
  });

  it('resolves the dates and finds the contradictions', () => {
    const time = (needle: string) => a.times.find((t) => t.text.includes(needle))?.value;
    expect(time('December 13th')).toBe('2025-12-13');
    expect(time('December 1st')).toBe('2025-12-01');
    const finding = (rule: string) => a.findings.filter((f) => f.rule === rule);
    const variants = finding('toponym-variants');
    expect(variants.some((f) => f.spans.some((s) => spanText(s) === 'Krasnoarmskoye') && f.spans.some((s) => spanText(s) === 'Krasnoarmiysk'))).toBe(true);
    expect(finding('place-out-of-region').some((f) => f.spans.some((s) => spanText(s) === 'Krasnogorsk'))).toBe(true);
    // The finding points into both statements: the one dated 1 December and the one dated 13 December.
    const sentenceOf = (needle: string) => a.sentences.find((s) => covers(s, needle))!;
    const inside = (outer: { start: number; end: number }) => (s: { start: number; end: number }) => s.start >= outer.start && s.end <= outer.end;
    const chronology = finding('chronology');
    expect(chronology.some((f) => f.spans.some(inside(sentenceOf('December 1st'))) && f.spans.some(inside(sentenceOf('December 13th'))))).toBe(true);
  });
});
