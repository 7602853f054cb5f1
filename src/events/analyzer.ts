import { defineAnalyzer } from '../core/analyzer.js';
import { extractEvents } from './extract.js';

/** events: who did what to whom, where, when and according to whom, ordered as a timeline. */
export const eventsAnalyzer = defineAnalyzer({
  name: 'events',
  reads: ['sentences', 'times'],
  adds: 'events',
  run: (doc) =>
    extractEvents({
      text: doc.text,
      sentences: doc.get('sentences'),
      times: doc.get('times'),
      entities: doc.maybe('entities'),
      places: doc.maybe('places'),
      attributions: doc.maybe('attributions'),
    }),
});
