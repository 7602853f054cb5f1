/**
 * The entities analyzer: NER spans from the trained tagger (models/ner.bin), then the lexicons,
 * patterns and coreference of buildEntities. Without the model file the lexicons and patterns
 * still run, and the report says so in its warnings.
 */
import { existsSync } from 'node:fs';
import { defineAnalyzer } from '../core/analyzer.js';
import { modelPath } from '../core/paths.js';
import { buildEntities } from './build.js';
import { EntitySchema } from './schema.js';
import { DEFAULT_NER_MODEL, loadNerModel, tagEntities } from './ner/tagger.js';

export const entitiesAnalyzer = defineAnalyzer({
  name: 'entities',
  version: 1,
  requires: ['sentences', 'tokens'],
  adds: 'entities',
  schema: (T) => T.Array(EntitySchema(T)),
  absent: [],
  run(doc) {
    const sentences = doc.get('sentences');
    const tokens = doc.get('tokens');
    const hasModel = existsSync(modelPath(DEFAULT_NER_MODEL));
    if (!hasModel) doc.warnings.push(`entities: no NER model at models/${DEFAULT_NER_MODEL}; lexicons and patterns only`);
    const spans = hasModel ? tagEntities(doc.text, tokens, sentences) : [];
    return buildEntities(doc.text, tokens, sentences, spans);
  },
  warm() {
    if (existsSync(modelPath(DEFAULT_NER_MODEL))) loadNerModel();
  },
});
