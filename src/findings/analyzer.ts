import { defineAnalyzer } from '../core/analyzer.js';
import { findAnchor } from '../times/anchor.js';
import { runRules } from './run.js';
import { FindingSchema } from './schema.js';

/** findings: consistency checks across every layer that ran (each rule stays silent without what it needs). */
export const findingsAnalyzer = defineAnalyzer({
  name: 'findings',
  version: 20,
  requires: ['sentences'],
  optional: ['entities', 'places', 'times', 'attributions', 'events'],
  adds: 'findings',
  schema: (T) => T.Array(FindingSchema(T)),
  absent: [],
  run: (doc, ctx) =>
    runRules({
      text: doc.text,
      publishedAt: doc.info.publishedAt,
      anchor: findAnchor(doc.info.publishedAt, doc.text),
      sentences: doc.get('sentences'),
      entities: doc.maybe('entities') ?? [],
      places: doc.maybe('places') ?? {},
      times: doc.maybe('times') ?? [],
      attributions: doc.maybe('attributions'),
      events: doc.maybe('events') ?? [],
      expired: ctx.expired,
    }),
});
