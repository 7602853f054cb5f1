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

/**
 * What the features need of one word form, computed once per distinct form (cached): its hashes,
 * the features of the word alone (as the token itself and as a neighbour), whether it is a
 * quotation mark, and its cue strength under the last lexicon asked.
 */
interface WordInfo {
  lower: string;
  word: number;
  lemma: number;
  shape: number;
  lemmaText: string;
  quote: boolean;
  /** the features of the word alone: mix(1, word), mix(2, lemma), mix(13, shape), mix(14, suffix) */
  f1: number;
  f2: number;
  f13: number;
  f14: number;
  /** mix(3..6, word): as the word before, after, two before, two after */
  f3: number;
  f4: number;
  f5: number;
  f6: number;
  lexicon: CueLexicon | null;
  strength: number;
}

const wordInfos = new Map<string, WordInfo>();
function wordInfo(text: string): WordInfo {
  let info = wordInfos.get(text);
  if (!info) {
    const lower = text.toLowerCase();
    const lemmaText = lemma(text);
    const word = h(lower);
    const lem = h(lemmaText);
    const sh = h(shape(text));
    const quote = OPEN_QUOTES.has(lower) || CLOSE_QUOTES.has(lower) || lower === '"';
    info = {
      lower,
      word,
      lemma: lem,
      shape: sh,
      lemmaText,
      quote,
      f1: mix(1, word),
      f2: mix(2, lem),
      f13: mix(13, sh),
      f14: mix(14, h(lower.slice(-3))),
      f3: mix(3, word),
      f4: mix(4, word),
      f5: mix(5, word),
      f6: mix(6, word),
      lexicon: null,
      strength: 0,
    };
    if (wordInfos.size < 200_000) wordInfos.set(text, info);
  }
  return info;
}

function strengthOf(info: WordInfo, lexicon: CueLexicon): number {
  if (info.lexicon !== lexicon) {
    info.strength = cueStrength(lexicon, info.lemmaText);
    info.lexicon = lexicon;
  }
  return info.strength;
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

/** The buckets of a distance to a cue word (99: none in the sentence), as small indexes into the feature tables. */
const DISTANCES = [0, 1, 2, 3, 4, 7, 13, 99];
const distanceIndex = (d: number) => (d < 0 ? 7 : d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6);
const D = DISTANCES.length;

/** Features over a few small values, mixed once: `table(t, sizes)[index]` is mix(t, ...values). */
function table(template: number, values: readonly (readonly number[])[]): Uint32Array {
  const [as, bs = [0], cs = [0]] = values;
  const out = new Uint32Array(as!.length * bs.length * cs.length);
  let k = 0;
  for (const a of as!) for (const b of bs) for (const c of cs) out[k++] = mix(template, a, b, c);
  return out;
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const BIAS = mix(0, 0);
const EDGE = { f3: mix(3, BOS), f4: mix(4, EOS), f5: mix(5, BOS), f6: mix(6, EOS) };
const T15 = table(15, [range(5), range(2)]); // cue strength (+1) of the word, quoted
const T16 = table(16, [range(5)]);
const T17 = table(17, [range(5)]);
const T18 = table(18, [range(2)]);
const T20 = table(20, [DISTANCES]);
const T21 = table(21, [DISTANCES]);
const T22 = table(22, [DISTANCES, DISTANCES, range(2)]);
const T25 = table(25, [range(4)]);
const T26 = table(26, [range(4)]);

/** The features of one part of speech (`tag` as hashed), alone and with small values, mixed once per tag. */
interface TagInfo {
  tag: number;
  /** mix(9, tag), mix(10, tag), mix(11, tag): as the token's, the previous, the next */
  f9: number;
  f10: number;
  f11: number;
  f19: Uint32Array; // [quoted]
  f23: Uint32Array; // [left distance]
  f24: Uint32Array; // [right distance]
  f33: Uint32Array; // [first in sentence][right distance]
}
const tagInfo = (tag: number): TagInfo => ({
  tag,
  f9: mix(9, tag),
  f10: mix(10, tag),
  f11: mix(11, tag),
  f19: table(19, [range(2), [tag]]),
  f23: table(23, [DISTANCES, [tag]]),
  f24: table(24, [DISTANCES, [tag]]),
  f33: table(33, [range(2), [tag], DISTANCES]),
});
const tagInfos = new Map<string, TagInfo>();
function tagOf(pos: string): TagInfo {
  let info = tagInfos.get(pos);
  if (!info) {
    info = tagInfo(h(pos));
    if (tagInfos.size < 10_000) tagInfos.set(pos, info);
  }
  return info;
}
const EDGE_TAG = tagInfo(BOS);
const END_TAG = tagInfo(EOS);

/** The static features of every token: STATIC_FEATURES hashes per token, token-major. */
export function staticFeatures(tokens: readonly Token[], text: string, lexicon: CueLexicon): Uint32Array {
  return staticFeatureRows(tokens, text, lexicon)(0, tokens.length);
}

/**
 * The static features of tokens [from, to) on demand, from per-token facts computed once: the
 * tagger reads them a block at a time, since all of them at once are 144 bytes a token (150 MB
 * for a 5 MB text). `into` is reused when it is large enough. Row i is the same whatever the block.
 * The features over the word alone, its tag alone or small values (strengths, distance buckets,
 * flags) come from tables mixed once (word and tag infos, the T tables); the others are mixed here.
 */
export function staticFeatureRows(tokens: readonly Token[], text: string, lexicon: CueLexicon): (from: number, to: number, into?: Uint32Array) => Uint32Array {
  const n = tokens.length;
  const infos = tokens.map((t) => wordInfo(t.text));
  const tags = tokens.map((t) => tagOf(t.pos));
  const strength = new Uint8Array(n);
  for (let i = 0; i < n; i++) strength[i] = strengthOf(infos[i]!, lexicon);
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
    if (infos[i]!.quote) sentFlags[s]! |= 1;
    if (strength[i]! >= 2 && !quoted[i]) sentFlags[s]! |= 2;
  }
  const W = (k: number) => (k < 0 ? BOS : k >= n ? EOS : infos[k]!.word);
  const Lm = (k: number) => (k < 0 ? BOS : k >= n ? EOS : infos[k]!.lemma);
  const P = (k: number) => (k < 0 ? BOS : k >= n ? EOS : tags[k]!.tag);
  const S = (k: number) => (k < 0 || k >= n ? 0 : strength[k]! + 1);
  return (from, to, into) => {
    const out = into && into.length >= (to - from) * STATIC_FEATURES ? into : new Uint32Array((to - from) * STATIC_FEATURES);
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      const s = t.sentence;
      const first = i === 0 || tokens[i - 1]!.sentence !== s ? 1 : 0;
      const last = i === n - 1 || tokens[i + 1]!.sentence !== s ? 2 : 0;
      const q = quoted[i]!;
      const li = distanceIndex(left[i]!);
      const ri = distanceIndex(right[i]!);
      const l = DISTANCES[li]!;
      const r = DISTANCES[ri]!;
      const info = infos[i]!;
      const tag = tags[i]!;
      const hl = info.lemma;
      const shape = info.shape;
      const o = (i - from) * STATIC_FEATURES;
      out[o] = BIAS;
      out[o + 1] = info.f1;
      out[o + 2] = info.f2;
      out[o + 3] = (i > 0 ? infos[i - 1]! : EDGE).f3;
      out[o + 4] = (i < n - 1 ? infos[i + 1]! : EDGE).f4;
      out[o + 5] = (i > 1 ? infos[i - 2]! : EDGE).f5;
      out[o + 6] = (i < n - 2 ? infos[i + 2]! : EDGE).f6;
      out[o + 7] = mix(7, Lm(i - 1), hl);
      out[o + 8] = mix(8, hl, Lm(i + 1));
      out[o + 9] = tag.f9;
      out[o + 10] = i > 0 ? tags[i - 1]!.f10 : EDGE_TAG.f10;
      out[o + 11] = i < n - 1 ? tags[i + 1]!.f11 : END_TAG.f11;
      out[o + 12] = mix(12, P(i - 1), tag.tag, P(i + 1));
      out[o + 13] = info.f13;
      out[o + 14] = info.f14;
      out[o + 15] = T15[S(i) * 2 + q]!;
      out[o + 16] = T16[S(i - 1)]!;
      out[o + 17] = T17[S(i + 1)]!;
      out[o + 18] = T18[q]!;
      out[o + 19] = tag.f19[q]!;
      out[o + 20] = T20[li]!;
      out[o + 21] = T21[ri]!;
      out[o + 22] = T22[(li * D + ri) * 2 + q]!;
      out[o + 23] = tag.f23[li]!;
      out[o + 24] = tag.f24[ri]!;
      out[o + 25] = T25[first | last]!;
      out[o + 26] = T26[sentFlags[s]!]!;
      out[o + 27] = mix(27, infos[Math.max(0, i - 1)]!.shape, shape, infos[Math.min(n - 1, i + 1)]!.shape);
      out[o + 28] = mix(28, r, shape);
      out[o + 29] = mix(29, l, shape);
      const cueAfter = right[i]! < 0 ? 0 : infos[i + right[i]!]!.lemma;
      const cueBefore = left[i]! < 0 ? 0 : infos[i - left[i]!]!.lemma;
      out[o + 30] = mix(30, cueAfter);
      out[o + 31] = mix(31, cueBefore);
      out[o + 32] = mix(32, info.word, W(i + 1));
      out[o + 33] = tag.f33[first * D + ri]!;
      // which cue word, how far: "said" two words on is a source's mark, "said" ten words on is not
      out[o + 34] = mix(34, r, cueAfter);
      out[o + 35] = mix(35, l, cueBefore);
    }
    return out;
  };
}
