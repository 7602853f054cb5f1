import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import type { Token } from '../core/doc.js';
import type { Entity } from '../core/schema.js';
import { SEED_PATH, SEED_PUBLISHED, describeWithShared } from '../testing/shared.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { segment } from '../text/segment.js';
import { entitiesAnalyzer } from './analyzer.js';
import { buildEntities } from './build.js';
import type { NerSpan } from './ner/tagger.js';

/** A hand-made NER span: label, the text it covers, and which occurrence (0 = the first). */
type Ner = [NerSpan['label'], string, number?];

function entities(text: string, ner: Ner[] = []): Entity[] {
  const spans: NerSpan[] = ner.map(([label, sub, nth = 0]) => {
    let start = -1;
    for (let k = 0; k <= nth; k++) start = text.indexOf(sub, start + 1);
    if (start < 0) throw new Error(`'${sub}' is not in the text`);
    return { start, end: start + sub.length, label, confidence: 0.9 };
  });
  const { tokens, sentences } = segment(text, 'en');
  return buildEntities(text, tokens, sentences, spans);
}

const named = (es: Entity[], name: string) => es.find((e) => e.name === name);
const summary = (e: Entity | undefined) => e && { type: e.type, name: e.name, role: e.role };
const mentionTexts = (e: Entity | undefined) => e?.mentions.map((m) => `${m.text}/${m.kind}`);

describe('people and their roles', () => {
  it('takes the title before the name, normalised', () => {
    const es = entities('Army General Staff Chief of the Armed Forces of Ukraine Mykola Bondar visited the front.', [
      ['PER', 'Mykola Bondar'],
    ]);
    expect(summary(named(es, 'Mykola Bondar'))).toEqual({ type: 'person', name: 'Mykola Bondar', role: 'Chief of the General Staff' });
    // the body in the qualifier is an entity of its own
    expect(named(es, 'Armed Forces of Ukraine')?.type).toBe('organization');
  });

  it('takes a title that the model tagged as part of the name', () => {
    const es = entities('Yesterday President Anna Kowalczyk flew home.', [['PER', 'President Anna Kowalczyk']]);
    expect(summary(es[0])).toEqual({ type: 'person', name: 'Anna Kowalczyk', role: 'President' });
    expect(es[0]!.mentions[0]!.text).toBe('Anna Kowalczyk');
  });

  it('takes a title set off by a comma, and an apposition after the name', () => {
    const before = entities("Moldova's defence minister, Ion Rusu, arrived.", [['PER', 'Ion Rusu']]);
    expect(named(before, 'Ion Rusu')?.role).toBe('Minister of Defence');
    const after = entities('Jane Doe, a spokeswoman for the ministry, declined to comment.', [['PER', 'Jane Doe']]);
    expect(named(after, 'Jane Doe')?.role).toBe('Spokesperson for the ministry');
  });

  it('keeps the complement of a title that takes one', () => {
    const es = entities('President of Ukraine Petro Marchenko spoke to Deputy Prime Minister Olha Lysenko.', [
      ['PER', 'Petro Marchenko'],
      ['PER', 'Olha Lysenko'],
    ]);
    expect(named(es, 'Petro Marchenko')?.role).toBe('President of Ukraine');
    expect(named(es, 'Olha Lysenko')?.role).toBe('Deputy Prime Minister');
  });

  it('names the body a title belongs to when a known entity stands before it', () => {
    const es = entities('Pentagon spokesman John Roe and Olena Bilyk, a Kherson governor, spoke.', [
      ['PER', 'John Roe'],
      ['PER', 'Olena Bilyk'],
    ]);
    expect(named(es, 'John Roe')?.role).toBe('Pentagon Spokesperson');
    expect(named(es, 'Olena Bilyk')?.role).toBe('Kherson Governor');
  });

  it('finds people the model missed, after a title', () => {
    const es = entities('The report reached General Ivan Sokolov and later Colonel Dmitry Orlov.');
    expect(es.map(summary)).toEqual([
      { type: 'person', name: 'Ivan Sokolov', role: 'General' },
      { type: 'person', name: 'Dmitry Orlov', role: 'Colonel' },
    ]);
  });

  it('does not take an organisation that begins with a title word for a title', () => {
    const es = entities('The General Staff said the attack failed.');
    expect(es.map(summary)).toEqual([{ type: 'organization', name: 'General Staff', role: undefined }]);
  });
});

describe('outlets', () => {
  it('knows agencies, papers and channels by name and alias', () => {
    const es = entities('Sputnik, Ukrainska Pravda and the AP carried the story; ITAR-TASS did not.');
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['outlet', 'Sputnik'],
      ['outlet', 'Ukrainska Pravda'],
      ['outlet', 'Associated Press'],
      ['outlet', 'TASS'],
    ]);
  });

  it('types an unknown organisation as an outlet from its context', () => {
    const es = entities('He told Radio Brest on Monday, and the Dnipro Herald newspaper and Pivden Daily reported the same.', [
      ['ORG', 'Radio Brest'],
      ['ORG', 'Pivden Daily'],
    ]);
    expect(named(es, 'Radio Brest')?.type).toBe('outlet');
    expect(named(es, 'Dnipro Herald')?.type).toBe('outlet');
    expect(named(es, 'Pivden Daily')?.type).toBe('outlet');
  });

  it('reads a masthead by its head noun, and "the Gazette" as the outlet named before', () => {
    const text = 'The Springfield Gazette ran the story. A memo, seen by the Gazette, said so. The Times of London and the Herald Tribune agreed.';
    const es = entities(text, [['LOC', 'Springfield Gazette'], ['PER', 'Gazette', 1], ['ORG', 'Herald Tribune']]);
    expect(summary(named(es, 'Springfield Gazette'))).toEqual({ type: 'outlet', name: 'Springfield Gazette' });
    expect(mentionTexts(named(es, 'Springfield Gazette'))).toEqual(['Springfield Gazette/name', 'Gazette/name']);
    expect(named(es, 'Herald Tribune')?.type).toBe('outlet');
    // "the Times of London": not a lone head noun, left to the other rules
    expect(named(es, 'Times')).toBeUndefined();
  });

  it('takes no organisation ending in a head noun for an outlet, nor a head noun with a name after it', () => {
    const es = entities('The City Council Journal was read. The Post Office closed.', [['ORG', 'City Council Journal']]);
    expect(named(es, 'City Council Journal')?.type).toBe('organization');
    expect(es.filter((e) => e.type === 'outlet')).toEqual([]);
  });

  it('leaves a ministry that reported something an organisation', () => {
    const es = entities('The Energy Ministry reported outages.', [['ORG', 'Energy Ministry']]);
    expect(named(es, 'Energy Ministry')?.type).toBe('organization');
  });
});

describe('military units', () => {
  it('reads ordinal unit names and quoted unit names', () => {
    const es = entities(
      'The 47th Mechanised Brigade and the 155th Separate Marine Brigade ‘Anne of Kyiv’ joined the ‘Dnipro’ group of forces near the river.',
    );
    expect(es.filter((e) => e.type === 'military-unit').map((e) => e.name)).toEqual([
      '47th Mechanised Brigade',
      '155th Separate Marine Brigade Anne of Kyiv',
      'Dnipro group of forces',
    ]);
  });

  it('takes a known quoted name as the unit, and not a lowercase description', () => {
    const es = entities('Men from the second battalion of the Russian Volunteer Corps and the ‘Kraken’ unit arrived.');
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['military-unit', 'Russian Volunteer Corps'],
      ['military-unit', 'Kraken'],
    ]);
  });

  it('lets a one-word unit name yield to a longer place or person', () => {
    const es = entities('Ships in the Azov Sea; a concert of Richard Wagner; the Wagner Group left.', [['PER', 'Richard Wagner']]);
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['place', 'Azov Sea'],
      ['person', 'Richard Wagner'],
      ['military-unit', 'Wagner Group'],
    ]);
  });
});

describe('places', () => {
  it('types model LOC spans and known regions as places', () => {
    const es = entities('Shelling hit Sumy and the Luhansk People’s Republic.', [['LOC', 'Sumy']]);
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['place', 'Sumy'],
      ['place', 'Luhansk People’s Republic'],
    ]);
  });

  it('finds places the model missed, with lower confidence', () => {
    const es = entities('Troops advanced towards Novoselivka and Orikhove, took the village of Stepove and shelled the Sumy region.');
    expect(es.map((e) => [e.name, e.confidence])).toEqual([
      ['Novoselivka', 0.5],
      ['Orikhove', 0.5],
      ['Stepove', 0.7],
      ['Sumy region', 0.65],
    ]);
  });

  it('takes a lone word the model called a person for a place where only a place fits', () => {
    const text = 'Troops had taken Zarichne and fought near Torske and Yampil, said Hrytsenko. In Hrytsenko’s view, Borova held.';
    const es = entities(text, [
      ['PER', 'Zarichne'],
      ['PER', 'Torske'],
      ['PER', 'Yampil'],
      ['PER', 'Hrytsenko'],
      ['PER', 'Hrytsenko', 1],
      ['LOC', 'Borova'],
    ]);
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['place', 'Zarichne'],
      ['place', 'Torske'],
      ['place', 'Yampil'],
      ['person', 'Hrytsenko'],
      ['place', 'Borova'],
    ]);
  });

  it('keeps an institution after "in" or "from", and a person listed with one, for what the model took them', () => {
    const es = entities('The vote in Congress was close. Talks in Nato and from PACE went on, and Putin and Zelensky spoke. Shells fell in Sochi, the CIA said.', [
      ['ORG', 'Congress'],
      ['ORG', 'Nato'],
      ['ORG', 'PACE'],
      ['PER', 'Putin'],
      ['PER', 'Zelensky'],
      ['ORG', 'Sochi'],
      ['ORG', 'CIA'],
    ]);
    // the CIA is spelled like Chía, Colombia, only once folded
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['organization:Congress', 'organization:Nato', 'organization:PACE', 'person:Putin', 'person:Zelensky', 'place:Sochi', 'organization:CIA']);
  });

  it('takes a lone word the model called an organisation for a place where only a place fits', () => {
    const es = entities('Troops moved towards Kupjansk, and shells fell in Izium and Balakliia.', [
      ['ORG', 'Kupjansk'],
      ['LOC', 'Izium'],
      ['ORG', 'Balakliia'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Kupjansk', 'place:Izium', 'place:Balakliia']);
  });

  it('reads a dateline region in capitals as a place, and a platform as no place', () => {
    const es = entities('KHARKIV REGION, November 18 — A blogger claimed on Telegram that the bridge was hit.', [
      ['ORG', 'KHARKIV REGION'],
      ['LOC', 'Telegram'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:KHARKIV REGION', 'organization:Telegram']);
  });

  it('reads a region the model took for a person as the region, apart from its capital', () => {
    const es = entities('Kiev and Minsk survived. Shoes were found in Logoisk District, Minsk Oblast.', [
      ['LOC', 'Kiev'],
      ['LOC', 'Minsk'],
      ['PER', 'Minsk Oblast'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Kiev', 'place:Minsk', 'place:Logoisk District', 'place:Minsk Oblast']);
  });

  it('drops a month or weekday the model tagged as a name', () => {
    const es = entities('On December 13th, the commander said. Monday was quiet in Lviv.', [
      ['PER', 'December'],
      ['ORG', 'Monday'],
      ['LOC', 'Lviv'],
    ]);
    expect(es.map((e) => e.name)).toEqual(['Lviv']);
  });

  it('never takes months, titles or nationalities for places', () => {
    const es = entities('In December the talks moved to Ukrainian officials near General Staff offices, in English.');
    expect(es.filter((e) => e.type === 'place')).toEqual([]);
  });

  it('reads no capitalised cue in a title-case headline', () => {
    const es = entities('Governor Bans Drivers From Entering Old Town Near River\nDrivers from Bilky were stopped.');
    expect(es.map((e) => [e.type, e.name])).toEqual([['place', 'Bilky']]);
  });

  it('trusts no model span in a title-case headline that runs a name into words the body writes in lower case', () => {
    const text = 'City Council Approves Library Expansion After Debate\nThe Springfield City Council voted to expand the library.';
    const es = entities(text, [['ORG', 'City Council Approves Library Expansion'], ['ORG', 'City Council', 1]]);
    const council = es.find((e) => e.type === 'organization')!;
    expect(council.name).toBe('City Council');
    // the headline's "City Council" is the body's, by propagation
    expect(mentionTexts(council)).toEqual(['City Council/name', 'City Council/name']);
    expect(es.filter((e) => /Approves|Library|Expansion/.test(e.name))).toEqual([]);
  });

  it('keeps a headline span the body does not contradict: a caption, a subhead in capitals, an acronym', () => {
    const text = 'Photo: Timothy Fadek/Redux\nRUSSIA WARNS ISRAEL AGAINST ARMS FOR US\nSources: CNN/PAP/Twitter\nRussia sent a note to us on Monday.';
    const es = entities(text, [['PER', 'Timothy Fadek'], ['LOC', 'RUSSIA'], ['LOC', 'ISRAEL'], ['LOC', 'US', 1], ['ORG', 'PAP']]);
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['Timothy Fadek', 'ISRAEL', 'PAP']));
    expect(es.find((e) => e.name === 'US' || e.name === 'United States')).toBeDefined();
  });

  it('leaves to the body a headline span that runs a body name into unknown words', () => {
    const es = entities('AG GARLAND VISITS KYIV\nMerrick Garland arrived. Garland met officials.', [['ORG', 'AG GARLAND'], ['PER', 'Merrick Garland']]);
    expect(es.filter((e) => e.type === 'organization')).toEqual([]);
    expect(named(es, 'Merrick Garland')?.mentions.map((m) => m.text)).toEqual(['GARLAND', 'Merrick Garland', 'Garland']);
  });

  it('takes a name of several words after a place preposition for the town the gazetteer has, and keeps a person there', () => {
    const es = entities('The hearing was held in Rolling Meadows. The award went to John Carter.', [
      ['PER', 'Rolling Meadows'],
      ['PER', 'John Carter'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Rolling Meadows', 'person:John Carter']);
  });

  it('takes a name before its state for the town the gazetteer has there, not a person named so', () => {
    const es = entities('The plant in Greer, South Carolina, closed. Hugo Dellinger, South Carolina’s lawyer, spoke.', [
      ['PER', 'Greer'],
      ['LOC', 'South Carolina'],
      ['PER', 'Hugo Dellinger'],
      ['LOC', 'South Carolina', 1],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Greer', 'place:South Carolina', 'person:Hugo Dellinger']);
  });

  it('takes a town before its police, residents or natives in lower case for the town', () => {
    const es = entities('Roselle police ticketed drivers. An Augusta native, she returned. Torrington firefighters came. A Chapin man died, and a Rolling Meadows man. Pentagon officers spoke.', [
      ['ORG', 'Roselle'],
      ['ORG', 'Augusta'],
      ['PER', 'Rolling Meadows'],
      ['ORG', 'Pentagon'],
    ]);
    // no town is spelled "Pentagon"
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Roselle', 'place:Augusta', 'place:Torrington', 'place:Chapin', 'place:Rolling Meadows', 'organization:Pentagon']);
  });

  it('reads a dateline in capitals before a dash as the town, and capitals elsewhere as they are', () => {
    const es = entities('Budget approved. CROMWELL — The council voted. ISLE OF PALMS — Two members ran. NATO — and the EU — met.', [
      ['ORG', 'CROMWELL'],
      ['ORG', 'NATO'],
      ['ORG', 'EU'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:CROMWELL', 'place:ISLE OF PALMS', 'organization:North Atlantic Treaty Organization', 'organization:European Union']);
  });

  it('reads a division named in full by its name alone too, and a name ending in a division word as the division', () => {
    const es = entities('DeKalb County voted. Residents of DeKalb were glad. Walker County dispatchers answered. John Anderson met Anderson County officials, and Anderson said so.', [
      ['LOC', 'DeKalb County'],
      ['ORG', 'DeKalb', 1],
      ['PER', 'Walker County'],
      ['PER', 'John Anderson'],
      ['LOC', 'Anderson County'],
      ['PER', 'Anderson', 2],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual([
      'place:DeKalb County',
      'place:DeKalb',
      'place:Walker County',
      'person:John Anderson',
      'place:Anderson County',
    ]);
    expect(mentionTexts(named(es, 'John Anderson'))).toEqual(['John Anderson/name', 'Anderson/surname']);
  });

  it('takes no word for a kind of place alone for a place’s name, and keeps it inside one', () => {
    const es = entities('The District A forum met in Block 8 near City Hall, and Pack 123 camped in the Southern Military District.', [
      ['LOC', 'District'],
      ['LOC', 'Block'],
      ['LOC', 'City Hall'],
      ['LOC', 'Pack'],
      ['LOC', 'Southern Military District'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Southern Military District']);
  });

  it('takes no feast, and no number opening a sentence, for a place', () => {
    const es = entities('Parades marked St. Patrick’s Day and Christmas in Dublin. One man was held.', [
      ['LOC', 'St. Patrick'],
      ['LOC', 'Christmas'],
      ['LOC', 'Dublin'],
      ['LOC', 'One'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Dublin']);
  });

  it('reads a legislator’s hometown after the party letter as a place, and no hyphenated word elsewhere', () => {
    const es = entities('Rep. Torrey Westrom, R-Elbow Lake, said so, and Brent Boggs (D-Braxton) agreed. The A-Team won.', [
      ['PER', 'Torrey Westrom'],
      ['PER', 'Elbow Lake'],
      ['PER', 'Brent Boggs'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Torrey Westrom', 'place:Elbow Lake', 'person:Brent Boggs', 'place:Braxton']);
  });

  it('reads each name of a list of counties as its county, where the gazetteer has one so named', () => {
    const es = entities('Jobless rates rose in Barrow and Jackson counties, and in Becker and Clay counties. Zyxwvut and Qwxzy counties cheered.');
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Barrow County', 'place:Jackson County', 'place:Becker County', 'place:Clay County']);
    expect(es[0]!.mentions.map((m) => m.text)).toEqual(['Barrow']);
  });

  it('reads the town or state after a part’s word as the place, and a country or a state named so whole as itself', () => {
    const es = entities('Downtown Greer grew. Schools in Northeast Georgia hired. North Vietnam fell; North Carolina voted.', [
      ['PER', 'Downtown Greer'],
      ['ORG', 'Northeast Georgia'],
      ['ORG', 'North Vietnam'],
      ['LOC', 'North Carolina'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Greer', 'place:Georgia', 'organization:North Vietnam', 'place:North Carolina']);
  });

  it('splits a person the model ran on into the town, and finds the town opening a school it took for a person', () => {
    const es = entities('Daniel Ray Hufstetler of Roswell was hurt. A Middletown High School senior and the Duke of Edinburgh watched.', [
      ['PER', 'Daniel Ray Hufstetler of Roswell'],
      ['PER', 'Middletown High School'],
      ['PER', 'Duke of Edinburgh'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Daniel Ray Hufstetler', 'place:Roswell', 'person:Middletown High School', 'place:Middletown', 'person:Duke of Edinburgh']);
  });

  it('reads a town’s name that is the surname of a person named in full as that person, not a country’s', () => {
    const es = entities('Abraham Lincoln spoke. Lincoln was tall. Michael Jordan flew to Jordan.', [
      ['PER', 'Abraham Lincoln'],
      ['LOC', 'Lincoln', 1],
      ['PER', 'Michael Jordan'],
      ['LOC', 'Jordan', 1],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Abraham Lincoln', 'person:Michael Jordan', 'place:Jordan']);
    expect(mentionTexts(named(es, 'Abraham Lincoln'))).toEqual(['Abraham Lincoln/name', 'Lincoln/surname']);
  });

  it('reads each name of a list of regions or oblasts as its region, and the same name alone as it stands', () => {
    const es = entities('Russia recognised parts of the Donetsk and Luhansk regions. Shelling hit Donetsk on Monday.', [['LOC', 'Donetsk', 1]]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Russia', 'place:Donetsk region', 'place:Luhansk region', 'place:Donetsk']);
  });

  it('reads a name a natural feature’s word opens or ends as the feature, not a person named so', () => {
    const es = entities('Boats left Lake Cunningham for Otter Creek Wilderness. Ricki Lake and River Phoenix watched.', [
      ['PER', 'Lake Cunningham'],
      ['ORG', 'Otter Creek Wilderness'],
      ['PER', 'Ricki Lake'],
      ['PER', 'River Phoenix'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Lake Cunningham', 'place:Otter Creek Wilderness', 'person:Ricki Lake', 'person:River Phoenix']);
  });

  it('finds the place inside an event’s name the MISC policy drops, and an airport’s', () => {
    const es = entities('Seniors joined the Tennessee Senior Olympics after landing at Vancouver International Airport.', [
      ['MISC', 'Tennessee Senior Olympics'],
      ['ORG', 'Vancouver International Airport'],
    ]);
    expect(es.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Tennessee', 'Vancouver']);
  });

  it('reads an acronym the model took for a place as a body unless a place is spelled so', () => {
    const es = entities('Bonuses at AIG angered voters in the US. The state took control of AIG. Author: MJZ', [
      ['LOC', 'AIG'],
      ['LOC', 'US'],
      ['ORG', 'AIG', 1],
      ['LOC', 'MJZ'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['organization:AIG', 'place:US', 'organization:MJZ']);
  });

  it('gives every occurrence of a place found once', () => {
    const es = entities('Drones hit Velyka Novosilka. Later, near Velyka Novosilka, fighting resumed.');
    expect(mentionTexts(named(es, 'Velyka Novosilka'))).toEqual(['Velyka Novosilka/name', 'Velyka Novosilka/name']);
  });
});

describe('streets', () => {
  it('reads a name the model took for a person or an organisation as a street where one stands', () => {
    const text = 'Police closed the 2400 block of Jay Lane and 508 Cumberland Street, and a missile hit a house on Sumska Street.';
    const es = entities(text, [['PER', 'Jay Lane'], ['ORG', 'Cumberland Street'], ['ORG', 'Sumska Street']]);
    expect(['Jay Lane', 'Cumberland Street', 'Sumska Street'].map((n) => named(es, n)?.type)).toEqual(['place', 'place', 'place']);
  });

  it('reads a name ending in a street word other than "Lane" as a street wherever it stands', () => {
    const es = entities('Freeman Drive will close, and Patrick St. is open.', [['PER', 'Freeman Drive'], ['ORG', 'Patrick St.']]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['place:Freeman Drive', 'place:Patrick St.']);
  });

  it('keeps a person whose surname is a street word', () => {
    const es = entities('Nathan Lane said the play would run.', [['PER', 'Nathan Lane']]);
    expect(named(es, 'Nathan Lane')?.type).toBe('person');
  });
});

describe('names with particles', () => {
  it('joins a person the model cut at "von der", and leaves a place spelled so', () => {
    const es = entities('Ursula von der Leyen spoke. Flights to Rio de Janeiro resumed.', [
      ['ORG', 'Ursula'],
      ['LOC', 'Leyen'],
      ['LOC', 'Rio'],
      ['LOC', 'Janeiro'],
    ]);
    expect(es.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Ursula von der Leyen', 'place:Rio', 'place:Janeiro']);
  });
});

describe('name edges', () => {
  it('leaves a sentence-opening quantifier the model took into the name out of it', () => {
    const es = entities('Another Gainesville business is moving. Shops in Gainesville stay open.', [
      ['PER', 'Another Gainesville'],
      ['LOC', 'Gainesville', 1],
    ]);
    expect(es.map((e) => e.name)).toEqual(['Gainesville']);
    expect(mentionTexts(named(es, 'Gainesville'))).toEqual(['Gainesville/name', 'Gainesville/name']);
  });
});

describe('coreference', () => {
  it('joins surnames, titles and acronyms to the entity named before', () => {
    const text =
      'President Olena Hrytsenko thanked the National Guard of Ukraine. Hrytsenko said the NGU had held. The president’s office agreed.';
    const all = entities(text, [['PER', 'Olena Hrytsenko'], ['PER', 'Hrytsenko', 1]]);
    // the place inside the guard's name is a place of its own (inside-names.ts)
    expect(all.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Ukraine']);
    const es = all.filter((e) => e.type !== 'place');
    expect(es.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(mentionTexts(es[0])).toEqual(['Olena Hrytsenko/name', 'Hrytsenko/surname', 'president/nominal']);
    expect(mentionTexts(es[1])).toEqual(['National Guard of Ukraine/name', 'NGU/acronym']);
  });

  it('joins an acronym to an organisation no lexicon knows', () => {
    const es = entities('The Kharkiv Regional Council met. The KRC then voted.', [['ORG', 'Kharkiv Regional Council'], ['ORG', 'KRC']]).filter((e) => e.type !== 'place');
    expect(es).toHaveLength(1);
    expect(mentionTexts(es[0])).toEqual(['Kharkiv Regional Council/name', 'KRC/acronym']);
  });

  it('joins "the ministry" to the ministry named before, and a shorter name to the longer', () => {
    const es = entities('The Ministry of Veterans Affairs of Ukraine objected. The Ministry of Veterans Affairs said the ministry would appeal.', [
      ['ORG', 'Ministry of Veterans Affairs of Ukraine'],
      ['ORG', 'Ministry of Veterans Affairs', 1],
    ]).filter((e) => e.type !== 'place');
    expect(es).toHaveLength(1);
    expect(es[0]!.name).toBe('Ministry of Veterans Affairs of Ukraine');
    expect(es[0]!.mentions.map((m) => m.kind)).toEqual(['name', 'name', 'nominal']);
  });

  it("lets the majority of the model's labels type a name it labels differently", () => {
    const text = 'Patrols crossed Pivnichne at dawn. Later Pivnichne was quiet, and Pivnichne residents slept.';
    const es = entities(text, [['PER', 'Pivnichne'], ['LOC', 'Pivnichne', 1], ['LOC', 'Pivnichne', 2]]);
    expect(es.map((e) => [e.type, e.name, e.mentions.length])).toEqual([['place', 'Pivnichne', 3]]);
  });

  it('joins the short form of an outlet to its full name', () => {
    const es = entities('The Kyiv Independent asked; the Independent then reported more.', [['ORG', 'Independent', 1]]);
    expect(es.map((e) => [e.type, e.name, e.mentions.length])).toEqual([['outlet', 'Kyiv Independent', 2]]);
  });

  it('strips quotes and possessives from names', () => {
    const es = entities('Fighters of ‘Aidar’ rested. Aidar’s base was hit.');
    expect(es).toHaveLength(1);
    expect(es[0]!.name).toBe('Aidar');
    expect(mentionTexts(es[0])).toEqual(['Aidar/name', 'Aidar/name']);
  });
});

describe('MISC policy', () => {
  it('keeps named events and agreements as other, and drops nationalities', () => {
    const es = entities('Ukrainian and Russian delegates discussed the Minsk Agreements and Operation Bagration.', [
      ['MISC', 'Ukrainian'],
      ['MISC', 'Russian'],
      ['MISC', 'Minsk Agreements'],
      ['MISC', 'Operation Bagration'],
    ]);
    expect(es.map((e) => [e.type, e.name])).toEqual([
      ['other', 'Minsk Agreements'],
      ['other', 'Operation Bagration'],
    ]);
  });
});

describe('robustness', () => {
  it('keeps offsets exact: every mention text is the text at its span', () => {
    const text = 'Le “47th Mechanized Brigade” et ‘Azov’ — près de Kherson.\n\nRIA Novosti’s correspondent wrote.';
    for (const e of entities(text)) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('is fast on adversarial input', () => {
    // tokens made here, not by segment(): this times the entity rules alone
    const tokensOf = (text: string): Token[] =>
      [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        pos: 'X',
        sentence: 0,
      }));
    const inputs = ['a'.repeat(200_000), '"'.repeat(200_000), 'aaa, '.repeat(40_000), 'The 1st The 1st '.repeat(20_000), '‘A’ unit '.repeat(20_000)];
    for (const text of inputs) {
      const tokens = tokensOf(text);
      const t0 = performance.now();
      buildEntities(text, tokens, [{ start: 0, end: text.length }], []);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });
});

describeWithShared(['seed'], 'the seed article', () => {
  const text = readFileSync(SEED_PATH, 'utf8');
  const check = (es: Entity[]) => {
    const find = (name: string) => es.find((e) => e.name === name);
    expect(summary(find('Valery Gerasimov'))).toEqual({ type: 'person', name: 'Valery Gerasimov', role: 'Chief of the General Staff' });
    expect(summary(find('Vladimir Putin'))).toEqual({ type: 'person', name: 'Vladimir Putin', role: 'President' });
    expect(find('Vladimir Putin')!.mentions.length).toBeGreaterThanOrEqual(3);
    expect(find('Azov')?.type).toBe('military-unit');
    expect(['military-unit', 'organization']).toContain(find('National Guard of Ukraine')?.type);
    expect(find('RIA Novosti')?.type).toBe('outlet');
    for (const place of ['Krasnoarmiysk', 'Gulyaypol', 'Krasnogorsk', 'Kyiv']) expect(find(place)?.type, place).toBe('place');
  };

  it('names the people, units, outlet and places from the lexicons and patterns alone', () => {
    const { tokens, sentences } = segment(text, 'en');
    check(buildEntities(text, tokens, sentences, []));
  });

  it('names them through the analyzer, with the NER model when it is there', () => {
    const info = { id: 'seed', text, language: 'en', publishedAt: SEED_PUBLISHED, source: { kind: 'text' as const } };
    const analysis = analyzeDocument(info, [], { analyzers: [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer] });
    check(analysis.entities);
    expect(analysis.entities.map((e) => e.id)).toEqual(analysis.entities.map((_, i) => `e${i + 1}`));
  });
});

describe('pseudonyms', () => {
  it('takes a quoted name after a title for a person known by that name, whatever the model typed it', () => {
    const text = 'The operative ‘Shuba’ of the ‘Center’ group said troops were seen.';
    const es = entities(text, [['ORG', 'Shuba']]);
    expect(summary(named(es, 'Shuba'))).toEqual({ type: 'person', name: 'Shuba', role: 'Operative' });
  });

  it('leaves a quoted organisation name alone when no title stands before it', () => {
    const es = entities('Members of ‘Svoboda’ marched in Lviv.', [['ORG', 'Svoboda']]);
    expect(named(es, 'Svoboda')?.type).toBe('organization');
  });
});
