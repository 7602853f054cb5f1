/**
 * The seed article (published 2025-12-15) as a check of the places layer: the place entities
 * come from the entities layer, completed with the names its engineer found in the text when
 * the layer misses one (the check is of linking, not of entity recognition).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import type { Entity } from '../core/schema.js';
import { SEED_PATH, SEED_PUBLISHED, describeWithShared } from '../testing/shared.js';
import { linkPlaces } from './link.js';
import { entitiesFromNames } from './spot.js';

const FOUND_BY_ENTITIES = ['Krasnoarmiysk', 'Gulyaypol', 'Kyiv', 'Krasnogorsk', 'Krasnoarmskoye', 'Donbass', 'Donetsk People’s Republic'];

describeWithShared(['seed'], 'places in the seed article', () => {
  const text = readFileSync(SEED_PATH, 'utf8');
  // the pipeline up to this layer: later layers are not this test's business
  const throughPlaces = defaultAnalyzers.slice(0, defaultAnalyzers.findIndex((a) => a.name === 'places') + 1);
  const analysis = analyzeDocument(
    { id: 'seed', text, language: 'en', publishedAt: SEED_PUBLISHED, source: { kind: 'text' } },
    [],
    { analyzers: throughPlaces },
  );
  const places: Entity[] = analysis.entities.filter((e) => e.type === 'place');
  const missing = FOUND_BY_ENTITIES.filter((n) => !places.some((e) => e.mentions.some((m) => text.slice(m.start, m.end) === n)));
  const entities = [...places.map(({ place: _, ...e }) => e), ...entitiesFromNames(text, missing).map((e) => ({ ...e, id: `extra-${e.id}` }))];
  const links = linkPlaces(text, entities, { publishedAt: SEED_PUBLISHED });
  const linkOf = (name: string) => {
    const e = entities.find((x) => x.mentions.some((m) => text.slice(m.start, m.end) === name))!;
    return links[e.id]!;
  };

  it('resolves the former name Krasnoarmiysk to Pokrovsk, and says so', () => {
    expect(linkOf('Krasnoarmiysk')).toMatchObject({ geonamesId: 704422, matchedBy: 'former-name' });
    expect(linkOf('Krasnoarmiysk').note).toMatch(/former name \(until 2016\) of Pokrovsk/);
  });

  it('finds Huliaipole under the truncated Gulyaypol', () => {
    expect(linkOf('Gulyaypol')).toMatchObject({ geonamesId: 707898, matchedBy: 'fuzzy' });
  });

  it('links Kyiv', () => {
    expect(linkOf('Kyiv')).toMatchObject({ geonamesId: 703448 });
  });

  it('does not confidently place Krasnogorsk near Moscow in a Donbass story', () => {
    const k = linkOf('Krasnogorsk');
    expect(k.confidence).toBeLessThan(0.5);
    expect(k.candidates!.length).toBeGreaterThan(1);
    expect(k.note).toMatch(/km from/);
  });

  it('merges the links into the analysis entities', () => {
    expect(analysis.entities.some((e) => e.place?.geonamesId === 703448)).toBe(true);
  });
});
