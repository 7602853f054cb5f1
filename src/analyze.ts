/**
 * The one library call: `analyze(input, options) -> Analysis`. The CLI, the server and the
 * workers are thin shells over it.
 */
import { defaultAnalyzers } from './analyzers.js';
import type { Analyzer } from './core/analyzer.js';
import { Doc } from './core/doc.js';
import { runPipeline } from './core/pipeline.js';
import type { Analysis, DocumentInfo } from './core/schema.js';
import { SCHEMA_VERSION } from './core/schema-version.js';
import { ingest } from './ingest/index.js';
import { warmInParallel } from './text/parallel.js';
import type { IngestOptions, Input } from './ingest/types.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions extends IngestOptions {
  /** wall-clock budget per article in ms (default 10 s): what does not fit is cut and named */
  budgetMs?: number;
  /** the analyzers to run, in order (default: the full pipeline) */
  analyzers?: readonly Analyzer[];
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
  const { timings, cut } = runPipeline(doc, options.analyzers ?? defaultAnalyzers, { budgetMs: options.budgetMs });
  return toAnalysis(doc, timings, cut);
}

const BASE_CREDITS = [
  'wink-nlp and wink-eng-lite-web-model (MIT): tokens, sentences, part of speech',
];

/** The report of one article from its Doc: what ran, and what was cut. */
export function toAnalysis(doc: Doc, timings: Analysis['timings'], cut: string[]): Analysis {
  const places = doc.maybe('places') ?? {};
  const entities = (doc.maybe('entities') ?? []).map((e) => (places[e.id] ? { ...e, place: places[e.id] } : e));
  const credits = [...BASE_CREDITS];
  if (Object.keys(places).length > 0) {
    credits.push('GeoNames (geonames.org), CC-BY 4.0: place names and coordinates');
  }
  const sourcing = doc.maybe('sourcing');
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'unspin', version: VERSION },
    document: doc.info,
    sentences: doc.maybe('sentences') ?? [],
    entities,
    attributions: doc.maybe('attributions') ?? [],
    ...(sourcing ? { sourcing } : {}),
    times: doc.maybe('times') ?? [],
    techniques: doc.maybe('techniques') ?? [],
    events: doc.maybe('events') ?? [],
    findings: doc.maybe('findings') ?? [],
    timings,
    cut,
    warnings: doc.warnings,
    credits,
  };
}
