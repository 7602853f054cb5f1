/** The places analyzer: gazetteer links for the place entities (see link.ts); the affiliations analyzer: demonyms and their countries. */
import { defineAnalyzer } from '../core/analyzer.js';
import { findAffiliations } from './affiliations.js';
import { AffiliationSchema } from './schema.js';
import { loadGazetteer } from './gazetteer.js';
import { linkPlaces } from './link.js';

export const placesAnalyzer = defineAnalyzer({
  name: 'places',
  version: 20,
  requires: ['entities', 'tokens'],
  adds: 'places',
  attach: { to: 'entities', as: 'place' },
  credit: (links) => (Object.keys(links).length > 0 ? 'GeoNames (geonames.org), CC-BY 4.0: place names and coordinates; US counties: U.S. Census Bureau (public domain) via us-atlas' : undefined),
  run: (doc) => linkPlaces(doc.text, doc.get('entities'), { publishedAt: doc.info.publishedAt, tokens: doc.get('tokens') }),
  warm: () => void loadGazetteer(),
});

export const affiliationsAnalyzer = defineAnalyzer({
  name: 'affiliations',
  version: 7,
  requires: ['entities'],
  adds: 'affiliations',
  // optional: reports before schema 2.3 have none
  schema: (T) => T.Optional(T.Array(AffiliationSchema(T))),
  run: (doc) => findAffiliations(doc.text, doc.get('entities')),
  warm: () => void loadGazetteer(),
});
