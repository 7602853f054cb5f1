import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Token } from '../../core/doc.js';
import { RULES as FINDING_RULES } from '../../findings/rules/index.js';
import { buildContext } from '../context.js';
import { articleContext } from '../corpus.js';
import { loadLexicons } from '../lexicons.js';
import { RULES, runRules } from './index.js';

describe('the technique detectors', () => {
  it('carry their rule id, a cue and a measured confidence on every span', () => {
    const found = runRules(articleContext('The so-called "reform" sent shockwaves through the brutal regime.'));
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) {
      expect(t.rules).toHaveLength(1);
      expect(t.cues?.[0]).toMatch(new RegExp(`^rule ${t.rules![0]}: `));
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThan(1);
    }
  });

  // every finding rule and technique detector has must-fire and must-not-fire cases beside it, run by the one tester
  for (const [folder, rules, tester] of [
    ['techniques/rules', RULES, 'testTechniqueRule('],
    ['findings/rules', FINDING_RULES, 'testFindingRule('],
  ] as const) {
    for (const rule of rules) {
      it(`${folder}/${rule.id}.test.ts runs its cases through ${tester.slice(0, -1)}`, () => {
        const path = fileURLToPath(new URL(`../../${folder}/${rule.id}.test.ts`, import.meta.url));
        expect(existsSync(path), path).toBe(true);
        expect(readFileSync(path, 'utf8')).toContain(tester);
      });
    }
  }
});

describe('technique detectors on adversarial input', () => {
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
