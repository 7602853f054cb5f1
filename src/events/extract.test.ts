import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import { repeatedClaims } from '../testing/run-on.js';
import { buildContext } from '../testing/finding-fixture.js';
import { extractEvents, sortableStart, timeline } from './extract.js';

const place = (name: string, geonamesId: number, lat: number, lon: number, countryCode = 'UA') => ({ geonamesId, name, lat, lon, countryCode });

describe('events', () => {
  const ctx = buildContext({
    publishedAt: '2024-03-20',
    text:
      'On March 18, Ukrainian troops recaptured Zelenopillia after heavy fighting, the brigade said. ' +
      'Russian artillery shelled Zelenopillia on Sunday. ' +
      'Two civilians were killed.',
    entities: [
      { names: ['Zelenopillia'], type: 'place', place: place('Zelenopillia', 100001, 49.2, 37.9) },
      { names: ['the brigade'], type: 'military-unit' },
    ],
    attributions: [{ source: 'the brigade', cue: 'said', content: 'Ukrainian troops recaptured Zelenopillia after heavy fighting', mode: 'indirect' }],
  });
  const byTrigger = (t: string) => ctx.events.find((e) => e.trigger?.text === t)!;

  it('types events by their trigger, with the acting side, the place, the date and the attribution', () => {
    const taken = byTrigger('recaptured');
    expect(taken).toMatchObject({ type: 'territory-taken', side: 'UA', placeEntityId: 'e1', attributionId: 'a1' });
    expect(taken.time).toMatchObject({ value: '2024-03-18', precision: 'day', partial: false });
    expect(byTrigger('fighting').type).toBe('battle');
    expect(byTrigger('said')).toMatchObject({ type: 'statement', actors: [{ role: 'source', text: 'the brigade' }] });
    expect(byTrigger('shelled')).toMatchObject({ type: 'shelling', side: 'RU', time: { value: '2024-03-17' } });
    expect(byTrigger('killed')).toMatchObject({ type: 'casualties' });
    expect(byTrigger('killed').time).toBeUndefined();
  });

  it('places an event where it happens, not at a capital named as the agent after "by"', () => {
    const moscow = buildContext({
      text: 'Command redeployed assault units of the regiment, branded a criminal gang by Moscow, towards the embattled town of Kupiansk.',
      entities: [
        { names: ['Moscow'], type: 'place', place: place('Moscow', 524901, 55.75, 37.62, 'RU') },
        { names: ['Kupiansk'], type: 'place', place: place('Kupiansk', 703656, 49.71, 37.61) },
      ],
    });
    const moved = moscow.events.find((e) => e.trigger?.text === 'redeployed')!;
    expect(moved.placeEntityId).toBe('e2');
  });

  it('links a force phrase to the entity it mentions', () => {
    const linked = buildContext({
      text: 'The Ukrainian National Guard shelled the bridge.',
      entities: [{ names: ['Ukrainian National Guard'], type: 'military-unit' }],
    });
    expect(linked.events[0]!.actors).toEqual([{ text: 'Ukrainian National Guard', role: 'agent', side: 'UA', entityId: 'e1' }]);
  });

  it('orders the events as a timeline, undated ones last', () => {
    const dates = ctx.events.map((e) => e.time?.value ?? null);
    expect(dates).toEqual(['2024-03-17', '2024-03-18', '2024-03-18', '2024-03-18', null]);
    expect(ctx.events.map((e) => e.id)).toEqual(['ev1', 'ev2', 'ev3', 'ev4', 'ev5']);
  });

  it('counts statement words as statements only when no attributions layer ran', () => {
    const text = 'The governor said that drones struck a depot.';
    const base = { text, sentences: [{ start: 0, end: text.length }], times: [] };
    expect(extractEvents(base).map((e) => e.type)).toEqual(['statement', 'shelling']);
    expect(extractEvents({ ...base, attributions: [] }).map((e) => e.type)).toEqual(['shelling']);
  });

  it('sorts partial dates after full ones, by month and day, and marks them', () => {
    const ev = (value: string | null, precision = 'day') =>
      ({ id: value ?? 'none', type: 'battle', start: 0, end: 1, actors: [], ...(value ? { time: { value, start: 0, end: 1, precision } } : {}) });
    expect(timeline([ev(null), ev('XXXX-12-13'), ev('2022-SP', 'season'), ev('XXXX-03-01'), ev('2025-12-01')]).map((e) => e.id)).toEqual([
      '2022-SP', '2025-12-01', 'XXXX-03-01', 'XXXX-12-13', 'none',
    ]);
    expect(sortableStart('2025-W50')).toBe('2025-12-08');
    const unanchored = buildContext({ text: 'On December 13th, troops stormed the village.' });
    expect(unanchored.events[0]!.time).toMatchObject({ value: 'XXXX-12-13', partial: true });
  });

  it('finishes fast on adversarial input', () => {
    for (const text of ['Russian '.repeat(30_000), 'a'.repeat(200_000), 'shelled '.repeat(20_000)]) {
      const t0 = performance.now();
      extractEvents({ text, sentences: [{ start: 0, end: text.length }], times: [] });
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it('stays linear in the attributions of one run-on sentence', () => {
    const n = 40_000;
    const { text, attributions } = repeatedClaims('“It holds” — Ana Berg, ', n, { source: 'Ana Berg', cue: '—', content: '“It holds”', mode: 'direct' });
    const t0 = performance.now();
    const berg: Entity = { id: 'e1', type: 'person', name: 'Ana Berg', mentions: attributions.map((a) => ({ start: a.source!.start, end: a.source!.end })) };
    const events = extractEvents({ text, sentences: [{ start: 0, end: text.length }], times: [], attributions, entities: [berg] });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(events).toHaveLength(n);
  });

  it('stays linear when every claim runs to the end of a long text', () => {
    const { text, attributions } = repeatedClaims('he said, according to officials, ', 10_000, { source: 'he', cue: 'said', content: 'according to officials', toEnd: true, mode: 'indirect' });
    const t0 = performance.now();
    const events = extractEvents({ text, sentences: [{ start: 0, end: text.length }], times: [], attributions });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(events[0]!.summary!.length).toBeLessThan(120);
  });
});
