import { defineAnalyzer } from '../core/analyzer.js';
import { buildAttributions } from './build.js';
import { extractGroups } from './extract.js';
import { sourcingProfile } from './sourcing.js';
import { attributionModel } from './tagger.js';
import { confidenceModel, withConfidence } from './confidence.js';
import { AttributionSchema, SourcingSchema } from './schema.js';
import { readAsEnglish } from '../core/language.js';

/**
 * Who claims what: tagged SOURCE / CUE / CONTENT spans and rules, grouped, with source kinds and
 * via, and each attribution's calibrated confidence (confidence.ts; its model is not in the
 * layer's provenance, which names the tagger: recalibrating it bumps this version).
 */
export const attributionsAnalyzer = defineAnalyzer({
  name: 'attributions',
  version: 11,
  requires: ['sentences', 'tokens'],
  optional: ['entities'],
  adds: 'attributions',
  schema: (T) => T.Array(AttributionSchema(T)),
  absent: [],
  model: attributionModel,
  run: (doc, ctx) => {
    // The tagger is trained on English news; other languages get no attributions rather than noise.
    if (!readAsEnglish(doc.info.language)) return [];
    const sentences = doc.get('sentences');
    const tokens = doc.get('tokens');
    const tagger = attributionModel.load();
    const margins = new Float64Array(tokens.length);
    const groups = extractGroups(tagger, doc.text, sentences, tokens, margins);
    if (ctx.expired()) return [];
    const attributions = buildAttributions(doc.text, sentences, groups, doc.maybe('entities'), ctx.expired);
    return withConfidence(doc.text, tokens, margins, tagger, confidenceModel.load(), attributions);
  },
  warm: (language) => {
    if (!readAsEnglish(language)) return;
    attributionModel.load();
    confidenceModel.load();
  },
});

/** The article's sourcing profile (sourcing.ts), from its attributions. */
export const sourcingAnalyzer = defineAnalyzer({
  name: 'sourcing',
  version: 9,
  requires: ['attributions', 'sentences'],
  adds: 'sourcing',
  // left out of the report when it did not run: no profile rather than an empty one
  schema: (T) => T.Optional(SourcingSchema(T)),
  run: (doc) => sourcingProfile(doc.text, doc.get('sentences'), doc.get('attributions')),
});
