import { defineAnalyzer } from '../core/analyzer.js';
import { findAnchor } from './anchor.js';
import { extractTimes } from './extract.js';
import { TimeSchema } from './schema.js';

/** times: every temporal expression, normalised against the publication date or the dateline. */
export const timesAnalyzer = defineAnalyzer({
  name: 'times',
  version: 11,
  requires: ['sentences'],
  adds: 'times',
  schema: (T) => T.Array(TimeSchema(T)),
  absent: [],
  run: (doc) =>
    extractTimes({
      text: doc.text,
      language: doc.info.language,
      anchor: findAnchor(doc.info.publishedAt, doc.text),
      sentences: doc.get('sentences'),
    }),
});
