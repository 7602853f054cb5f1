/**
 * Word lists the tagger consults: entity phrases and per-word type ratios counted from the
 * training corpus (eng.train), and place names from outside it (country names from the ICU data
 * in Node, large cities from cities-500). Lists are matched on lower-cased tokens through hashes,
 * so matching allocates no strings.
 */
import { lowerHashOf, mix, normalizeWord } from './words.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A training sentence as the lexicon builder needs it: words and each word's entity type (or null). */
export interface TypedSentence {
  words: readonly string[];
  /** entity chunks over the words */
  chunks: readonly { start: number; end: number; type: string }[];
}

/** The serialisable lists (stored in the model file). */
export interface LexiconData {
  /** lower-cased entity phrases (tokens joined by one space) -> index into ENTITY_TYPES */
  phrases: Record<string, number>;
  /** lower-cased word -> [occurrences, inside PER, ORG, LOC, MISC] */
  words: Record<string, number[]>;
  /** lower-cased place phrases from outside the corpus (countries, large cities) */
  places: string[];
}

export const MAX_PHRASE = 6;

/** Counts phrases and word ratios from labelled sentences. */
export function buildLexicon(sentences: Iterable<TypedSentence>, places: string[]): LexiconData {
  const phraseCounts = new Map<string, number[]>();
  const wordCounts = new Map<string, number[]>();
  for (const s of sentences) {
    const inside = new Array<number>(s.words.length).fill(-1);
    for (const c of s.chunks) {
      const t = ENTITY_TYPES.indexOf(c.type as EntityType);
      if (t < 0 || c.end - c.start > MAX_PHRASE) continue;
      for (let i = c.start; i < c.end; i++) inside[i] = t;
      const phrase = s.words.slice(c.start, c.end).map(lowerForm).join(' ');
      let counts = phraseCounts.get(phrase);
      if (!counts) phraseCounts.set(phrase, (counts = [0, 0, 0, 0]));
      counts[t]!++;
    }
    s.words.forEach((w, i) => {
      const lower = lowerForm(w);
      let counts = wordCounts.get(lower);
      if (!counts) wordCounts.set(lower, (counts = [0, 0, 0, 0, 0]));
      counts[0]!++;
      if (inside[i]! >= 0) counts[1 + inside[i]!]!++;
    });
  }
  const phrases: Record<string, number> = {};
  for (const [phrase, counts] of [...phraseCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    phrases[phrase] = counts.indexOf(Math.max(...counts));
  }
  const words: Record<string, number[]> = {};
  for (const [word, counts] of [...wordCounts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (counts.slice(1).some((c) => c > 0)) words[word] = counts;
  }
  return { phrases, words, places: places.map((p) => p.split(/\s+/).map(lowerForm).join(' ')) };
}

/** How list entries are keyed: the normalised, lower-cased word (as WordInfo.lower). */
function lowerForm(word: string): string {
  return normalizeWord(word).toLowerCase();
}

/** Country names in English, from the ICU data built into Node (no download, no data file). */
export function countryNames(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const out = new Set<string>();
  const A = 'A'.charCodeAt(0);
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const code = String.fromCharCode(A + a, A + b);
      const name = names.of(code);
      if (name && name !== code) out.add(name);
    }
  }
  return [...out];
}

const T_PHRASE = 101;
const T_WORD = 102;
const T_PLACE = 103;

/** Hash of a run of lower-cased words, as matched token by token. */
function extend(h: number, wordHash: number): number {
  return h === 0 ? wordHash : mix(h, wordHash);
}

// Flags of a compiled entry (a run of words): which lists it ends, and whether longer entries continue it.
const PHRASE_TYPE = 0b111; // entity type index + 1
const PLACE = 0b1000;
const PREFIX = 0b10000;

/**
 * The compiled lists, as stored in the model file: hashes of word runs with their flags, and
 * hashes of words with their packed type-ratio code (see wordCode). Sorted by key, so that
 * training writes identical files.
 */
export interface LexiconTables {
  runKeys: Uint32Array;
  runFlags: Uint8Array;
  wordKeys: Uint32Array;
  wordCodes: Uint16Array;
}

/**
 * A word's ratio features packed in 10 bits: for each entity type a 2-bit ratio bucket (0: under
 * 10% of its occurrences inside that type), and 2 bits of frequency. 0 means no feature.
 */
function wordCode(counts: readonly number[]): number {
  const total = counts[0]!;
  const seen = Math.min(3, Math.floor(Math.log2(total)) + 1); // 1, 2-3, 4-7, 8+
  let code = 0;
  for (let t = 0; t < ENTITY_TYPES.length; t++) {
    const ratio = counts[t + 1]! / total;
    const bucket = ratio >= 0.9 ? 3 : ratio >= 0.5 ? 2 : ratio >= 0.1 ? 1 : 0;
    code |= bucket << (2 * t);
  }
  return code === 0 ? 0 : (code << 2) | seen;
}

/** The feature hashes of a word code, built once per code. */
const featuresOfCode = new Map<number, readonly number[]>();
function wordFeaturesOfCode(code: number): readonly number[] {
  let feats = featuresOfCode.get(code);
  if (!feats) {
    const seen = code & 3;
    const list: number[] = [];
    for (let t = 0; t < ENTITY_TYPES.length; t++) {
      const bucket = (code >> (2 + 2 * t)) & 3;
      if (bucket > 0) list.push(mix(T_WORD, t * 16 + bucket * 4 + seen));
    }
    featuresOfCode.set(code, (feats = list));
  }
  return feats;
}

/**
 * An open-addressing hash table from non-zero 32-bit hashes to small values, in typed arrays:
 * built from the file's sorted lists in a millisecond, and lookups allocate nothing (a Map keyed
 * by hashes above 2^30 boxes every key).
 */
class HashTable {
  private readonly keys: Uint32Array;
  private readonly values: Uint16Array;
  private readonly shift: number;

  constructor(keys: Uint32Array, values: ArrayLike<number>) {
    const bits = Math.max(4, Math.ceil(Math.log2(keys.length * 2 + 1)));
    this.keys = new Uint32Array(1 << bits);
    this.values = new Uint16Array(1 << bits);
    this.shift = 32 - bits;
    const mask = (1 << bits) - 1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key === 0) continue; // the empty mark; a hash of 0 is a 1 in 2^32 chance, and only loses a feature
      let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.keys[at] !== 0 && this.keys[at] !== key) at = (at + 1) & mask;
      this.keys[at] = key;
      this.values[at] = values[k]!;
    }
  }

  /** The value of a key, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    let at = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = this.keys[at]!;
      if (k === key) return key === 0 ? -1 : this.values[at]!;
      if (k === 0) return -1;
      at = (at + 1) & mask;
    }
  }
}

/** The lists, compiled to hash tables for matching. */
export class Lexicon {
  /** hash of a word run -> flags; every prefix of an entry is present (with PREFIX) */
  private readonly runs: HashTable;
  /** lowerHash of a word -> its ratio code */
  private readonly words: HashTable;

  constructor(readonly tables: LexiconTables) {
    this.runs = new HashTable(tables.runKeys, tables.runFlags);
    this.words = new HashTable(tables.wordKeys, tables.wordCodes);
  }

  /** Compiles the lists (at training time; the model file stores the tables). */
  static fromData(data: LexiconData): Lexicon {
    const runs = new Map<number, number>();
    const add = (entry: string, flags: number) => {
      const words = entry.split(' ');
      if (words.length > MAX_PHRASE) return;
      let h = 0;
      words.forEach((w, i) => {
        h = extend(h, lowerHashOf(w));
        const last = i === words.length - 1;
        runs.set(h, (runs.get(h) ?? 0) | (last ? flags : PREFIX));
      });
    };
    for (const [phrase, type] of Object.entries(data.phrases)) add(phrase, type + 1);
    for (const place of data.places) add(place, PLACE);
    const words = new Map<number, number>();
    for (const [word, counts] of Object.entries(data.words)) {
      const code = wordCode(counts);
      if (code !== 0) words.set(lowerHashOf(word), code);
    }
    const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);
    const r = sorted(runs);
    const w = sorted(words);
    return new Lexicon({
      runKeys: Uint32Array.from(r, (e) => e[0]),
      runFlags: Uint8Array.from(r, (e) => e[1]),
      wordKeys: Uint32Array.from(w, (e) => e[0]),
      wordCodes: Uint16Array.from(w, (e) => e[1]),
    });
  }

  /** Word-ratio features of one word (empty when it was never inside an entity). */
  wordFeaturesOf(lowerHash: number): readonly number[] {
    const code = this.words.get(lowerHash);
    return code > 0 ? wordFeaturesOfCode(code) : NONE;
  }

  /**
   * Marks the tokens of leftmost-longest matches of the phrase list and of the place list:
   * `phrase[i]` / `place[i]` get a hash of (list, type, position in the match), 0 when unmatched.
   */
  mark(lowerHashes: ArrayLike<number>, phrase: Uint32Array, place: Uint32Array): void {
    const n = lowerHashes.length;
    let phraseFree = 0; // first token not yet covered by a phrase match
    let placeFree = 0;
    for (let i = 0; i < n; i++) {
      let h = 0;
      let phraseEnd = -1;
      let phraseType = 0;
      let placeEnd = -1;
      for (let j = i; j < n && j - i < MAX_PHRASE; j++) {
        h = extend(h, lowerHashes[j]!);
        const flags = this.runs.get(h);
        if (flags < 0) break;
        if (flags & PHRASE_TYPE) {
          phraseEnd = j;
          phraseType = flags & PHRASE_TYPE;
        }
        if (flags & PLACE) placeEnd = j;
        if (!(flags & PREFIX)) break;
      }
      if (phraseEnd >= 0 && i >= phraseFree) {
        markRun(phrase, i, phraseEnd, T_PHRASE * 8 + phraseType);
        phraseFree = phraseEnd + 1;
      }
      if (placeEnd >= 0 && i >= placeFree) {
        markRun(place, i, placeEnd, T_PLACE * 8);
        placeFree = placeEnd + 1;
      }
    }
  }
}

const NONE: readonly number[] = [];

function markRun(out: Uint32Array, first: number, last: number, list: number): void {
  const len = Math.min(last - first + 1, 3);
  for (let k = first; k <= last; k++) {
    const pos = first === last ? 0 : k === first ? 1 : k === last ? 2 : 3;
    out[k] = mix(list, pos * 4 + len);
  }
}
