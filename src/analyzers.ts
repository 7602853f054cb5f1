/**
 * The registry: every analyzer of the default pipeline, in the order of the flow in ARCHITECTURE.md.
 * Each reads only layers added above it.
 */
import type { Analyzer } from './core/analyzer.js';
import { sentencesAnalyzer, tokensAnalyzer } from './text/analyzers.js';
import { entitiesAnalyzer } from './entities/analyzer.js';
import { placesAnalyzer } from './geo/analyzer.js';

export const defaultAnalyzers: readonly Analyzer[] = [
  sentencesAnalyzer,
  tokensAnalyzer,
  entitiesAnalyzer,
  placesAnalyzer,
];
