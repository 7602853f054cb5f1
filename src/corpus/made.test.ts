import { describe, expect, it } from 'vitest';
import { defaultAnalyzers } from '../analyzers.js';
import type { AnyAnalyzer } from '../core/analyzer.js';
import { cutMessage } from '../core/message.js';
import type { Provenance } from '../core/schema-parts.js';
import { madeBy, parseMade, staleLayers } from './made.js';

/** What today's pipeline records when every analyzer runs, as a report's provenance. */
function provenance(analyzers: readonly AnyAnalyzer[]): Provenance[] {
  return analyzers.map((a) => {
    const model = a.model?.stamp();
    return { layer: a.adds, analyzer: a.name, version: a.version, ...(model ? { model } : {}), ms: 1 };
  });
}

describe('what made a stored Analysis', () => {
  const today = provenance(defaultAnalyzers);

  it('is one string, read back the same, in any order of layers', () => {
    const made = madeBy({ layers: [...today].reverse(), cut: [] });
    expect(made).toBe(madeBy({ layers: today, cut: [] }));
    expect(made).toMatch(/\bentities=entities@\d+#[0-9a-f]{16}\b/);
    expect(parseMade(made).layers.get('times')).toEqual({ analyzer: 'times', version: defaultAnalyzers.find((a) => a.name === 'times')!.version });
    expect(staleLayers(parseMade(made), defaultAnalyzers)).toEqual([]);
  });

  it('names a layer stale when its analyzer version or model changed, when it is new, or when nothing makes it any more', () => {
    const older = today.map((p) => (p.layer === 'times' ? { ...p, version: p.version - 1 } : p.layer === 'entities' ? { ...p, model: { name: 'ner.bin', sha256: '0'.repeat(64) } } : p));
    expect(staleLayers(parseMade(madeBy({ layers: older, cut: [] })), defaultAnalyzers).sort()).toEqual(['entities', 'times']);
    const withoutFindings = today.filter((p) => p.layer !== 'findings');
    expect(staleLayers(parseMade(madeBy({ layers: withoutFindings, cut: [] })), defaultAnalyzers)).toEqual(['findings']);
    expect(staleLayers(parseMade(madeBy({ layers: [...today, { layer: 'gone', analyzer: 'gone', version: 1, ms: 0 }], cut: [] })), defaultAnalyzers)).toEqual(['gone']);
  });

  it('does not name a layer stale because its analyzer was cut for time: the code did not change', () => {
    const cut = madeBy({ layers: today.filter((p) => p.layer !== 'findings'), cut: [cutMessage('time-budget', { name: 'findings', adds: 'findings' }, 'time budget of 10000 ms spent')] });
    expect(cut).toMatch(/ -findings$/);
    expect(staleLayers(parseMade(cut), defaultAnalyzers)).toEqual([]);
  });
});
