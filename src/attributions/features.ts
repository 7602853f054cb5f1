/**
 * Token features for the SOURCE / CUE / CONTENT tagger. Static features (the word, its
 * neighbours, part of speech, quote state, distance to the nearest cue word of the sentence) are
 * computed once per token; the label history is added during decoding (see tagger.ts).
 */
import type { Token } from '../core/doc.js';
import { cueStrength, lemma, type CueLexicon } from './lexicon.js';

const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

function shape(word: string): string {
  if (/^\p{Lu}/u.test(word)) return /^\p{Lu}+$/u.test(word) && word.length > 1 ? 'XX' : 'Xx';
  if (/^\p{Ll}/u.test(word)) return 'x';
  if (/^\p{N}/u.test(word)) return 'd';
  return word.length === 1 ? word : 'p';
}

const bucket = (d: number) => (d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : 'far');

/** Per token: is it inside a quotation? Curly quotes open and close; a straight " toggles. A paragraph resets. */
export function quoteState(tokens: readonly Token[], text: string): Uint8Array {
  const inside = new Uint8Array(tokens.length);
  let open = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > 0 && text.slice(tokens[i - 1]!.end, t.start).includes('\n')) open = false;
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

export interface TokenView {
  words: string[];
  lemmas: string[];
  strength: Uint8Array;
}

export function tokenView(tokens: readonly Token[], lexicon: CueLexicon): TokenView {
  const words = tokens.map((t) => t.text.toLowerCase());
  const lemmas = tokens.map((t) => lemma(t.text));
  const strength = Uint8Array.from(lemmas, (l) => cueStrength(lexicon, l));
  return { words, lemmas, strength };
}

/** The static features of every token. */
export function staticFeatures(tokens: readonly Token[], text: string, lexicon: CueLexicon): string[][] {
  const n = tokens.length;
  const { words, lemmas, strength } = tokenView(tokens, lexicon);
  const quoted = quoteState(tokens, text);
  // Distance to the nearest strong-ish cue word (strength >= 2) within the sentence, each side.
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
  const sentQuote = new Map<number, boolean>();
  const sentCue = new Map<number, boolean>();
  for (let i = 0; i < n; i++) {
    const s = tokens[i]!.sentence;
    if (OPEN_QUOTES.has(words[i]!) || CLOSE_QUOTES.has(words[i]!) || words[i] === '"') sentQuote.set(s, true);
    if (strength[i]! >= 2 && !quoted[i]) sentCue.set(s, true);
  }

  const out: string[][] = new Array(n);
  const w = (k: number) => (k < 0 ? '<s>' : k >= n ? '</s>' : words[k]!);
  const p = (k: number) => (k < 0 ? '<s>' : k >= n ? '</s>' : tokens[k]!.pos);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const s = t.sentence;
    const first = i === 0 || tokens[i - 1]!.sentence !== s;
    const last = i === n - 1 || tokens[i + 1]!.sentence !== s;
    const q = quoted[i]!;
    const l = left[i]! < 0 ? 'none' : bucket(left[i]!);
    const r = right[i]! < 0 ? 'none' : bucket(right[i]!);
    out[i] = [
      'b',
      `w=${words[i]}`,
      `l=${lemmas[i]}`,
      `w-1=${w(i - 1)}`,
      `w+1=${w(i + 1)}`,
      `w-2=${w(i - 2)}`,
      `w+2=${w(i + 2)}`,
      `l-1l=${i > 0 ? lemmas[i - 1] : '<s>'}|${lemmas[i]}`,
      `ll+1=${lemmas[i]}|${i < n - 1 ? lemmas[i + 1] : '</s>'}`,
      `p=${t.pos}`,
      `p-1=${p(i - 1)}`,
      `p+1=${p(i + 1)}`,
      `pp=${p(i - 1)}|${t.pos}|${p(i + 1)}`,
      `sh=${shape(t.text)}`,
      `suf=${words[i]!.slice(-3)}`,
      `cue=${strength[i]}|${q}`,
      `cue-1=${i > 0 ? strength[i - 1] : 0}`,
      `cue+1=${i < n - 1 ? strength[i + 1] : 0}`,
      `q=${q}`,
      `q-p=${q}|${t.pos}`,
      `dl=${l}`,
      `dr=${r}`,
      `dlr=${l}|${r}|${q}`,
      `dlp=${l}|${t.pos}`,
      `drp=${r}|${t.pos}`,
      `edge=${first ? 'F' : ''}${last ? 'L' : ''}`,
      `sent=${sentQuote.has(s) ? 'Q' : ''}${sentCue.has(s) ? 'C' : ''}`,
    ];
  }
  return out;
}
