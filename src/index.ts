export { analyze, analyzeDocument, type AnalyzeOptions } from './analyze.js';
export { defaultAnalyzers } from './analyzers.js';
export type { Analyzer, RunContext } from './core/analyzer.js';
export { Doc, type Layers, type LayerName, type Token } from './core/doc.js';
export { UserError, UsageError } from './core/errors.js';
export * from './core/schema.js';
export type { Input, IngestOptions } from './ingest/types.js';
