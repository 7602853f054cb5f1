import { describe, expect, it } from 'vitest';
import type { Entity } from '../core/schema.js';
import { segment } from '../text/segment.js';
import { buildEntities } from './build.js';
import type { NerSpan } from './ner/tagger.js';

/** Entities of `text` with the given spans tagged as organisations by a stand-in for the model. */
function entities(text: string, orgs: string[]): Entity[] {
  const spans: NerSpan[] = orgs.map((o) => ({ start: text.indexOf(o), end: text.indexOf(o) + o.length, label: 'ORG', confidence: 0.9 }));
  const { tokens, sentences } = segment(text, 'en');
  return buildEntities(text, tokens, sentences, spans);
}
const places = (es: Entity[]) => es.filter((e) => e.type === 'place').map((e) => e.name);
const types = (es: Entity[]) => es.map((e) => `${e.type}:${e.name}`);

describe('places inside the names of organisations', () => {
  it('finds the place that opens an institution’s name, and keeps the organisation', () => {
    const es = entities('The Mariupol City Council said the Grand Ledge Police Department was told.', ['Mariupol City Council', 'Grand Ledge Police Department']);
    expect(places(es)).toEqual(['Mariupol', 'Grand Ledge']);
    expect(types(es)).toContain('organization:Mariupol City Council');
  });

  it('finds a country or region after "of", and a town after "City of"', () => {
    expect(places(entities('The Armed Forces of Ukraine and the City of Athens replied.', ['Armed Forces of Ukraine', 'City of Athens']))).toEqual(['Ukraine', 'Athens']);
  });

  it('finds a state, county or country that opens any name, or follows "of" inside it', () => {
    const text = 'The Kentucky Workforce Development Cabinet, Laurel County Clerk Dean Johnson and the Professional Association of Georgia Educators agreed.';
    expect(places(entities(text, ['Kentucky Workforce Development Cabinet', 'Laurel County Clerk', 'Professional Association of Georgia Educators']))).toEqual(['Kentucky', 'Laurel County', 'Georgia']);
  });

  it('finds a place after a word for a part of it, and a name that begins with such a word whole', () => {
    const text = 'The Northeast Georgia Medical Center, Northern Illinois University and the Northern Ireland Office replied.';
    const es = entities(text, ['Northeast Georgia Medical Center', 'Northern Illinois University', 'Northern Ireland Office']);
    expect(places(es)).toEqual(['Georgia', 'Illinois', 'Northern Ireland']);
  });

  it('finds a town that closes a bank’s name after "of", not a town named like a word after "Department of"', () => {
    const text = 'The First Bank of Princeton and the Department of Justice replied.';
    expect(places(entities(text, ['First Bank of Princeton', 'Department of Justice']))).toEqual(['Princeton']);
  });

  it('finds a place the article names on its own at the start of an institution’s name, not at the start of a person’s', () => {
    const text = 'Dublin residents were asked. The Dublin Veterans Project grew, and Dublin Environmental Services replied. Victoria Nuland spoke in Victoria.';
    const es = entities(text, ['Dublin Veterans Project', 'Dublin Environmental Services', 'Victoria Nuland']);
    expect(es.filter((e) => e.type === 'place').map((e) => e.mentions.map((m) => m.text))).toEqual([['Dublin', 'Dublin', 'Dublin'], ['Victoria']]);
  });

  it('reads a service’s district as an organisation, with its division inside, and a military district as a region', () => {
    const text = 'The Rapides Parish Fire District and the Southern Military District replied.';
    const es = entities(text, ['Rapides Parish Fire District', 'Southern Military District']);
    expect(types(es)).toEqual(['organization:Rapides Parish Fire District', 'place:Rapides Parish', 'place:Southern Military District']);
  });

  it('reads no place in a pact named for an area, nor in a short word that only abbreviates one', () => {
    const text = 'The North Atlantic Treaty Organization and the Institute of Mass Information replied.';
    expect(places(entities(text, ['North Atlantic Treaty Organization', 'Institute of Mass Information']))).toEqual([]);
  });

  it('takes a county whole, never the town of its name', () => {
    expect(places(entities('The Anderson County Sheriff said so.', ['Anderson County Sheriff']))).toEqual(['Anderson County']);
  });

  it('stays silent on companies and towns named like common words', () => {
    expect(places(entities('He banked at the Bank of America.', ['Bank of America']))).toEqual([]);
    // "Commerce" is a town in Texas, but the article writes "commerce" in lower case too
    expect(places(entities('The Commerce Board met to discuss commerce.', ['Commerce Board']))).toEqual([]);
    expect(places(entities('Ford Motor Co. and the Lincoln Financial Group reported.', ['Ford Motor Co.', 'Lincoln Financial Group']))).toEqual([]);
  });
});
