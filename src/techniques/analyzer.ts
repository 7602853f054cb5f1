import { defineAnalyzer } from '../core/analyzer.js';
import { buildContext } from './context.js';
import { techniqueLayer } from './layer.js';
import { loadLexicons } from './lexicons.js';
import { loadClusters } from './clusters.js';
import { techniqueModel } from './model.js';
import { readAsEnglish } from '../core/language.js';
import { TechniqueSchema, TechniqueSummarySchema } from './schema.js';

/**
 * Persuasion techniques (the 14 PTC classes) at span level, each with its calibrated confidence,
 * cues and holder (the outlet, or the attribution it is quoted in). The model and lexicons are
 * English; other languages get no spans rather than wrong ones. The report's three technique
 * fields are cut from this one layer by the analyzers below.
 */
export const techniqueSpansAnalyzer = defineAnalyzer({
  name: 'techniques',
  version: 7,
  requires: ['sentences', 'tokens'],
  // attributions, when they ran, say whose words a span is; without them every span is the outlet's
  optional: ['attributions'],
  adds: 'techniqueSpans',
  model: techniqueModel,
  run(doc, run) {
    if (!readAsEnglish(doc.info.language)) return { shown: [], candidates: [] };
    const ctx = buildContext(doc.text, doc.get('tokens'), doc.get('sentences'), loadLexicons());
    return techniqueLayer(ctx, techniqueModel.load(), doc.maybe('attributions') ?? [], run.expired);
  },
  warm(language) {
    if (!readAsEnglish(language)) return;
    loadLexicons();
    techniqueModel.load();
    loadClusters();
  },
});

/** The spans at or above the model's threshold: what the report shows. */
export const techniquesAnalyzer = defineAnalyzer({
  name: 'techniques-shown',
  version: 6,
  requires: ['techniqueSpans'],
  adds: 'techniques',
  schema: (T) => T.Array(TechniqueSchema(T), { description: 'technique spans at or above the default threshold' }),
  absent: [],
  run: (doc) => doc.get('techniqueSpans').shown,
});

/** The weaker spans, kept with their confidence (shown on request: --min-confidence). */
export const candidatesAnalyzer = defineAnalyzer({
  name: 'technique-candidates',
  version: 6,
  requires: ['techniqueSpans'],
  adds: 'candidates',
  schema: (T) => T.Optional(T.Array(TechniqueSchema(T), { description: 'technique spans below the default threshold, with their confidence' })),
  run: (doc) => doc.get('techniqueSpans').candidates,
});

/** Each sentence's probability of carrying a technique, and the article's shares (none for a language the model does not read). */
export const techniqueSummaryAnalyzer = defineAnalyzer({
  name: 'technique-summary',
  version: 6,
  requires: ['techniqueSpans'],
  adds: 'techniqueSummary',
  schema: (T) => T.Optional(TechniqueSummarySchema(T)),
  run: (doc) => doc.get('techniqueSpans').summary,
});

