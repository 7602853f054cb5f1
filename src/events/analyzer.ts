import { defineAnalyzer } from '../core/analyzer.js';
import { extractEvents } from './extract.js';
import { EventSchema } from './schema.js';

/** events: who did what to whom, where, when and according to whom, ordered as a timeline. */
export const eventsAnalyzer = defineAnalyzer({
  name: 'events',
  version: 6,
  requires: ['sentences', 'times'],
  optional: ['entities', 'places', 'attributions'],
  adds: 'events',
  schema: (T) => T.Array(EventSchema(T)),
  absent: [],
  run: (doc, ctx) =>
    extractEvents({
      text: doc.text,
      sentences: doc.get('sentences'),
      times: doc.get('times'),
      entities: doc.maybe('entities'),
      places: doc.maybe('places'),
      attributions: doc.maybe('attributions'),
      expired: ctx.expired,
    }),
});
