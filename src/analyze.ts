/**
 * The one library call: `analyze(input, options) -> Analysis`. The CLI, the server and the
 * workers are thin shells over it.
 */
import { defaultAnalyzers } from './analyzers.js';
import type { AnyAnalyzer } from './core/analyzer.js';
import { Doc } from './core/doc.js';
import { runPipeline } from './core/pipeline.js';
import { earlierRun, toAnalysis } from './core/report.js';
import type { Analysis, DocumentInfo, Message } from './core/schema.js';
import { warning } from './core/message.js';
import { ingest } from './ingest/index.js';
import { warmInParallel } from './text/parallel.js';
import type { IngestOptions, Input } from './ingest/types.js';

export interface AnalyzeOptions extends IngestOptions {
  /** wall-clock budget per article in ms (default 10 s): what does not fit is cut and named */
  budgetMs?: number;
  /** the analyzers to run (default: the full pipeline); the runner orders them by their dependencies */
  analyzers?: readonly AnyAnalyzer[];
  /**
   * an earlier report of the same text: each of its layers whose analyzer, version, model and
   * inputs are unchanged is kept, the rest and what depends on them recomputed
   */
  reuse?: Analysis | readonly Analysis[];
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
export function analyzeDocument(info: DocumentInfo, warnings: Message[] = [], options: AnalyzeOptions = {}): Analysis {
  const doc = new Doc(info, [...warnings]);
  const analyzers = options.analyzers ?? defaultAnalyzers;
  let reuse;
  if (options.reuse) {
    const same = ([] as Analysis[]).concat(options.reuse).find((r) => sameDocument(r.document, info));
    if (same) reuse = earlierRun(same, analyzers);
    else doc.warnings.push(warning('analyze', 'reuse-no-match', `reuse: no earlier report of this document (${info.id}) with the same metadata; every layer recomputed`));
  }
  const run = runPipeline(doc, analyzers, { budgetMs: options.budgetMs, reuse });
  return toAnalysis(doc, run);
}

/** Every analyzer reads the document, so a layer is kept only for the same one (wherever it was read from). */
function sameDocument(a: DocumentInfo, b: DocumentInfo): boolean {
  const { source: _a, ...restA } = a;
  const { source: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
