import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import type { RoleSpan } from '../core/roles.js';
import { buildAttributions } from './build.js';
import type { Group } from './group.js';

const text =
  'Ana Berg, the harbour master, said the pier is unsafe. She added that repairs start soon. ' +
  'The mill’s owners, who spoke to Reuters, denied it. Kaleva Times reported, citing an unnamed engineer, that the crane failed.';
const sentences = [...text.matchAll(/[^.]+\./g)].map((m) => ({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length }));
const at = (role: RoleSpan['role'], piece: string): RoleSpan => ({ role, start: text.indexOf(piece), end: text.indexOf(piece) + piece.length });
const group = (source: string, cue: string, content: string, sentence: number): Group => ({
  source: at('source', source),
  cue: at('cue', cue),
  contents: [at('content', content)],
  mode: 'indirect',
  sentence,
});
const groups = [
  group('Ana Berg, the harbour master', 'said', 'the pier is unsafe', 0),
  group('She', 'added', 'repairs start soon', 1),
  group('who', 'denied', 'it', 2),
  group('Kaleva Times', 'reported', 'the crane failed', 3),
];
const mention = (piece: string) => ({ start: text.indexOf(piece), end: text.indexOf(piece) + piece.length });
const entities: Entity[] = [
  { id: 'e1', type: 'person', name: 'Ana Berg', mentions: [mention('Ana Berg')] },
  { id: 'e2', type: 'outlet', name: 'Kaleva Times', mentions: [mention('Kaleva Times')] },
];

describe('buildAttributions', () => {
  const [berg, she, owners, engineer] = buildAttributions(text, sentences, groups, entities);

  it('links a named source to the entity that heads its phrase', () => {
    expect(berg!.source).toMatchObject({ kind: 'named-person', text: 'Ana Berg, the harbour master', entityId: 'e1' });
  });

  it('resolves a pronoun to the named source before it', () => {
    expect(she!.source).toMatchObject({ kind: 'named-person', refersTo: berg!.id });
  });

  it('reports the phrase a relative pronoun stands for, and the outlet it spoke to', () => {
    expect(owners!.source!.text).toBe('The mill’s owners');
    expect(owners!.source!.kind).toBe('collective');
    expect(owners!.via).toEqual([{ name: 'Reuters' }]);
  });

  it('turns "X reported, citing Y" into source Y via X', () => {
    expect(engineer!.source).toMatchObject({ text: 'an unnamed engineer', kind: 'anonymous' });
    expect(engineer!.via).toEqual([{ name: 'Kaleva Times', entityId: 'e2' }]);
  });
});

describe('buildAttributions on war-news wording', () => {
  const wire =
    'The port authority on Friday announced new limits. A spokesman for the ministry, Ilse Varga, said on May 3 that the pier is closed. ' +
    'The foreign minister said talks go on. A blast was reported in Tarnow.';
  const wireSentences = [...wire.matchAll(/[^.]+\./g)].map((m) => ({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length }));
  const span = (role: RoleSpan['role'], piece: string): RoleSpan => ({ role, start: wire.indexOf(piece), end: wire.indexOf(piece) + piece.length });
  const g = (source: string, cue: string, content: string, sentence: number): Group => ({
    source: span('source', source),
    cue: span('cue', cue),
    contents: [span('content', content)],
    mode: 'indirect',
    sentence,
  });
  const [limits, varga, minister, blast] = buildAttributions(wire, wireSentences, [
    g('Friday', 'announced', 'new limits', 0),
    g('A spokesman for the ministry, Ilse Varga,', 'said', '3 that the pier is closed', 1),
    g('The foreign minister', 'said', 'talks go on', 2),
    g('A blast', 'was reported in', 'Tarnow', 3),
  ]);

  it('never takes a weekday for the source: the phrase before "on Friday" is', () => {
    expect(limits!.source).toMatchObject({ text: 'The port authority' });
  });

  it('types a role named by its holder as that person, and drops the day number left before "that"', () => {
    expect(varga!.source!.kind).toBe('named-person');
    expect(wire.slice(varga!.content.start, varga!.content.end)).toBe('that the pier is closed');
  });

  it('takes an office holder named again for the person named before', () => {
    expect(minister!.source).toMatchObject({ kind: 'named-person', refersTo: varga!.id });
  });

  it('reads the subject of a passive cue as the claim, not its source', () => {
    expect(blast!.source).toBeNull();
    expect(blast!.mode).toBe('passive');
    expect(wire.slice(blast!.content.start, blast!.content.end)).toBe('A blast was reported in Tarnow');
  });
});

describe('a date left at the content start', () => {
  it('is cut off before "that", the day number alone, with its month or with its "on"', () => {
    const t = 'Ana Berg said on 3 that the pier is unsafe. Ana Berg said on November 3 that the pier is shut. Ana Berg said on November 4 that it reopened.';
    const span = (role: RoleSpan['role'], piece: string, from = 0): RoleSpan => ({ role, start: t.indexOf(piece, from), end: t.indexOf(piece, from) + piece.length });
    const second = t.indexOf('Ana Berg', 5);
    const third = t.indexOf('Ana Berg', second + 5);
    const sents = [{ start: 0, end: second - 1 }, { start: second, end: third - 1 }, { start: third, end: t.length }];
    const made = buildAttributions(t, sents, [
      { source: span('source', 'Ana Berg'), cue: span('cue', 'said'), contents: [span('content', '3 that the pier is unsafe')], mode: 'indirect', sentence: 0 },
      { source: span('source', 'Ana Berg', second), cue: span('cue', 'said', second), contents: [span('content', 'November 3 that the pier is shut')], mode: 'indirect', sentence: 1 },
      { source: span('source', 'Ana Berg', third), cue: span('cue', 'said', third), contents: [span('content', 'on November 4 that it reopened')], mode: 'indirect', sentence: 2 },
    ], []);
    expect(made.map((a) => t.slice(a.content.start, a.content.end))).toEqual(['that the pier is unsafe', 'that the pier is shut', 'that it reopened']);
  });
});
