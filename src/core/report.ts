/**
 * The Analysis from a Doc after a run, derived from the analyzers: each one with a `schema`
 * gives a field named for its layer (or its `absent` value when it did not run), an `attach`
 * layer becomes a field of the entities it is keyed by, and each may add a credit line.
 */
import type { Doc } from './doc.js';
import type { PipelineResult } from './pipeline.js';
import type { Analysis } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { VERSION } from '../version.js';

export function toAnalysis(doc: Doc, run: PipelineResult): Analysis {
  const fields: Record<string, unknown> = {};
  const credits: string[] = [];
  for (const a of run.analyzers) {
    const layer = doc.maybe(a.adds);
    if (a.schema) {
      const value = layer ?? a.absent;
      if (value !== undefined) fields[a.adds] = value;
    }
    if (layer !== undefined) {
      const credit = a.credit?.(layer);
      if (credit) credits.push(credit);
    }
  }
  for (const a of run.analyzers) {
    const layer = doc.maybe(a.adds) as Record<string, unknown> | undefined;
    const target = a.attach && (fields[a.attach.to] as { id: string }[] | undefined);
    if (!a.attach || !layer || !target) continue;
    const as = a.attach.as;
    fields[a.attach.to] = target.map((item) => (layer[item.id] ? { ...item, [as]: layer[item.id] } : item));
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'unspin', version: VERSION },
    document: doc.info,
    ...fields,
    timings: run.timings,
    cut: run.cut,
    warnings: doc.warnings,
    credits,
  } as Analysis;
}
