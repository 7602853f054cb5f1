/**
 * The entities analyzer: NER spans from the trained tagger (models/ner.bin), then the lexicons,
 * patterns and coreference of buildEntities.
 */
import { defineAnalyzer } from '../core/analyzer.js';
import { buildEntities } from './build.js';
import { EntitySchema } from './schema.js';
import { nerModel, tagEntities } from './ner/tagger.js';

export const entitiesAnalyzer = defineAnalyzer({
  name: 'entities',
  version: 31,
  requires: ['sentences', 'tokens'],
  adds: 'entities',
  schema: (T) => T.Array(EntitySchema(T)),
  absent: [],
  model: nerModel,
  run(doc) {
    const sentences = doc.get('sentences');
    const tokens = doc.get('tokens');
    return buildEntities(doc.text, tokens, sentences, tagEntities(doc.text, tokens, sentences));
  },
  warm: () => void nerModel.load(),
});
