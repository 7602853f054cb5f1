/**
 * Runs analyzers over one Doc in the order their dependencies give (registry.ts), timing each,
 * within a time budget: once the budget is spent the remaining analyzers are cut (and named in
 * the report), so no input can hang the tool. Each layer made gets its provenance; given the
 * layers of an earlier run of the same text, a layer whose analyzer, version, model and inputs
 * are unchanged is taken as it was instead of recomputed.
 */
import type { AnyAnalyzer, RunContext } from './analyzer.js';
import type { Doc } from './doc.js';
import type { LayerName } from './layers.js';
import { orderAnalyzers } from './registry.js';
import type { Message, Provenance } from './schema-parts.js';
import { cutMessage } from './message.js';

export interface PipelineResult {
  /** the analyzers in the order they were considered */
  analyzers: readonly AnyAnalyzer[];
  /** what made each layer present, in the order made */
  layers: Provenance[];
  timings: { analyzer: string; ms: number }[];
  /** analyzers not run, one message each saying why: "places (time budget of 5000 ms spent)" */
  cut: Message[];
}

/** An earlier run over the same document: its provenance, and its layers where it kept them. */
export interface EarlierRun {
  layers: readonly Provenance[];
  /** the layer's value in that run, or undefined when it was not kept (an internal layer) */
  layer(name: LayerName): unknown;
}

export interface RunOptions {
  /** wall-clock budget for the whole article, in ms */
  budgetMs?: number;
  /** of it, what was spent before the pipeline (reading and decoding the article) */
  spentMs?: number;
  /** a clock, for tests */
  now?: () => number;
  /** layers of an earlier run of the same document, kept where still valid */
  reuse?: EarlierRun;
  /**
   * told of each layer as soon as it is added (the deadline worker sends it on at once); a layer
   * its analyzer stopped short at the deadline has no provenance (a later run must not reuse it)
   */
  onLayer?: (name: LayerName, layer: unknown, timing: { analyzer: string; ms: number }, provenance?: Provenance) => void;
}

export const DEFAULT_BUDGET_MS = 10_000;

export function runPipeline(doc: Doc, analyzers: readonly AnyAnalyzer[], options: RunOptions = {}): PipelineResult {
  const order = orderAnalyzers(analyzers);
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const started = now();
  const spent = options.spentMs ?? 0;
  const expired = () => now() - started + spent > budget;
  const result: PipelineResult = { analyzers: order, layers: [], timings: [], cut: [] };
  const earlier = options.reuse && new Map(options.reuse.layers.map((p) => [p.layer, p]));
  // layers whose content may differ from the earlier run's: made by other code or from other inputs
  const changed = new Set<LayerName>();

  for (const analyzer of order) {
    if (expired()) {
      result.cut.push(cutMessage('time-budget', analyzer, `time budget of ${budget} ms spent`));
      continue;
    }
    const missing = analyzer.requires.filter((layer) => !doc.has(layer));
    if (missing.length > 0) {
      result.cut.push(cutMessage('missing-input', analyzer, `needs ${missing.join(', ')}, which did not run`));
      continue;
    }
    if (earlier) {
      const before = earlier.get(analyzer.adds);
      if (before && unchanged(analyzer, before, doc, earlier, changed)) {
        const layer = options.reuse!.layer(analyzer.adds);
        if (layer !== undefined) {
          doc.set(analyzer.adds, layer as never);
          const provenance = { ...before, reused: true };
          result.layers.push(provenance);
          options.onLayer?.(analyzer.adds, layer, { analyzer: analyzer.name, ms: 0 }, provenance);
          continue;
        }
      } else changed.add(analyzer.adds);
    }
    // An analyzer that sees the budget spent in its loops stops there: its layer holds what it
    // had done, and the report names it as cut short.
    let stopped = false;
    const ctx: RunContext = { expired: () => (stopped ||= expired()) };
    const t0 = now();
    const layer = analyzer.run(doc, ctx);
    doc.set(analyzer.adds, layer);
    const ms = round(now() - t0);
    result.timings.push({ analyzer: analyzer.name, ms });
    if (stopped) {
      result.cut.push(stoppedPartWay(analyzer, budget));
      changed.add(analyzer.adds);
      options.onLayer?.(analyzer.adds, layer, { analyzer: analyzer.name, ms });
      continue;
    }
    const model = analyzer.model?.loadedStamp();
    const provenance: Provenance = { layer: analyzer.adds, analyzer: analyzer.name, version: analyzer.version, ...(model ? { model } : {}), ms };
    result.layers.push(provenance);
    options.onLayer?.(analyzer.adds, layer, { analyzer: analyzer.name, ms }, provenance);
  }
  return result;
}

/** Would the analyzer make the layer it made before? Same code, same model, same inputs. */
function unchanged(
  analyzer: AnyAnalyzer,
  before: Provenance,
  doc: Doc,
  earlier: ReadonlyMap<string, Provenance>,
  changed: ReadonlySet<LayerName>,
): boolean {
  if (before.analyzer !== analyzer.name || before.version !== analyzer.version) return false;
  // a model recorded before must be the same file now; none recorded means none was used
  if (before.model && before.model.sha256 !== analyzer.model?.stamp().sha256) return false;
  const inputs = [...analyzer.requires, ...(analyzer.optional ?? [])];
  return inputs.every((input) => !changed.has(input) && doc.has(input) === earlier.has(input));
}

/** The cut entry of an analyzer that stopped in its loops when the budget ran out. */
export const stoppedPartWay = (analyzer: { name: string; adds: string }, budget: number): Message =>
  cutMessage('partial', analyzer, `time budget of ${budget} ms spent; stopped part way, its layer is partial`);

const round = (ms: number) => Math.round(ms * 1000) / 1000;
