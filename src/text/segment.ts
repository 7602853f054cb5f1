/**
 * The text layer: sentences and tokens with offsets into document.text, and part of speech.
 * English goes through wink-nlp (sentence boundaries + POS); other languages through
 * Intl.Segmenter, with POS left as 'X'.
 */
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import type { Sentence } from '../core/schema.js';
import type { Token } from '../core/doc.js';
import { readAsEnglish } from '../core/language.js';
import { joinBrokenSentences } from './sentence-repair.js';

export interface TextLayer {
  sentences: Sentence[];
  tokens: Token[];
}

const require = createRequire(import.meta.url);
let wink: ReturnType<typeof WinkNLP> | undefined;
/** Loaded on first use (~250 ms for the model), so commands that read no English text never pay for it. */
function english() {
  if (!wink) {
    const winkNLP = require('wink-nlp') as typeof WinkNLP;
    wink = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos']);
  }
  return wink;
}

/**
 * The text layer of a text. `repair: false` gives the splitter's own English sentences, before
 * sentence-repair.ts mends them: only for training the attribution tagger, which was trained on
 * them and loses on them otherwise (models/attribution.md).
 */
export function segment(text: string, language: string, { repair = true } = {}): TextLayer {
  const given = repair ? provided.get(text) : undefined;
  if (given?.language === language) {
    provided.delete(text);
    return given.layer;
  }
  if (!readAsEnglish(language)) return segmentIntl(text, language);
  const layer = segmentEnglish(text);
  return repair ? joinBrokenSentences(text, layer.sentences, layer.tokens) : layer;
}

// Layers computed elsewhere (on a thread of their own, see parallel.ts), taken once. Only the
// latest is kept: one that was never taken (its article was cut before the text layer) is dropped.
const provided = new Map<string, { language: string; layer: TextLayer }>();

/** Hands `segment` a layer computed for this exact text, so it need not load wink itself. */
export function provideSegmentation(text: string, language: string, layer: TextLayer): void {
  provided.clear();
  provided.set(text, { language, layer });
}

/** No word is this long; wink's tokenizer is quadratic in token length, so such runs bypass it. */
const OVERLONG = /\S{200,}/g;

/**
 * Runs of over 200 non-space characters (base64, minified junk, an attack) are blanked in the copy
 * wink reads, then put back as single tokens with POS 'X', inside their sentence or as one of their own.
 */
function segmentEnglish(text: string): TextLayer {
  const runs = [...text.matchAll(OVERLONG)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (runs.length === 0) return segmentWink(text, text);
  const masked = text.replace(OVERLONG, (run) => ' '.repeat(run.length));
  const layer = segmentWink(masked, text);
  const sentences = [...layer.sentences];
  for (const run of runs) {
    if (!sentences.some((s) => s.start <= run.start && run.end <= s.end)) sentences.push({ ...run });
  }
  sentences.sort((a, b) => a.start - b.start);
  const extra = runs.map((r) => ({ ...r, text: text.slice(r.start, r.end), pos: 'X', sentence: 0 }));
  const tokens = [...layer.tokens, ...extra].sort((a, b) => a.start - b.start);
  let si = 0;
  for (const t of tokens) {
    while (sentences[si]!.end <= t.start) si++;
    t.sentence = si;
  }
  return { sentences, tokens };
}

/** wink over `text` (possibly masked); token strings are taken from `original` at the same offsets. */
function segmentWink(text: string, original: string): TextLayer {
  const nlp = english();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // wink's token values are substrings of the text; locate each from a cursor so offsets are exact.
  const tokens: Token[] = [];
  const index: number[] = []; // wink token index -> our token index (-1 when it could not be placed)
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const at = text.indexOf(value, cursor);
    if (at < 0 || value.trim().length === 0) {
      index.push(-1);
      continue;
    }
    index.push(tokens.length);
    tokens.push({ start: at, end: at + value.length, text: original.slice(at, at + value.length), pos: tags[i] ?? 'X', sentence: 0 });
    cursor = at + value.length;
  }

  // A sentence never crosses a line break: in news text a line is a headline, a dateline or a paragraph.
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    let open = -1;
    for (let w = first; w <= last + 1; w++) {
      const t = w <= last ? index[w]! : -1;
      if (t === -1 && w <= last) continue;
      const breaks = t === -1 || (open !== -1 && text.slice(tokens[t - 1]!.end, tokens[t]!.start).includes('\n'));
      if (breaks && open !== -1) {
        const closeAt = t === -1 ? lastPlaced(index, first, last) : t - 1;
        for (let k = open; k <= closeAt; k++) tokens[k]!.sentence = sentences.length;
        sentences.push({ start: tokens[open]!.start, end: tokens[closeAt]!.end });
        open = -1;
      }
      if (t !== -1 && open === -1) open = t;
    }
  }
  return { sentences, tokens };
}

function lastPlaced(index: number[], first: number, last: number): number {
  for (let w = last; w >= first; w--) if (index[w] !== -1) return index[w]!;
  return -1;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

function segmentIntl(text: string, language: string): TextLayer {
  const sentences: Sentence[] = [];
  const splitter = new Intl.Segmenter(language, { granularity: 'sentence' });
  // in windows, as the word segmenter below goes in pieces (V8's segmenters are quadratic in the
  // length of the string); a window's last sentence may run past it, so the next window starts
  // there; a "sentence" longer than a window (a run-on list) is cut at the window's end
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from, text.length, SENTENCE_WINDOW);
    const parts = [...splitter.segment(text.slice(from, to))];
    const complete = to === text.length || parts.length === 1 ? parts : parts.slice(0, -1);
    for (const seg of complete) {
      const trimmed = trimSpan(text, from + seg.index, from + seg.index + seg.segment.length);
      if (trimmed) sentences.push(trimmed);
    }
    const last = complete[complete.length - 1]!;
    from += last.index + last.segment.length;
  }
  const tokens: Token[] = [];
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  sentences.forEach((s, si) => {
    for (let from = s.start; from < s.end; ) {
      const to = pieceEnd(text, from, s.end, PIECE);
      for (const w of words.segment(text.slice(from, to))) {
        if (/^\s+$/u.test(w.segment)) continue;
        const start = from + w.index;
        tokens.push({
          start,
          end: start + w.segment.length,
          text: w.segment,
          pos: WORDLIKE.test(w.segment) ? 'X' : 'PUNCT',
          sentence: si,
        });
      }
      from = to;
    }
  });
  return { sentences, tokens };
}

/** Longest piece of a sentence given to the word segmenter at once. */
const PIECE = 2000;
/** Longest piece of text given to the sentence segmenter at once. */
const SENTENCE_WINDOW = 10_000;

/**
 * Where the piece of [from, end) to segment next ends (at most `size` long): V8's segmenters slow
 * down quadratically on long strings (a 400 KB run-on "sentence" took minutes to cut into words,
 * 8,000 sentences 5 s to find), so long text goes in pieces, each cut at whitespace so that no
 * word is split.
 */
function pieceEnd(text: string, from: number, end: number, size: number): number {
  if (end - from <= size) return end;
  for (let k = from + size; k > from + size / 2; k--) if (/\s/u.test(text[k]!)) return k;
  // no space in the last half: a run of garbage, cut anywhere but inside a surrogate pair
  const cut = from + size;
  return /[\uD800-\uDBFF]/.test(text[cut - 1]!) ? cut - 1 : cut;
}

function trimSpan(text: string, start: number, end: number): Sentence | null {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}
