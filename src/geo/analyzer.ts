/** The places analyzer: gazetteer links for the place entities (see link.ts). */
import { defineAnalyzer } from '../core/analyzer.js';
import { loadGazetteer } from './gazetteer.js';
import { linkPlaces } from './link.js';

export const placesAnalyzer = defineAnalyzer({
  name: 'places',
  version: 9,
  requires: ['entities', 'tokens'],
  adds: 'places',
  attach: { to: 'entities', as: 'place' },
  credit: (links) => (Object.keys(links).length > 0 ? 'GeoNames (geonames.org), CC-BY 4.0: place names and coordinates; US counties: U.S. Census Bureau (public domain) via us-atlas' : undefined),
  run: (doc) => linkPlaces(doc.text, doc.get('entities'), { publishedAt: doc.info.publishedAt, tokens: doc.get('tokens') }),
  warm: () => void loadGazetteer(),
});
