import { defineAnalyzer } from '../core/analyzer.js';
import type { Doc } from '../core/doc.js';
import { segment, type TextLayer } from './segment.js';
import { SentenceSchema } from './schema.js';

// Sentences and tokens come from one pass; the two analyzers share it through this cache.
const cache = new WeakMap<Doc, TextLayer>();
const layerOf = (doc: Doc) => {
  let layer = cache.get(doc);
  if (!layer) cache.set(doc, (layer = segment(doc.text, doc.info.language)));
  return layer;
};

export const sentencesAnalyzer = defineAnalyzer({
  name: 'sentences',
  version: 4,
  requires: [],
  adds: 'sentences',
  schema: (T) => T.Array(SentenceSchema(T)),
  absent: [],
  credit: () => 'wink-nlp and wink-eng-lite-web-model (MIT): tokens, sentences, part of speech',
  run: (doc) => layerOf(doc).sentences,
});

export const tokensAnalyzer = defineAnalyzer({
  name: 'tokens',
  version: 4,
  requires: ['sentences'],
  adds: 'tokens',
  run: (doc) => layerOf(doc).tokens,
});
