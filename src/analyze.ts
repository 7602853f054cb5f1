/**
 * The one library call: `analyze(input, options) -> Analysis`. The CLI, the server and the
 * workers are thin shells over it.
 */
import { defaultAnalyzers } from './analyzers.js';
import type { AnyAnalyzer } from './core/analyzer.js';
import { Doc } from './core/doc.js';
import { runPipeline } from './core/pipeline.js';
import { toAnalysis } from './core/report.js';
import type { Analysis, DocumentInfo } from './core/schema.js';
import { ingest } from './ingest/index.js';
import { warmInParallel } from './text/parallel.js';
import type { IngestOptions, Input } from './ingest/types.js';

export interface AnalyzeOptions extends IngestOptions {
  /** wall-clock budget per article in ms (default 10 s): what does not fit is cut and named */
  budgetMs?: number;
  /** the analyzers to run (default: the full pipeline); the runner orders them by their dependencies */
  analyzers?: readonly AnyAnalyzer[];
  /** at a cold start, load the models while a worker thread segments the text (the CLI sets it) */
  warmInParallel?: boolean;
}

export async function analyze(input: Input | string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const given: Input = typeof input === 'string' ? { kind: 'text', text: input } : input;
  const { info, warnings } = await ingest(given, options);
  if (options.warmInParallel) await warmInParallel(info.text, info.language, options.analyzers ?? defaultAnalyzers);
  return analyzeDocument(info, warnings, options);
}

/** The pipeline over an ingested document: synchronous, for callers that did the ingest. */
export function analyzeDocument(info: DocumentInfo, warnings: string[] = [], options: AnalyzeOptions = {}): Analysis {
  const doc = new Doc(info, [...warnings]);
  const run = runPipeline(doc, options.analyzers ?? defaultAnalyzers, { budgetMs: options.budgetMs });
  return toAnalysis(doc, run);
}
