/**
 * Runs analyzers over one Doc in the order their dependencies give (registry.ts), timing each,
 * within a time budget: once the budget is spent the remaining analyzers are cut (and named in
 * the report), so no input can hang the tool.
 */
import type { AnyAnalyzer, RunContext } from './analyzer.js';
import type { Doc } from './doc.js';
import type { LayerName } from './layers.js';
import { orderAnalyzers } from './registry.js';

export interface PipelineResult {
  /** the analyzers in the order they were considered */
  analyzers: readonly AnyAnalyzer[];
  timings: { analyzer: string; ms: number }[];
  /** analyzers not run, with why: "places (time budget of 5000 ms spent)" */
  cut: string[];
}

export interface RunOptions {
  /** wall-clock budget for the whole article, in ms */
  budgetMs?: number;
  /** of it, what was spent before the pipeline (reading and decoding the article) */
  spentMs?: number;
  /** a clock, for tests */
  now?: () => number;
  /** told of each layer as soon as it is added (the deadline worker sends it on at once) */
  onLayer?: (name: LayerName, layer: unknown, timing: { analyzer: string; ms: number }) => void;
}

export const DEFAULT_BUDGET_MS = 10_000;

export function runPipeline(doc: Doc, analyzers: readonly AnyAnalyzer[], options: RunOptions = {}): PipelineResult {
  const order = orderAnalyzers(analyzers);
  const now = options.now ?? (() => performance.now());
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const started = now();
  const spent = options.spentMs ?? 0;
  const ctx: RunContext = { expired: () => now() - started + spent > budget };
  const timings: PipelineResult['timings'] = [];
  const cut: string[] = [];

  for (const analyzer of order) {
    if (ctx.expired()) {
      cut.push(`${analyzer.name} (time budget of ${budget} ms spent)`);
      continue;
    }
    const missing = analyzer.requires.filter((layer) => !doc.has(layer));
    if (missing.length > 0) {
      cut.push(`${analyzer.name} (needs ${missing.join(', ')}, which did not run)`);
      continue;
    }
    const t0 = now();
    const layer = analyzer.run(doc, ctx);
    doc.set(analyzer.adds, layer);
    const timing = { analyzer: analyzer.name, ms: round(now() - t0) };
    timings.push(timing);
    options.onLayer?.(analyzer.adds, layer, timing);
  }
  return { analyzers: order, timings, cut };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
