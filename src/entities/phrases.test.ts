import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { PhraseMatcher, type CaseRule } from './phrases.js';
import { tokenView } from './tokens.js';

function matches(phrases: string[], text: string, caseRule: CaseRule = 'capitals'): string[] {
  const matcher = new PhraseMatcher(phrases.map((phrase) => ({ phrase, value: phrase })), caseRule);
  const view = tokenView(text, segment(text, 'en').tokens);
  return matcher.matchAll(view).map((m) => `${text.slice(m.start, m.end)} -> ${m.value}`);
}

describe('PhraseMatcher', () => {
  it('finds the longest phrase at a token', () => {
    expect(matches(['Azov', 'Azov Sea'], 'Boats crossed the Azov Sea.')).toEqual(['Azov Sea -> Azov Sea']);
    expect(matches(['Azov', 'Azov Sea'], 'Fighters of Azov held out.')).toEqual(['Azov -> Azov']);
  });

  it('ignores how the tokenizer split hyphens and apostrophes', () => {
    expect(matches(['RIA Novosti'], 'The RIA-Novosti agency said so.')).toEqual(['RIA-Novosti -> RIA Novosti']);
    expect(matches(["Donetsk People's Republic"], 'in the Donetsk People’s Republic today')).toEqual([
      'Donetsk People’s Republic -> Donetsk People\'s Republic',
    ]);
  });

  it('stops before a possessive', () => {
    expect(matches(['National Guard'], 'the National Guard’s commander')).toEqual(['National Guard -> National Guard']);
  });

  it('needs the capitals of the phrase, and only those, under the capitals rule', () => {
    expect(matches(['TASS'], 'a tass report and a TASS report')).toEqual(['TASS -> TASS']);
    expect(matches(['RIA Novosti'], 'RIA NOVOSTI REPORTS')).toEqual(['RIA NOVOSTI -> RIA Novosti']);
    expect(matches(['defence minister'], 'the Defence Minister said', 'any')).toEqual(['Defence Minister -> defence minister']);
  });

  it('does not match inside a longer word or across sentences', () => {
    expect(matches(['Kyiv'], 'Kyivstar is a company.')).toEqual([]);
    expect(matches(['Kyiv Independent'], 'They left Kyiv. Independent observers came.')).toEqual([]);
  });
});
