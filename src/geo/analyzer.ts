/** The places analyzer: gazetteer links for the place entities (see link.ts). */
import { defineAnalyzer } from '../core/analyzer.js';
import { loadGazetteer } from './gazetteer.js';
import { linkPlaces } from './link.js';

export const placesAnalyzer = defineAnalyzer({
  name: 'places',
  reads: ['entities'],
  adds: 'places',
  run: (doc) => linkPlaces(doc.text, doc.get('entities'), { publishedAt: doc.info.publishedAt }),
  warm: () => void loadGazetteer(),
});
