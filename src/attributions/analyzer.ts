import { defineAnalyzer } from '../core/analyzer.js';
import { buildAttributions } from './build.js';
import { extractGroups } from './extract.js';
import { sourcingProfile } from './sourcing.js';
import { attributionModel } from './tagger.js';
import { AttributionSchema, SourcingSchema } from './schema.js';
import { readAsEnglish } from '../core/language.js';

/** Who claims what: tagged SOURCE / CUE / CONTENT spans and rules, grouped, with source kinds and via. */
export const attributionsAnalyzer = defineAnalyzer({
  name: 'attributions',
  version: 5,
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
    const groups = extractGroups(attributionModel.load(), doc.text, sentences, doc.get('tokens'));
    if (ctx.expired()) return [];
    return buildAttributions(doc.text, sentences, groups, doc.maybe('entities'), ctx.expired);
  },
  warm: (language) => {
    if (readAsEnglish(language)) attributionModel.load();
  },
});

/** The article's sourcing profile (sourcing.ts), from its attributions. */
export const sourcingAnalyzer = defineAnalyzer({
  name: 'sourcing',
  version: 5,
  requires: ['attributions', 'sentences'],
  adds: 'sourcing',
  // left out of the report when it did not run: no profile rather than an empty one
  schema: (T) => T.Optional(SourcingSchema(T)),
  run: (doc) => sourcingProfile(doc.text, doc.get('sentences'), doc.get('attributions')),
});
