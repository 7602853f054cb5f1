/**
 * The Analysis from a Doc after a run, derived from the analyzers: each one with a `schema`
 * gives a field named for its layer (or its `absent` value when it did not run), an `attach`
 * layer becomes a field of the entities it is keyed by, and each may add a credit line; and back:
 * the layers kept in a report, for a later run of the same text to reuse.
 */
import type { AnyAnalyzer } from './analyzer.js';
import type { Doc } from './doc.js';
import type { LayerName } from './layers.js';
import type { EarlierRun, PipelineResult } from './pipeline.js';
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
    layers: run.layers,
    timings: run.timings,
    cut: run.cut,
    warnings: doc.warnings,
    credits,
  } as Analysis;
}

/**
 * The layers an earlier report keeps, as the analyzers made them: a layer with a schema is its
 * field (less the fields attached to its items), an attached layer is gathered back from the
 * items it was attached to; internal layers (tokens) are not kept.
 */
export function earlierRun(previous: Analysis, analyzers: readonly AnyAnalyzer[]): EarlierRun {
  const report = previous as unknown as Record<string, unknown>;
  const attached = analyzers.filter((a) => a.attach);
  const layer = (name: LayerName): unknown => {
    const a = analyzers.find((x) => x.adds === name);
    if (a?.schema) {
      const value = report[name];
      const fields = attached.filter((x) => x.attach!.to === name).map((x) => x.attach!.as);
      if (fields.length === 0 || !Array.isArray(value)) return value;
      return value.map((item: Record<string, unknown>) => {
        const copy = { ...item };
        for (const f of fields) delete copy[f];
        return copy;
      });
    }
    if (a?.attach) {
      const items = report[a.attach.to];
      if (!Array.isArray(items)) return undefined;
      const record: Record<string, unknown> = {};
      for (const item of items as Record<string, unknown>[]) if (item[a.attach.as] !== undefined) record[item.id as string] = item[a.attach.as];
      return record;
    }
    return undefined;
  };
  return { layers: previous.layers, layer };
}
