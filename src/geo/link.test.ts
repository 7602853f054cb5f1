import { describe, expect, it } from 'vitest';
import type { PlaceLink } from '../core/schema.js';
import { mentionedCountries } from './context.js';
import { linkPlaces } from './link.js';
import { entitiesFromNames, spotPlaces } from './spot.js';
import { loadGazetteer } from './gazetteer.js';

/** Links the named places of a text; returns the link of each name. */
function links(text: string, names: string[]): Record<string, PlaceLink> {
  const entities = entitiesFromNames(text, names);
  const byId = linkPlaces(text, entities);
  return Object.fromEntries(entities.map((e) => [e.name, byId[e.id]!]));
}

describe('linkPlaces', () => {
  it('links press spellings in a Kharkiv-region story, with distances as reasons', () => {
    const text =
      'KHARKIV, Ukraine — Shelling hit Kupjansk overnight, the governor of the Kharkiv region said. ' +
      'Residents of Izium, further south, reported power cuts.';
    const got = links(text, ['KHARKIV', 'Kupjansk', 'Kharkiv region', 'Izium']);
    expect(got['KHARKIV']).toMatchObject({ geonamesId: 706483, countryCode: 'UA' });
    expect(got['Kupjansk']).toMatchObject({ geonamesId: 703656, matchedBy: 'transliteration' });
    expect(got['Kupjansk']!.confidence).toBeGreaterThan(0.8);
    expect(got['Kupjansk']!.candidates![0]!.reasons.join('; ')).toMatch(/in Kharkiv Oblast, which the article mentions/);
    expect(got['Izium']).toMatchObject({ geonamesId: 707292 });
    expect(got['Izium']!.candidates![0]!.reasons.join('; ')).toMatch(/\d+ km from Kupiansk, also in the article|km from Kharkiv, the dateline/);
    expect(got['Kharkiv region']).toMatchObject({ geonamesId: null, name: 'Kharkiv Oblast' });
  });

  it('reads the dateline under a title line as where the story was filed', () => {
    const text = 'Power cuts after a night of shelling\n\nKHARKIV, Ukraine (Reuters) - Residents of Izium reported power cuts.';
    const got = links(text, ['KHARKIV', 'Izium']);
    expect(got['KHARKIV']).toMatchObject({ geonamesId: 706483, confidence: 1 });
    expect(got['Izium']!.candidates![0]!.reasons.join('; ')).toMatch(/km from Kharkiv, the dateline/);
  });

  it('tells Paris, Texas from Paris, France by what the article says', () => {
    const texas = links('PARIS, Texas — The county fair opened on Friday in Paris, some 100 miles northeast of Dallas.', ['PARIS', 'Texas', 'Dallas']);
    expect(texas['PARIS']).toMatchObject({ geonamesId: 4717560, countryCode: 'US' });
    expect(texas['PARIS']!.confidence).toBeGreaterThan(0.8);
    const france = links('Protesters marched through Paris on Saturday, French police said, as strikes spread to Lyon and Marseille.', ['Paris', 'Lyon', 'Marseille']);
    expect(france['Paris']).toMatchObject({ geonamesId: 2988507, countryCode: 'FR' });
    expect(france['Paris']!.candidates!.length).toBeGreaterThan(1);
  });

  it('reads Georgia as the US state when the article names a county only Georgia has, and as the country otherwise', () => {
    const state = links('Schools in Barrow County are hiring again, the Georgia education department said.', ['Barrow County', 'Georgia']);
    expect(state['Barrow County']).toMatchObject({ countryCode: 'US', feature: 'ADM2' });
    expect(state['Georgia']).toMatchObject({ countryCode: 'US', name: 'Georgia (US state)' });
    expect(state['Georgia']!.candidates![0]!.reasons.join('; ')).toMatch(/Barrow County, which the article also names, is in it/);
    // Jackson County is in many states: no evidence for one of them
    const country = links('Schools in Jackson County are hiring again; the Georgia delegation flew to Tbilisi.', ['Jackson County', 'Georgia', 'Tbilisi']);
    expect(country['Georgia']).toMatchObject({ geonamesId: 614540 });
  });

  it('reads Georgia as the country where the article names a region of it, even beside the US', () => {
    const got = links('US diplomats urged restraint as fighting spread in South Ossetia. Georgia has asked for talks.', ['US', 'South Ossetia', 'Georgia']);
    expect(got['Georgia']).toMatchObject({ geonamesId: 614540 });
    expect(got['Georgia']!.candidates![0]!.reasons.join('; ')).toMatch(/the article also mentions it or a place in it \(“South Ossetia”\)/);
  });

  it('reads a state or a country under its formal title', () => {
    const got = links('The grant comes from the State of Ohio. Officials of the Republic of Belarus declined to comment.', ['State of Ohio', 'Republic of Belarus']);
    expect(got['State of Ohio']).toMatchObject({ name: 'Ohio', countryCode: 'US', feature: 'ADM1' });
    expect(got['Republic of Belarus']).toMatchObject({ geonamesId: 630336 });
  });

  it('leaves a name unlinked, its candidates listed, when the article gives no reason to prefer one of its many places', () => {
    // many Unions, all small: the best of them has a small share of the evidence
    const got = links('The Union will vote on Tuesday.', ['Union']);
    expect(got['Union']).toMatchObject({ geonamesId: null, lat: null });
    expect(got['Union']!.note).toMatch(/places are called "Union" and the article does not say which: the likeliest, .* is too uncertain to link/);
    expect(got['Union']!.candidates!.length).toBeGreaterThan(1);
    // with a reason, one of them is linked
    const nj = links('The Union council met on Tuesday, 10 km from Newark, New Jersey.', ['Union', 'Newark', 'New Jersey']);
    expect(nj['Union']).toMatchObject({ countryCode: 'US' });
    expect(nj['Union']!.geonamesId).not.toBeNull();
  });

  it('places a town and a county that are both in many states by the one state where the town is in the county', () => {
    const got = links('The Paris council met on Monday. Henry County commissioners joined it.', ['Paris', 'Henry County']);
    // Paris, Tennessee is in Henry County, Tennessee
    expect(got['Paris']).toMatchObject({ geonamesId: 4647963, countryCode: 'US' });
    expect(got['Paris']!.candidates![0]!.reasons.join('; ')).toMatch(/in Henry County, which the article names/);
    expect(got['Henry County']).toMatchObject({ countryCode: 'US', feature: 'ADM2' });
    expect(got['Henry County']!.candidates![0]).toMatchObject({ admin1: 'TN' });
    expect(got['Henry County']!.candidates![0]!.reasons.join('; ')).toMatch(/Paris, which the article names, is in it/);
    // without the county, Paris is the capital of France
    expect(links('The Paris council met on Monday.', ['Paris'])['Paris']).toMatchObject({ geonamesId: 2988507 });
  });

  it('reads the country of most of the towns linked with confidence as the story’s', () => {
    const got = links('Dallas police said on Monday that the Paris man was arrested.', ['Dallas', 'Paris']);
    expect(got['Paris']).toMatchObject({ geonamesId: 4717560, countryCode: 'US' });
    expect(got['Paris']!.candidates![0]!.reasons.join('; ')).toMatch(/in United States, which the article mentions/);
  });

  it('links no town for a point of the compass alone', () => {
    const got = links('Russia would send its tanks West again, and Italy would feel it.', ['West', 'Italy']);
    expect(got['West']).toMatchObject({ geonamesId: null });
    expect(got['West']!.note).toMatch(/a point of the compass/);
    expect(got['Italy']).toMatchObject({ geonamesId: 3175395 });
  });

  it('resolves a former name to today’s place and says so', () => {
    const got = links('Ukrainian troops held positions outside Artemivsk in the Donetsk region.', ['Artemivsk'])['Artemivsk']!;
    expect(got).toMatchObject({ geonamesId: 713174, name: 'Bakhmut', matchedBy: 'former-name', formerName: 'Artemivsk' });
    expect(got.note).toMatch(/Artemivsk is the former name \(until 2016\) of Bakhmut/);
  });

  it('matches a garbled name fuzzily, at a lower confidence, with the candidates', () => {
    const got = links('Shelling was reported in Huliaipol and Orikhiv, in Ukraine’s Zaporizhzhia region.', ['Huliaipol', 'Orikhiv'])['Huliaipol']!;
    expect(got).toMatchObject({ geonamesId: 707898, matchedBy: 'fuzzy' });
    expect(got.confidence).toBeLessThan(0.9);
    expect(got.candidates![0]!.reasons.join('; ')).toMatch(/letter away/);
  });

  it('links no near spelling that only its country supports', () => {
    // Putian is in China, which the story names, but nowhere near anything else it names
    const got = links('Xi Jinping met Putin in Beijing on Friday. China and Russia signed trade deals.', ['Putin', 'China', 'Russia', 'Beijing'])['Putin']!;
    expect(got).toMatchObject({ geonamesId: null, confidence: 0 });
    expect(got.note).toMatch(/no place is spelled "Putin".*Putian/);
  });

  it('does not place a small town far from the rest of the story with confidence', () => {
    const text = 'Russian forces shelled Pokrovsk and Kramatorsk in the Donetsk region of Ukraine; a convoy was later seen near Krasnogorsk.';
    const got = links(text, ['Pokrovsk', 'Kramatorsk', 'Krasnogorsk']);
    expect(got['Pokrovsk']).toMatchObject({ geonamesId: 704422 });
    expect(got['Krasnogorsk']!.confidence).toBeLessThan(0.5);
    expect(got['Krasnogorsk']!.note).toMatch(/km from Kramatorsk|km from Pokrovsk/);
    expect(got['Krasnogorsk']!.candidates!.length).toBeGreaterThan(1);
  });

  it('says when a name is not in the gazetteer', () => {
    const got = links('The village of Qzxwvtyland was hit.', ['Qzxwvtyland'])['Qzxwvtyland']!;
    expect(got).toMatchObject({ geonamesId: null, lat: null, confidence: 0 });
    expect(got.note).toMatch(/not in the gazetteer/);
  });

  it('stays fast on adversarial input', () => {
    const t0 = performance.now();
    for (const text of ['A'.repeat(200_000), '"'.repeat(200_000), 'Aaa, '.repeat(40_000)]) {
      linkPlaces(text, entitiesFromNames(text.slice(0, 2000), [text.slice(0, 1000)]));
      mentionedCountries(text);
      spotPlaces(text.slice(0, 50_000), loadGazetteer());
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('spotPlaces and mentionedCountries', () => {
  it('finds known places and the countries a text mentions', () => {
    const text = 'Officials in Kyiv and the Donetsk People’s Republic disagreed, Russian media said.';
    expect(spotPlaces(text, loadGazetteer()).map((e) => e.name)).toEqual(['Kyiv', 'Donetsk People’s Republic']);
    expect([...mentionedCountries(text).keys()]).toEqual(['RU']);
  });
});

describe('renamed places and the article date', () => {
  it('says a former name was current when an older article was published', () => {
    const text = 'Miners in Krasnoarmeysk went on strike.';
    const [e] = entitiesFromNames(text, ['Krasnoarmeysk']);
    const link = linkPlaces(text, [e!], { publishedAt: '2012-05-01' })[e!.id]!;
    expect(link).toMatchObject({ geonamesId: 704422, formerName: 'Krasnoarmeysk' });
    expect(link.note).toMatch(/was the name of Pokrovsk when the article was published \(renamed in 2016\)/);
  });
});

describe('region names', () => {
  it('reads "the X region" as the oblast, and a colloquial region without its suffix', () => {
    const text = 'Fighting continued in the Kharkov region and across the Donbass region.';
    const got = links(text, ['Kharkov', 'Donbass region']);
    expect(got['Kharkov']).toMatchObject({ geonamesId: null, name: 'Kharkiv Oblast', countryCode: 'UA' });
    expect(got['Donbass region']).toMatchObject({ geonamesId: null, name: 'Donbas' });
  });
});

describe('what the article says around a name (warnews gold sample)', () => {
  it('counts a country as mentioned when another phrase than the place itself names it', () => {
    const text = 'Washington and London lead the West, the minister said. The allies of the United States and the UK send weapons.';
    expect(links(text, ['Washington', 'London'])['Washington']).toMatchObject({ geonamesId: 4140963 });
  });

  it('reads a name in a list after "the regions of" as the region', () => {
    const text = 'The annexation of the Ukrainian regions of Donetsk, Kherson, Luhansk and Zaporizhzhia is illegal.';
    expect(links(text, ['Kherson'])['Kherson']).toMatchObject({ geonamesId: null, name: 'Kherson Oblast' });
    expect(links('Rockets hit stations in the central Ukraine region of Vinnytsia.', ['Vinnytsia'])['Vinnytsia']).toMatchObject({ name: 'Vinnytsia Oblast' });
    const named = 'Russia annexed four regions of Ukraine -- Donetsk, Luhansk, Kherson and Zaporizhzhia -- last year.';
    expect(links(named, ['Luhansk'])['Luhansk']).toMatchObject({ name: 'Luhansk Oblast' });
    const parts = 'Votes were held in Russian-controlled parts of Donetsk, Luhansk, Kherson and Zaporizhzhia.';
    expect(links(parts, ['Donetsk'])['Donetsk']).toMatchObject({ name: 'Donetsk Oblast' });
  });

  it('keeps the town where only one name follows "parts of", or the name also stands alone for the town', () => {
    expect(links('Shelling hit parts of Kharkiv overnight.', ['Kharkiv'])['Kharkiv']).toMatchObject({ geonamesId: 706483 });
    const text = 'Russia annexed the regions of Donetsk, Luhansk, Kherson and Zaporizhzhia. Its troops later left the port of Kherson.';
    expect(links(text, ['Kherson'])['Kherson']).toMatchObject({ geonamesId: 706448 });
  });

  it('doubts the town when the article names a region of that name the gazetteer lacks', () => {
    const got = links('Police searched a home in Russia’s Tula region.', ['Tula region'])['Tula region']!;
    expect(got).toMatchObject({ geonamesId: 480562 });
    expect(got.confidence).toBeLessThan(0.6);
    expect(got.note).toMatch(/names the Tula region, which the gazetteer lacks/);
  });

  it('reads "St." as Saint in a place’s own name', () => {
    const got = links('Students at St. Petersburg State University in Russia protested; the US embassy said nothing.', ['St. Petersburg'])['St. Petersburg']!;
    expect(got).toMatchObject({ geonamesId: 498817, matchedBy: 'exact' });
  });

  it('doubts a lone candidate only folded spelling makes one, with nothing in the article for it', () => {
    const text = 'In Belarus, the Khatyn memorial complex was renovated, the Minsk government said.';
    const got = links(text, ['Khatyn', 'Belarus'])['Khatyn']!;
    expect(got.confidence).toBeLessThan(0.6);
    expect(got.note).toMatch(/the only place spelled like "Khatyn"/);
  });

  it('sets aside the towns of a one-word name the text writes with the article, not of a modifier', async () => {
    const { segment } = await import('../text/segment.js');
    const linkWith = (text: string, name: string) => {
      const entities = entitiesFromNames(text, [name]);
      return linkPlaces(text, entities, { tokens: segment(text, 'en').tokens })[entities[0]!.id]!;
    };
    expect(linkWith('The West must lift sanctions, he said in the United States.', 'West')).toMatchObject({ lat: null, confidence: 0 });
    expect(linkWith('The West must lift sanctions, he said in the United States.', 'West').note).toMatch(/writes "the West"/);
    expect(linkWith('The Gaza war goes on.', 'Gaza')).toMatchObject({ geonamesId: 281133 });
    expect(linkWith('Sochi should become the Nice of Russia.', 'Nice').lat).not.toBeNull();
    expect(linkWith('Officials of the Zurich, Switzerland-based body met.', 'Zurich').lat).not.toBeNull();
  });
});
