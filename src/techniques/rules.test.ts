import { describe, expect, it } from 'vitest';
import type { Token } from '../core/doc.js';
import { buildContext } from './context.js';
import { articleContext } from './corpus.js';
import { loadLexicons } from './lexicons.js';
import { RULES, runRules } from './rules.js';

/** The spans one rule marks in a text, as the text they cover. */
function marks(ruleId: string, text: string): string[] {
  const rule = RULES.find((r) => r.id === ruleId)!;
  return runRules(articleContext(text), [rule]).map((t) => text.slice(t.start, t.end));
}

describe('rule detectors: each fires on its pattern and stays quiet otherwise', () => {
  it("so-called: marks 'so-called' and the name it doubts", () => {
    expect(marks('so-called', 'The council praised the so-called ‘green corridor,’ a plan of the mayor.')).toEqual(['so-called ‘green corridor,’']);
    expect(marks('so-called', 'The so called experts met on Monday.')).toEqual([]);
    expect(marks('so-called', 'It was called a plan, and so it was.')).toEqual([]);
  });

  it('scare quotes: a common word in quotation marks, not a name or a quotation', () => {
    expect(marks('scare-quotes', 'The ministry announced its "reforms" on Friday.')).toEqual(['reforms']);
    expect(marks('scare-quotes', 'Troops of the "Falcon" brigade arrived.')).toEqual([]);
    expect(marks('scare-quotes', 'The mayor said: "We will rebuild the bridge."')).toEqual([]);
  });

  it('label: a labelling noun phrase', () => {
    expect(marks('label', 'The ministry listed the movement as a terrorist and extremist group last year.')).toEqual(['terrorist and extremist group']);
    expect(marks('label', 'The committee met the farmers and the teachers.')).toEqual([]);
  });

  it('reductio ad Hitlerum: the totalitarian word and its noun', () => {
    expect(marks('reductio-ad-hitlerum', 'Posters showed fascist slogans next to the stadium.')).toEqual(['fascist slogans']);
    expect(marks('reductio-ad-hitlerum', 'The stadium reopened after repairs.')).toEqual([]);
  });

  it('loaded word: an emotive word, an adjective with its noun', () => {
    expect(marks('loaded-word', 'Residents described the relentless shelling of the harbour.')).toEqual(['relentless shelling']);
    expect(marks('loaded-word', 'The announcement sent shockwaves across the market.')).toEqual(['sent shockwaves']);
    expect(marks('loaded-word', 'The harbour reopened on Tuesday.')).toEqual([]);
  });

  it('stirred fear: a verb raising a fear, with what is feared', () => {
    expect(marks('stirred-fear', 'The flooding has stoked fears of a wider outbreak, officials said.')).toEqual(['stoked fears of a wider outbreak']);
    expect(marks('stirred-fear', 'The council raised taxes on fuel.')).toEqual([]);
  });

  it("two choices: 'either ... or' and 'the only way'", () => {
    expect(marks('two-choices', 'Either we build the dam or the valley dies.')).toEqual(['Either we build the dam or the valley dies']);
    expect(marks('two-choices', 'This is the only way forward for the town.')).toEqual(['only way forward for the town']);
    expect(marks('two-choices', 'Only three members voted.')).toEqual([]);
  });

  it('every rule span carries its rule id and cue, and a measured confidence', () => {
    const found = runRules(articleContext('The so-called "reform" sent shockwaves through the brutal regime.'));
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(t.cues?.[0]).toMatch(/^rule [a-z-]+: /);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThan(1);
    }
  });
});

describe('rule detectors on adversarial input', () => {
  for (const [name, text] of [
    ["200k 'a'", 'a'.repeat(200_000)],
    ['200k quotes', '"'.repeat(200_000)],
    ["'aaa, ' repeated", 'aaa, '.repeat(40_000)],
    ["'so-called \"' repeated", 'so-called "'.repeat(20_000)],
    ["'either ' repeated", 'either '.repeat(30_000)],
  ] as const) {
    it(`finishes fast on ${name}`, () => {
      // Tokens from a plain splitter: the rules are under test here, not the segmenter.
      const tokens: Token[] = [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], pos: 'NOUN', sentence: 0 }));
      const ctx = buildContext(text, tokens, [{ start: 0, end: text.length }], loadLexicons());
      const started = performance.now();
      runRules(ctx);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  }
});
