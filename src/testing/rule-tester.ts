/**
 * One test helper for every rule, in the manner of ESLint's RuleTester: a rule's test file gives
 * the texts it must fire on (invalid: with what it marks, and optionally its messages) and the
 * texts it must not fire on (valid), and `testFindingRule` or `testTechniqueRule` turns each into
 * a test. Both run the rule alone on the case, as the analyzer would run it.
 */
import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../core/rule.js';
import type { Span } from '../core/schema-parts.js';
import { runRules as runFindingRules } from '../findings/run.js';
import type { FindingRule } from '../findings/context.js';
import { articleContext } from '../techniques/corpus.js';
import { runRules as runTechniqueRules, type TechniqueRule } from '../techniques/rules/index.js';
import { buildContext, type FixtureSpec } from './finding-fixture.js';

/** A text the rule must fire on. */
export interface InvalidCase<I> {
  input: I;
  /** what each hit marks, in order: the text of its spans, joined by ' | ' */
  marks?: readonly string[];
  /** each hit's message, in order (a RegExp matches it) */
  messages?: readonly (string | RegExp)[];
}

export interface RuleCases<I> {
  /** inputs it must not fire on */
  valid: readonly I[];
  /** inputs it must fire on */
  invalid: readonly InvalidCase<I>[];
}

/** What a rule reported on one input. */
interface Reported {
  text: string;
  hits: readonly { message: string; spans: readonly Span[] }[];
}

function ruleTester<R extends RuleMeta, I>(kind: string, run: (rule: R, input: I) => Reported, textOf: (input: I) => string) {
  const title = (input: I) => JSON.stringify(textOf(input).slice(0, 70));
  return (rule: R, cases: RuleCases<I>) =>
    describe(`${kind} rule ${rule.id}`, () => {
      it('has texts it must fire on and texts it must not', () => {
        expect(cases.invalid.length).toBeGreaterThan(0);
        expect(cases.valid.length).toBeGreaterThan(0);
      });
      for (const input of cases.valid) {
        it(`stays silent on ${title(input)}`, () => {
          const { text, hits } = run(rule, input);
          expect(hits.map((h) => marked(text, h.spans))).toEqual([]);
        });
      }
      for (const c of cases.invalid) {
        it(`fires on ${title(c.input)}`, () => {
          const { text, hits } = run(rule, c.input);
          expect(hits.length).toBeGreaterThan(0);
          if (c.marks) expect(hits.map((h) => marked(text, h.spans))).toEqual(c.marks);
          if (c.messages) {
            expect(hits).toHaveLength(c.messages.length);
            c.messages.forEach((m, k) => (typeof m === 'string' ? expect(hits[k]!.message).toBe(m) : expect(hits[k]!.message).toMatch(m)));
          }
        });
      }
    });
}

const marked = (text: string, spans: readonly Span[]) => spans.map((s) => text.slice(s.start, s.end)).join(' | ');

/** A finding rule's cases: each input is an article with the layers it needs, written as phrases (finding-fixture.ts). */
export const testFindingRule = ruleTester<FindingRule, FixtureSpec>(
  'finding',
  (rule, spec) => ({ text: spec.text, hits: runFindingRules(buildContext(spec), [rule]) }),
  (spec) => spec.text,
);

/** A technique detector's cases: each input is a text, segmented and tagged as the pipeline does; a hit's message is its cue. */
export const testTechniqueRule = ruleTester<TechniqueRule, string>(
  'technique',
  (rule, text) => ({ text, hits: runTechniqueRules(articleContext(text), [rule]).map((t) => ({ message: t.cues![0]!, spans: [t] })) }),
  (text) => text,
);
