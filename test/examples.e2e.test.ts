/**
 * The examples of examples/ through the whole pipeline: the readings a careful reader would give,
 * layer by layer. These are the examples the README's quickstart and screenshot show, so a wrong
 * reading here is the first mistake a new user sees. No ../shared needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { checkPlace } from '../src/cli/places.js';
import type { Analysis } from '../src/core/schema.js';

// These tests pin readings, not speed: on a loaded machine the first analysis (models loading from
// the TypeScript sources) can pass the default 10 s budget, and the stages cut there would read partly.
const READING_BUDGET_MS = 120_000;
const spanText = (a: Analysis, s: { start: number; end: number }) => a.document.text.slice(s.start, s.end);

describe('examples/wire-report.txt, published 2025-11-20', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await analyze({ kind: 'file', path: 'examples/wire-report.txt' }, { published: '2025-11-20', budgetMs: READING_BUDGET_MS });
  });
  const sourceOf = (needle: string) => a.attributions.find((x) => x.source && x.source.text.includes(needle));

  it('sources: the named commander, the anonymous military source through TASS, the collective officials', () => {
    expect(sourceOf('Syrskyi')?.source?.kind).toBe('named-person');
    expect(sourceOf('Syniehubov')?.source?.kind).toBe('named-person');
    const military = sourceOf('a military source');
    expect(military?.source?.kind).toBe('anonymous');
    expect(sourceOf('Ukrainian officials')?.source?.kind).toBe('collective');
    expect(sourceOf('Analysts')?.source?.kind).toBe('collective');
  });

  it('sources: the ministry spokesman is named, his claim starts where it does, and a drone strike is no source', () => {
    const spokesman = sourceOf('Konashenkov')!;
    expect(spokesman.source?.kind).toBe('named-person');
    expect(spanText(a, spokesman.content)).toMatch(/^that the town had been fully liberated/);
    expect(a.attributions.filter((x) => x.source && /drone|strike/i.test(x.source.text))).toEqual([]);
  });

  it('sources: the commander who denied the claim is also who is "saying" the units held', () => {
    // with his apposition, as PolNeAR marks a source ("Colonel General Oleksandr Syrskyi, Commander-in-Chief of ...,")
    expect(a.attributions.find((x) => x.cue?.text === 'saying')?.source?.text).toMatch(/^Colonel General Oleksandr Syrskyi\b/);
  });

  it('places: old and variant spellings linked to one town; a capital and a place the text sets far away are not flagged', () => {
    const linked = (name: string) => a.entities.find((e) => e.name === name)?.place;
    expect(linked('Kupjansk')?.geonamesId).toBe(703656);
    expect(linked('Kupiansk')?.geonamesId).toBe(703656);
    expect(linked('Artemovsk')).toMatchObject({ geonamesId: 713174, name: 'Bakhmut', formerName: 'Artemovsk' });
    expect(linked('Kharkov')).toMatchObject({ geonamesId: 706483, name: 'Kharkiv' });
    expect(linked('Izium')?.countryCode).toBe('UA');
    const far = a.findings.filter((f) => f.rule === 'place-out-of-region').map((f) => spanText(a, f.spans[0]!));
    // Moscow is a capital named as an actor, Krasnodar "more than 400 kilometres to the south-east" by the text itself
    expect(far).toEqual([]);
    // Kupyansk-Vuzlovyi is another town: it stays out of the spellings of Kupiansk
    const variants = a.findings.find((f) => f.rule === 'toponym-variants' && f.message.includes('Kupjansk'))!;
    expect(variants.message).toMatch(/^“Kupjansk” and “Kupiansk” both refer to Kupiansk \(GeoNames 703656\)/);
  });

  it('times: dates resolved against the publication date, the past week as a duration ending on it', () => {
    const value = (text: string) => a.times.find((t) => t.text === text)?.value;
    expect(value('November 18')).toBe('2025-11-18');
    expect(value('Sunday')).toBe('2025-11-16');
    expect(value('November 3')).toBe('2025-11-03');
    expect(a.times.find((t) => t.text === 'the past week')).toMatchObject({ type: 'DURATION', value: 'P1W', interval: { start: '2025-11-13', end: '2025-11-20' } });
    expect(a.findings.filter((f) => f.rule === 'chronology')).toEqual([]);
  });

  it('events: the redeployment goes towards Kupjansk, not "at Moscow" (Moscow is who brands the unit)', () => {
    const moscow = a.entities.find((e) => e.name === 'Moscow')!;
    expect(a.events.filter((e) => e.placeEntityId === moscow.id)).toEqual([]);
    const redeployed = a.events.find((e) => e.trigger?.text === 'redeployed')!;
    expect(a.entities.find((e) => e.id === redeployed.placeEntityId)?.place?.geonamesId).toBe(703656);
  });
});

describe('examples/council-budget.html and .txt', () => {
  let html: Analysis;
  let txt: Analysis;
  beforeAll(async () => {
    html = await analyze({ kind: 'file', path: 'examples/council-budget.html' }, { budgetMs: READING_BUDGET_MS });
    txt = await analyze({ kind: 'file', path: 'examples/council-budget.txt' }, { budgetMs: READING_BUDGET_MS });
  });

  it('the page: its metadata read, its furniture dropped, the same story as the text', () => {
    expect(html.document).toMatchObject({ title: 'City Council Approves Library Expansion', outlet: 'Springfield Gazette', byline: 'Dana Whitfield', publishedAt: '2026-03-04' });
    expect(html.document.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(html.document.text).toContain('Councillor Mark Ellison');
  });

  it('people and sources by name', () => {
    for (const a of [html, txt]) {
      const people = a.entities.filter((e) => e.type === 'person').map((e) => e.name);
      expect(people).toEqual(expect.arrayContaining(['Linda Harrow', 'Mark Ellison', 'Amira Okafor']));
      expect(a.attributions.some((x) => x.source?.text.includes('Ellison') || x.source?.entityId === a.entities.find((e) => e.name === 'Mark Ellison')?.id)).toBe(true);
      // "Mayor Linda Harrow called the vote ... and said construction would begin": both are hers
      const construction = a.attributions.find((x) => a.document.text.slice(x.content.start, x.content.end).startsWith('construction would begin'));
      expect(construction?.source?.text).toBe('Mayor Linda Harrow');
    }
  });

  it('the Springfield Gazette is an outlet, not a place, and "seen by the Gazette" is the same outlet, not a person', () => {
    for (const a of [html, txt]) {
      const gazette = a.entities.filter((e) => e.name.includes('Springfield Gazette'));
      expect(gazette.map((e) => e.type)).toEqual(['outlet']);
      expect(gazette[0]!.place).toBeUndefined();
      expect(a.entities.filter((e) => e.name === 'Gazette')).toEqual([]);
    }
    // the memo "seen by the Gazette" is in the text version only
    expect(txt.entities.find((e) => e.name === 'Springfield Gazette')!.mentions.map((m) => m.text)).toEqual(['Springfield Gazette', 'Gazette']);
  });

  it('the title-case headline is no organisation: its "City Council" is the council of the story', () => {
    for (const a of [html, txt]) {
      // both texts start with the headline line
      const end = a.document.text.indexOf('\n');
      expect(a.document.text.slice(0, end)).toBe('City Council Approves Library Expansion After Heated Budget Debate');
      const orgs = a.entities.filter((e) => e.type === 'organization');
      expect(orgs.filter((e) => /Approves|Library|Expansion|Debate/.test(e.name))).toEqual([]);
      const headline = a.entities.flatMap((e) => e.mentions.filter((m) => m.start < end).map((m) => [e.type, m.text]));
      expect(headline).toEqual([['organization', 'City Council']]);
      // the same entity as the body's council, "the council" included
      const council = orgs.find((e) => e.mentions.some((m) => m.start < end))!;
      expect(council.mentions.filter((m) => m.start > end && m.kind === 'name').map((m) => m.text)).toEqual(['City Council']);
      expect(council.mentions.some((m) => m.kind === 'nominal' && m.text === 'council')).toBe(true);
    }
  });

  it('Springfield is left unlinked, its American namesakes listed (the article does not say which)', () => {
    const springfield = txt.entities.find((e) => /^springfield$/i.test(e.name))!;
    expect(springfield.place).toMatchObject({ geonamesId: null, lat: null });
    expect(springfield.place!.note).toMatch(/places are called "SPRINGFIELD" and the article does not say which/);
    expect(springfield.place!.candidates!.length).toBeGreaterThan(1);
    expect(springfield.place!.candidates!.every((c) => c.countryCode === 'US')).toBe(true);
  });

  it('construction that "would begin in the spring of 2027" is a plan, not a chronology error', () => {
    expect(html.times.find((t) => t.text.includes('spring of 2027'))?.value).toBe('2027-SP');
    expect(html.findings.filter((f) => f.rule === 'chronology')).toEqual([]);
  });

  it('the text alone has no year: its dates are flagged as unanchored, not guessed', () => {
    expect(txt.document.publishedAt).toBeNull();
    expect(txt.findings.some((f) => f.rule === 'unanchored-dates')).toBe(true);
  });
});

describe('unspin places', () => {
  it('Kharkov with no context is Kharkiv, Ukraine', () => {
    expect(checkPlace('Kharkov').link).toMatchObject({ geonamesId: 706483, countryCode: 'UA' });
  });

  it('Pokrovsk with no context is the Ukrainian town, not Engels (one of whose old names it is)', () => {
    expect(checkPlace('Pokrovsk').link).toMatchObject({ geonamesId: 704422, countryCode: 'UA' });
  });
});
