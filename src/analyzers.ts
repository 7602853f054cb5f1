/**
 * The registry: every analyzer of the default pipeline, one line each. The runner orders them by
 * what each requires (core/registry.ts); this order is the order of the report's fields.
 */
import { sentencesAnalyzer, tokensAnalyzer } from './text/analyzers.js';
import { entitiesAnalyzer } from './entities/analyzer.js';
import { affiliationsAnalyzer, placesAnalyzer } from './geo/analyzer.js';
import { timesAnalyzer } from './times/analyzer.js';
import { attributionsAnalyzer, sourcingAnalyzer } from './attributions/analyzer.js';
import { candidatesAnalyzer, techniqueSpansAnalyzer, techniqueSummaryAnalyzer, techniquesAnalyzer } from './techniques/analyzer.js';
import { eventsAnalyzer } from './events/analyzer.js';
import { findingsAnalyzer } from './findings/analyzer.js';

export const defaultAnalyzers = [
  sentencesAnalyzer,
  tokensAnalyzer,
  entitiesAnalyzer,
  placesAnalyzer,
  affiliationsAnalyzer,
  attributionsAnalyzer,
  sourcingAnalyzer,
  timesAnalyzer,
  techniqueSpansAnalyzer,
  techniquesAnalyzer,
  candidatesAnalyzer,
  techniqueSummaryAnalyzer,
  eventsAnalyzer,
  findingsAnalyzer,
] as const;
