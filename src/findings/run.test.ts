import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithShared, SEED_PATH, SEED_PUBLISHED } from '../testing/shared.js';
import { repeatedClaims } from '../testing/run-on.js';
import { buildContext } from '../testing/finding-fixture.js';
import { runRules } from './run.js';
import { RULES } from './rules/index.js';

describe('the rule set', () => {
  it('gives every rule an id, a doc and a severity, ids unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.doc.length).toBeGreaterThan(40);
  });

  it('finishes fast on adversarial input', () => {
    const town = { type: 'place' as const, names: ['Aaa'], place: { geonamesId: 1, name: 'Aaa', countryCode: 'UA', lat: 48, lon: 37 } };
    for (const text of ['a'.repeat(200_000), "contradicting the '".repeat(10_000), 'aaa, '.repeat(40_000), 'denied Aaa '.repeat(15_000)]) {
      const t0 = performance.now();
      runRules(buildContext({ text, entities: [town], attributions: [] }));
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });

  it('quotes only the head of long claims: thousands of them in a long text stay linear', () => {
    const claims = repeatedClaims('figures that were reported as overly optimistic and ', 10_000, { cue: 'were reported', content: 'overly optimistic', toEnd: true, mode: 'passive' });
    const text = `${claims.text}more.`;
    const t0 = performance.now();
    const found = runRules({ ...buildContext({ text }), attributions: claims.attributions });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(found[0]!.message).toMatch(/^“overly optimistic and figures that were reported.*…” is attributed with “were reported” but to no one/);
  });
});

// The seed with the layers the entity, place and attribution analyzers are meant to give it, written by hand.
describeWithShared(['seed'], 'findings on the seed article', () => {
  it('finds the two spellings of Pokrovsk, Krasnogorsk out of the region, and the 1 / 13 December contradiction', () => {
    const text = readFileSync(SEED_PATH, 'utf8');
    const pokrovsk = { geonamesId: 704422, name: 'Pokrovsk', countryCode: 'UA', lat: 48.28, lon: 37.18 };
    const ctx = buildContext({
      text,
      publishedAt: SEED_PUBLISHED,
      entities: [
        { names: ['Krasnogorsk'], type: 'place', place: { geonamesId: 542374, name: 'Krasnogorsk', countryCode: 'RU', lat: 55.82, lon: 37.33, confidence: 0.3, matchedBy: 'exact' } },
        { names: ['Krasnoarmskoye'], type: 'place', place: { ...pokrovsk, confidence: 0.6, matchedBy: 'fuzzy' } },
        { names: ['Krasnoarmiysk'], type: 'place', place: { ...pokrovsk, matchedBy: 'former-name', formerName: 'Krasnoarmiysk' } },
        { names: ['Gulyaypol'], type: 'place', place: { geonamesId: 707688, name: 'Huliaipole', countryCode: 'UA', lat: 47.66, lon: 36.26, confidence: 0.7 } },
        { names: ['Donetsk People’s Republic'], type: 'place', place: { geonamesId: 709716, name: 'Donetsk', countryCode: 'UA', lat: 48.0, lon: 37.8 } },
        { names: ['Russia'], type: 'place', place: { geonamesId: 2017370, name: 'Russia', countryCode: 'RU', lat: 60, lon: 100 } },
        { names: ['Valery Gerasimov', 'Gerasimov'], type: 'person' },
      ],
      attributions: [
        { source: 'the operative ‘Shuba’', cue: 'revealed', content: 'Ukrainian troops had been spotted patrolling Krasnoarmskoye', kind: 'pseudonymous' },
        { source: 'Valery Gerasimov', cue: 'reported', content: 'about the successful reclamation of Krasnoarmskoye by Russian forces', kind: 'named-person' },
      ],
    });
    const findings = runRules(ctx);
    const covered = (rule: string, word: string) =>
      findings.some((f) => f.rule === rule && f.spans.some((s) => text.slice(s.start, s.end).includes(word)));
    expect(covered('toponym-variants', 'Krasnoarmskoye') && covered('toponym-variants', 'Krasnoarmiysk')).toBe(true);
    expect(covered('place-out-of-region', 'Krasnogorsk')).toBe(true);
    expect(covered('chronology', 'December 1st') && covered('chronology', 'December 13th')).toBe(true);
  });
});
