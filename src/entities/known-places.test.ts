import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import { segment } from '../text/segment.js';
import { buildEntities } from './build.js';
import type { NerSpan } from './ner/tagger.js';
import { knownAs } from './known-places.js';

/** NER spans as [label, text], at the text's first occurrence or, with 'last', its last */
function entities(text: string, ner: [NerSpan['label'], string, 'last'?][] = []): Entity[] {
  const spans = ner.map(([label, sub, which]) => {
    const start = which === 'last' ? text.lastIndexOf(sub) : text.indexOf(sub);
    return { start, end: start + sub.length, label, confidence: 0.9 };
  });
  const { tokens, sentences } = segment(text, 'en');
  return buildEntities(text, tokens, sentences, spans);
}
const typeOf = (es: Entity[], name: string) => es.find((e) => e.name === name)?.type;

describe('knownAs', () => {
  it('knows countries, regions, dotted abbreviations and continents as areas', () => {
    for (const name of ['Canada', 'Ontario', 'Ky.', 'B.C.', 'Asia', 'Black Sea']) expect(knownAs(name), name).toBe('area');
  });
  it('takes a short word without its dot for no abbreviation', () => {
    for (const name of ['Man', 'Mass', 'Pa', 'Miss']) expect(knownAs(name), name).not.toBe('area');
  });
  it('knows a sizeable city by its own name only', () => {
    expect(knownAs('Edmonton')).toBe('city');
    expect(knownAs('Company')).toBeNull();
  });
});

describe('gazetteer-backed recognition', () => {
  it('finds areas the tagger missed, after a comma or on their own', () => {
    const es = entities('COLUMBIA, Ky. (WBKO) - Snow fell across Ontario and Manitoba on Monday.');
    for (const name of ['Ky.', 'Ontario', 'Manitoba']) expect(typeOf(es, name), name).toBe('place');
  });
  it('retypes a lone city or area the tagger took for an organisation; a longer organisation stays one', () => {
    const es = entities('The Edmonton council met. Kentucky State Police arrived.', [['ORG', 'Edmonton'], ['ORG', 'Kentucky State Police']]);
    expect(typeOf(es, 'Edmonton')).toBe('place');
    expect(typeOf(es, 'Kentucky State Police')).toBe('organization');
  });
  it('keeps a person where the article names her in full', () => {
    const es = entities('Georgia Stevens skated well. Georgia smiled.', [['PER', 'Georgia Stevens'], ['PER', 'Georgia', 'last']]);
    expect(es.filter((e) => e.type === 'place').map((e) => e.name)).toEqual([]);
  });
  it('leaves demonyms alone: they are no place mentions', () => {
    const es = entities('Russian and Canadian officials met.');
    expect(es.filter((e) => e.type === 'place')).toEqual([]);
  });
  it('keeps a hyphenated settlement name whole, and a compound of two places apart', () => {
    const es = entities('Statements about the situation in Artemovsk and Kupyansk-Vuzlovyi were exaggerated. The Russia-Ukraine war goes on.', [
      ['LOC', 'Artemovsk'],
      ['ORG', 'Kupyansk'],
    ]);
    expect(es.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Artemovsk', 'Kupyansk-Vuzlovyi', 'Russia', 'Ukraine']);
  });
  it('takes a name the gazetteer does not know, where an outlet stands, for the outlet', () => {
    const es = entities('"We are patching potholes," he told the Springfield Gazette.', [['LOC', 'Springfield Gazette']]);
    expect(typeOf(es, 'Springfield Gazette')).toBe('outlet');
  });
});
