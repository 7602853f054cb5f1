/**
 * A generated corpus for the benchmark: seeded, so every run measures the same text. Articles are
 * drawn from sentence templates written for this project (war reports and ordinary news), with
 * names, places, dates and sourcing varied, 300 to 3,000 words each.
 */
import { seededRandom } from '../learn/perceptron.js';

const PEOPLE = ['Olena Kovalenko', 'Igor Sokolov', 'Maria Petrenko', 'General Viktor Lysenko', 'President Anna Weber', 'Colonel Dmytro Marchenko', 'Mayor Linda Harrow', 'Dr. Amira Okafor', 'Foreign Minister Jean Dupont', 'Sergei Volkov'];
const ORGS = ['the Defence Ministry', 'the Red Cross', 'the National Guard', 'the city council', 'the European Commission', 'the General Staff', 'the finance office', 'the United Nations'];
const OUTLETS = ['TASS', 'Reuters', 'RIA Novosti', 'Ukrinform', 'the Associated Press', 'Interfax', 'the Kyiv Independent', 'the Springfield Gazette'];
const PLACES = ['Kharkiv', 'Kupiansk', 'Izium', 'Pokrovsk', 'Bakhmut', 'Zaporizhzhia', 'Kherson', 'Donetsk', 'Lviv', 'Odesa', 'Springfield', 'Berlin', 'Warsaw'];
const DATES = ['on Monday', 'on Tuesday night', 'last week', 'on November 3', 'earlier this month', 'on December 1st', 'over the past day', 'in the spring of 2022', 'yesterday'];
const UNITS = ['the 47th Mechanised Brigade', 'the second battalion of the ‘Kraken’ regiment', 'the ‘West’ group of forces', 'the 93rd Separate Mechanized Brigade'];

const TEMPLATES = [
  '{P} said {D} that the situation in {L} remained tense.',
  'According to a source within {O}, who spoke to {M}, reinforcements are being moved towards {L}.',
  '{P}, a spokesperson for {O}, told {M} that the claims were false.',
  '“We will not give up {L},” {P} said in a statement {D}.',
  'Units of {U} were deployed near {L} {D}, {M} reported, citing local officials.',
  'Shelling hit residential districts of {L} {D}, killing two civilians and wounding five, the regional governor said.',
  'The so-called liberation of {L} has been described by critics as a cynical propaganda stunt.',
  'Officials in {L} insist that the roads remain open and that supplies are arriving every day.',
  'An internal memo from {O}, seen by {M}, warned that the project could run six months late.',
  '{P} denied the report, contradicting the account given by {O}.',
  'Residents of {L} described relentless aggression and a climate of fear after weeks of attacks.',
  'The council voted 7-2 {D} to fund a new library wing in {L}, ending months of debate.',
  'Earlier statements about the front near {L} were later deemed overly optimistic.',
  'Analysts warn that a collapse here could plunge the whole region into chaos.',
  'Two people familiar with the matter said talks in {L} had stalled {D}.',
  '{M} reported {D} that {U} had withdrawn from the outskirts of {L}.',
  'The blogger known as ‘Voenkor Z’ claimed on Telegram that troops had entered {L}.',
  'Prices in the markets of {L} rose sharply, traders told {M}.',
  '{P} argued that the budget should prioritise road repairs over new buildings.',
  'Heavy fighting continued around {L}, with both sides reporting losses.',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function fill(template: string, random: () => number): string {
  return template
    .replace(/\{P\}/g, () => pick(PEOPLE, random))
    .replace(/\{O\}/g, () => pick(ORGS, random))
    .replace(/\{M\}/g, () => pick(OUTLETS, random))
    .replace(/\{L\}/g, () => pick(PLACES, random))
    .replace(/\{D\}/g, () => pick(DATES, random))
    .replace(/\{U\}/g, () => pick(UNITS, random));
}

export const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** One article of about `words` words: a title, then paragraphs of 1-3 sentences. */
export function generateArticle(words: number, random: () => number): string {
  const lines = [`${fill('Fighting and talks around {L}', random)}`, ''];
  let count = countWords(lines[0]!);
  while (count < words) {
    const paragraph = Array.from({ length: 1 + Math.floor(random() * 3) }, () => fill(pick(TEMPLATES, random), random)).join(' ');
    lines.push(paragraph);
    count += countWords(paragraph);
  }
  return lines.join('\n');
}

/** `n` articles of 300 to 3,000 words, the same for the same seed. */
export function generateCorpus(n = 200, seed = 42): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => generateArticle(300 + Math.floor(random() * 2700), random));
}
