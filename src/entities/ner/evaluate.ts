/**
 * Scores the tagger on a CoNLL-2003 file the way it runs on articles: each document's text is
 * rebuilt by joining its tokens with spaces, tagged through tagEntities, and the character spans
 * are mapped back to token tags for the conlleval score.
 */
import type { Token } from '../../core/doc.js';
import type { Sentence } from '../../core/schema.js';
import { readConll, scoreConll, type ConllDocument, type ConllScore } from '../../eval/conll.js';
import type { NerTagger } from './runtime.js';
import { tagEntities } from './tagger.js';

/** A CoNLL document as the text layer would give it: text, tokens with offsets, sentences. */
export function documentAsText(doc: ConllDocument): { text: string; tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  doc.sentences.forEach((s, si) => {
    if (si > 0) text += '\n';
    const first = text.length;
    s.words.forEach((w, i) => {
      if (i > 0) text += ' ';
      tokens.push({ start: text.length, end: text.length + w.length, text: w, pos: 'X', sentence: si });
      text += w;
    });
    sentences.push({ start: first, end: text.length });
  });
  return { text, tokens, sentences };
}

/**
 * Predicted tags of every sentence of a document, in IOB1 like the CoNLL-2003 files (B- only
 * where a chunk directly follows one of the same type), so that token accuracy is comparable.
 */
export function predictTags(doc: ConllDocument, model?: NerTagger): string[][] {
  const { text, tokens, sentences } = documentAsText(doc);
  const tags = tokens.map(() => 'O');
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  for (const span of tagEntities(text, tokens, sentences, model)) {
    let i = byStart.get(span.start);
    if (i === undefined) continue;
    const sameSentence = i > 0 && tokens[i - 1]!.sentence === tokens[i]!.sentence;
    tags[i] = sameSentence && tags[i - 1] !== 'O' && tags[i - 1]!.slice(2) === span.label ? `B-${span.label}` : `I-${span.label}`;
    while (++i < tokens.length && tokens[i]!.end <= span.end) tags[i] = `I-${span.label}`;
  }
  const out: string[][] = [];
  let k = 0;
  for (const s of doc.sentences) {
    out.push(tags.slice(k, k + s.words.length));
    k += s.words.length;
  }
  return out;
}

export function evaluateNer(goldText: string, model?: NerTagger): ConllScore {
  const docs = readConll(goldText);
  const gold = docs.flatMap((d) => d.sentences.map((s) => s.tags));
  const predicted = docs.flatMap((d) => predictTags(d, model));
  return scoreConll(gold, predicted);
}
