/**
 * Named-entity recognition over the text layer: PER, ORG, LOC and MISC spans (CoNLL-2003 types)
 * with character offsets into the document text. The trained model (models/ner.bin, see
 * models/ner.md) is loaded once, on first use.
 */
import type { Token } from '../../core/doc.js';
import type { Sentence } from '../../core/schema.js';
import { defineModel } from '../../core/model.js';
import { ENTITY_TYPES } from './lexicon.js';
import { labelChunks, spanConfidence } from './model.js';
import { NerTagger } from './runtime.js';

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';
export interface NerSpan {
  /** [start, end) in UTF-16 code units of the text */
  start: number;
  end: number;
  label: NerLabel;
  /** how sure the model is of this exact span, 0..1 (roughly calibrated on eng.testa; see spanConfidence) */
  confidence: number;
}

export const DEFAULT_NER_MODEL = 'ner.bin';

export const nerModel = defineModel({ file: DEFAULT_NER_MODEL, rebuild: 'unspin train ner', parse: (bytes) => NerTagger.load(bytes) });

/** The shipped models/ner.bin, loaded once; or the file at `path`. */
export const loadNerModel = (path?: string): NerTagger => nerModel.load(path);

/**
 * Entity spans of a text, from its tokens and sentences (the text layer), in text order. The
 * whole text is one document for the document-level features. Offsets are the tokens' own, so
 * they index `text` exactly; features read normalised copies of the token texts.
 */
export function tagEntities(text: string, tokens: Token[], sentences: Sentence[], model: NerTagger = loadNerModel()): NerSpan[] {
  const groups: Token[][] = sentences.map(() => []);
  for (const t of tokens) (groups[t.sentence] ??= []).push(t);
  const nonEmpty = groups.filter((g) => g.length > 0);
  const tagged = model.tagDocument(nonEmpty.map((g) => g.map((t) => t.text)));
  const spans: NerSpan[] = [];
  nonEmpty.forEach((group, s) => {
    const { labels, margins } = tagged[s]!;
    for (const c of labelChunks(labels)) {
      const confidence = spanConfidence(margins, c.start, c.end);
      spans.push({ start: group[c.start]!.start, end: group[c.end - 1]!.end, label: ENTITY_TYPES[c.type]!, confidence });
    }
  });
  return spans;
}
