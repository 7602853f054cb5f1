import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import { classifySource } from './kinds.js';

const entity = (type: Entity['type'], name: string): Entity => ({ id: 'e1', type, name, mentions: [] });

describe('classifySource', () => {
  it.each([
    ['a source in the Finnish border guard', 'anonymous'],
    ['two people familiar with the talks', 'anonymous'],
    ['an officer who asked not to be named', 'anonymous'],
    ['an unnamed Estonian diplomat', 'anonymous'],
    ['the courier ‘Vasilek’', 'pseudonymous'],
    ['the blogger known as Grey Owl', 'pseudonymous'],
    ['Moldovan officials', 'collective'],
    ['critics', 'collective'],
    ['Warsaw', 'collective'],
    ['a statement', 'document'],
    ['an internal memo', 'document'],
    ['one leaflet', 'document'],
    ['Reuters', 'outlet'],
    ['the Ministry of Transport', 'named-organization'],
    ['Harbour Authority spokeswoman Ilse Varga', 'named-person'],
    ['Varga', 'named-person'],
    ['it', 'unknown'],
    ['A spokesman for the Russian Defence Ministry, Igor Konashenkov,', 'named-person'],
    ['the head of state', 'named-person'],
    ['The head of the Hungarian Ministry of Foreign Affairs', 'named-person'],
    ['the Belarusian foreign minister', 'named-person'],
    ['AFP news agency', 'outlet'],
    ['the independent Russian Telegram channel SOTA', 'outlet'],
    ['the Sunday report of the General Staff', 'document'],
    ['ISW conclusions', 'document'],
    ['his lawyer', 'anonymous'],
    ['the company', 'named-organization'],
    ["the city's finance office", 'named-organization'],
    ['Beijing’s', 'collective'],
  ])('%s -> %s', (text, kind) => {
    expect(classifySource(text).kind).toBe(kind);
  });

  it('lets an entity link decide for names, but not for a role phrase that contains one', () => {
    expect(classifySource('Lindqvist', entity('person', 'Anna Lindqvist')).kind).toBe('named-person');
    expect(classifySource('Nordbank', entity('organization', 'Nordbank')).kind).toBe('named-organization');
    expect(classifySource('Kaleva Times', entity('outlet', 'Kaleva Times')).kind).toBe('outlet');
    expect(classifySource('a source close to Nordbank', entity('organization', 'Nordbank')).kind).toBe('anonymous');
  });
});
