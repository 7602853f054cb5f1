import { defineAnalyzer } from '../core/analyzer.js';
import type { Doc } from '../core/doc.js';
import { segment, type TextLayer } from './segment.js';

// Sentences and tokens come from one pass; the two analyzers share it through this cache.
const cache = new WeakMap<Doc, TextLayer>();
const layerOf = (doc: Doc) => {
  let layer = cache.get(doc);
  if (!layer) cache.set(doc, (layer = segment(doc.text, doc.info.language)));
  return layer;
};

export const sentencesAnalyzer = defineAnalyzer({
  name: 'sentences',
  reads: [],
  adds: 'sentences',
  run: (doc) => layerOf(doc).sentences,
});

export const tokensAnalyzer = defineAnalyzer({
  name: 'tokens',
  reads: ['sentences'],
  adds: 'tokens',
  run: (doc) => layerOf(doc).tokens,
});
