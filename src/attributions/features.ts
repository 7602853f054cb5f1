/**
 * Token features for the SOURCE / CUE / CONTENT tagger. Static features (the word, its
 * neighbours, part of speech, quote state, distance to the nearest cue word of the sentence) are
 * computed once per token; the label history is added during decoding (see tagger.ts).
 */
import type { Token } from '../core/doc.js';
import { hashFeature } from '../learn/perceptron.js';
import { cueStrength, lemma, type CueLexicon } from './lexicon.js';

const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

function shape(word: string): string {
  if (/^\p{Lu}/u.test(word)) return /^\p{Lu}+$/u.test(word) && word.length > 1 ? 'XX' : 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return word.length === 1 ? word : 'p';
}

const bucket = (d: number) => (d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 7 : 13);

function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Per token: is it inside a quotation? Curly quotes open and close; a straight " toggles. A paragraph resets. */
export function quoteState(tokens: readonly Token[], text: string): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && lineBreakBetween(text, tokens[i - 1]!.end, t.start)) open = false;
    const w = t.text;
    if (OPEN_QUOTES.has(w)) open = true;
    else if (CLOSE_QUOTES.has(w)) {
      inside[i] = 1;
      open = false;
      continue;
    } else if (w === '"') open = !open;
    inside[i] = open ? 1 : 0;
  }
  return inside;
}

/** What the features need of one word form, computed once per distinct form (cached). */
interface WordInfo {
  lower: string;
  word: number;
  lemma: number;
  lemmaText: string;
  shape: number;
  suffix: number;
}

const wordInfos = new Map<string, WordInfo>();
function wordInfo(text: string): WordInfo {
  let info = wordInfos.get(text);
  if (!info) {
    const lower = text.toLowerCase();
    const lemmaText = lemma(text);
    info = { lower, word: h(lower), lemma: h(lemmaText), lemmaText, shape: h(shape(text)), suffix: h(lower.slice(-3)) };
    if (wordInfos.size < 200_000) wordInfos.set(text, info);
  }
  return info;
}

/**
 * Mixes a feature template id with up to three values into one 32-bit hash. Features are numbers,
 * never strings: building and hashing strings per token would cost most of the run time.
 */
export function mix(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  return h >>> 0;
}

// Hashes of recurring strings (words, tags), kept between calls; bounded so a huge input cannot grow it forever.
const stringHashes = new Map<string, number>();
export function h(value: string): number {
  let v = stringHashes.get(value);
  if (v === undefined) {
    v = hashFeature(value);
    if (stringHashes.size < 200_000) stringHashes.set(value, v);
  }
  return v;
}

export const STATIC_FEATURES = 36;
const BOS = h('<s>');
const EOS = h('</s>');

/** The static features of every token: STATIC_FEATURES hashes per token, token-major. */
export function staticFeatures(tokens: readonly Token[], text: string, lexicon: CueLexicon): Uint32Array {
  return staticFeatureRows(tokens, text, lexicon)(0, tokens.length);
}

/**
 * The static features of tokens [from, to) on demand, from per-token facts computed once: the
 * tagger reads them a block at a time, since all of them at once are 144 bytes a token (150 MB
 * for a 5 MB text). `into` is reused when it is large enough. Row i is the same whatever the block.
 */
export function staticFeatureRows(tokens: readonly Token[], text: string, lexicon: CueLexicon): (from: number, to: number, into?: Uint32Array) => Uint32Array {
  const n = tokens.length;
  const infos = tokens.map((t) => wordInfo(t.text));
  const words = infos.map((w) => w.lower);
  const strength = Uint8Array.from(infos, (w) => cueStrength(lexicon, w.lemmaText));
  const quoted = quoteState(tokens, text);
  // Distance to the nearest strong-ish cue word (strength >= 2) outside quotes within the sentence, each side.
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  for (let i = 0, last = -1; i < n; i++) {
    if (i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence) last = -1;
    if (last >= 0) left[i] = i - last;
    if (strength[i]! >= 2 && !quoted[i]) last = i;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (i < n - 1 && tokens[i]!.sentence !== tokens[i + 1]!.sentence) next = -1;
    if (next >= 0) right[i] = next - i;
    if (strength[i]! >= 2 && !quoted[i]) next = i;
  }
  // Sentence facts: does it hold a quotation mark, a cue word outside quotes?
  const sentFlags = new Uint8Array(n > 0 ? tokens[n - 1]!.sentence + 1 : 0);
  for (let i = 0; i < n; i++) {
    const s = tokens[i]!.sentence;
    if (OPEN_QUOTES.has(words[i]!) || CLOSE_QUOTES.has(words[i]!) || words[i] === '"') sentFlags[s]! |= 1;
    if (strength[i]! >= 2 && !quoted[i]) sentFlags[s]! |= 2;
  }

  const hw = infos.map((w) => w.word);
  const hl = infos.map((w) => w.lemma);
  const hp = tokens.map((t) => h(t.pos));
  const W = (k: number) => (k < 0 ? BOS : k >= n ? EOS : hw[k]!);
  const Lm = (k: number) => (k < 0 ? BOS : k >= n ? EOS : hl[k]!);
  const P = (k: number) => (k < 0 ? BOS : k >= n ? EOS : hp[k]!);
  const S = (k: number) => (k < 0 || k >= n ? 0 : strength[k]! + 1);
  const shapes = infos.map((w) => w.shape);
  const suffixes = infos.map((w) => w.suffix);
  infos.length = 0; // (the word infos are cached; only their hashes are needed from here)
  return (from, to, into) => {
    const out = into && into.length >= (to - from) * STATIC_FEATURES ? into : new Uint32Array((to - from) * STATIC_FEATURES);
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const s = t.sentence;
      const first = i === 0 || tokens[i - 1]!.sentence !== s ? 1 : 0;
      const last = i === n - 1 || tokens[i + 1]!.sentence !== s ? 2 : 0;
      const q = quoted[i]!;
      const l = left[i]! < 0 ? 99 : bucket(left[i]!);
      const r = right[i]! < 0 ? 99 : bucket(right[i]!);
      const o = (i - from) * STATIC_FEATURES;
      out[o] = mix(0, 0);
      out[o + 1] = mix(1, hw[i]!);
      out[o + 2] = mix(2, hl[i]!);
      out[o + 3] = mix(3, W(i - 1));
      out[o + 4] = mix(4, W(i + 1));
      out[o + 5] = mix(5, W(i - 2));
      out[o + 6] = mix(6, W(i + 2));
      out[o + 7] = mix(7, Lm(i - 1), hl[i]!);
      out[o + 8] = mix(8, hl[i]!, Lm(i + 1));
      out[o + 9] = mix(9, hp[i]!);
      out[o + 10] = mix(10, P(i - 1));
      out[o + 11] = mix(11, P(i + 1));
      out[o + 12] = mix(12, P(i - 1), hp[i]!, P(i + 1));
      out[o + 13] = mix(13, shapes[i]!);
      out[o + 14] = mix(14, suffixes[i]!);
      out[o + 15] = mix(15, S(i), q);
      out[o + 16] = mix(16, S(i - 1));
      out[o + 17] = mix(17, S(i + 1));
      out[o + 18] = mix(18, q);
      out[o + 19] = mix(19, q, hp[i]!);
      out[o + 20] = mix(20, l);
      out[o + 21] = mix(21, r);
      out[o + 22] = mix(22, l, r, q);
      out[o + 23] = mix(23, l, hp[i]!);
      out[o + 24] = mix(24, r, hp[i]!);
      out[o + 25] = mix(25, first | last);
      out[o + 26] = mix(26, sentFlags[s]!);
      out[o + 27] = mix(27, shapes[Math.max(0, i - 1)]!, shapes[i]!, shapes[Math.min(n - 1, i + 1)]!);
      out[o + 28] = mix(28, r, shapes[i]!);
      out[o + 29] = mix(29, l, shapes[i]!);
      out[o + 30] = mix(30, right[i]! < 0 ? 0 : hl[i + right[i]!]!);
      out[o + 31] = mix(31, left[i]! < 0 ? 0 : hl[i - left[i]!]!);
      out[o + 32] = mix(32, hw[i]!, W(i + 1));
      out[o + 33] = mix(33, first ? 1 : 0, hp[i]!, r);
      // which cue word, how far: "said" two words on is a source's mark, "said" ten words on is not
      out[o + 34] = mix(34, r, right[i]! < 0 ? 0 : hl[i + right[i]!]!);
      out[o + 35] = mix(35, l, left[i]! < 0 ? 0 : hl[i - left[i]!]!);
    }
    return out;
  };
}
