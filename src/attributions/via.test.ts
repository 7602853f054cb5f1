import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import { findVia } from './via.js';

const none = () => undefined;
const names = (text: string, entityAt: (s: number, e: number) => Entity | undefined = none) => findVia(text, 0, text.length, entityAt).map((v) => v.name);

describe('findVia', () => {
  it('finds the outlet a source spoke to', () => {
    expect(names('a port worker, who spoke exclusively to Reuters, said')).toEqual(['Reuters']);
    expect(names('a diplomat told TASS on Friday')).toEqual(['TASS']);
    expect(names('the minister said in an interview with the BBC')).toEqual(['BBC']);
  });

  it('ignores audiences that are not outlets', () => {
    expect(names('the mayor told reporters')).toEqual([]);
    expect(names('the mayor told Jensen')).toEqual([]);
  });

  it('trusts the entity layer for outlets it knows', () => {
    const outlet: Entity = { id: 'e7', type: 'outlet', name: 'Harbour Gazette', mentions: [] };
    expect(names('a clerk told Harbour Gazette', () => outlet)).toEqual(['Harbour Gazette']);
  });
});
