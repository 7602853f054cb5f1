/**
 * The registry: every analyzer of the default pipeline, in the order of the flow in ARCHITECTURE.md.
 * Each reads only layers added above it.
 */
import type { Analyzer } from './core/analyzer.js';
import { sentencesAnalyzer, tokensAnalyzer } from './text/analyzers.js';
import { entitiesAnalyzer } from './entities/analyzer.js';
import { placesAnalyzer } from './geo/analyzer.js';
import { timesAnalyzer } from './times/analyzer.js';
import { attributionsAnalyzer, sourcingAnalyzer } from './attributions/analyzer.js';
import { techniquesAnalyzer } from './techniques/analyzer.js';
import { eventsAnalyzer } from './events/analyzer.js';
import { findingsAnalyzer } from './findings/analyzer.js';

export const defaultAnalyzers: readonly Analyzer[] = [
  sentencesAnalyzer,
  tokensAnalyzer,
  entitiesAnalyzer,
  placesAnalyzer,
  timesAnalyzer,
  attributionsAnalyzer,
  sourcingAnalyzer,
  techniquesAnalyzer,
  eventsAnalyzer,
  findingsAnalyzer,
];
