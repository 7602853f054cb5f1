/**
 * Near-duplicate detection over a growing set of articles: each text becomes a MinHash signature of
 * its word 4-shingles; LSH bands propose candidates; a candidate is a copy when most of the smaller
 * text's shingles are in the larger one (containment), so a trimmed or lightly reworded rewrite
 * matches its origin while two reports of one event in their own words do not.
 */
import { BANDS, bandKeys, containment, estimateJaccard, signature } from './minhash.js';
import { shingles, words } from './words.js';

/** Words per shingle: long enough that shared names and stock phrases do not make a copy. */
export const SHINGLE_WORDS = 4;
/** A pair is a copy when this share of the smaller text's shingles is in the other. */
export const MIN_CONTAINMENT = 0.5;
/** Texts with fewer shingles than this are copies only when nearly identical (Jaccard below). */
export const MIN_SHINGLES = 25;
export const SHORT_TEXT_JACCARD = 0.8;

export interface Sketch {
  signature: Uint32Array;
  /** number of distinct shingles */
  size: number;
}

export function sketch(text: string): Sketch {
  const sh = shingles(words(text), SHINGLE_WORDS);
  return { signature: signature(sh), size: sh.length };
}

export interface Match {
  id: number;
  jaccard: number;
  containment: number;
}

/** Whether two sketches are copies of one text, and how alike. */
export function compare(a: Sketch, b: Sketch): { jaccard: number; containment: number; copy: boolean } {
  const jaccard = estimateJaccard(a.signature, b.signature);
  const c = containment(jaccard, a.size, b.size);
  const short = Math.min(a.size, b.size) < MIN_SHINGLES;
  return { jaccard, containment: c, copy: short ? jaccard >= SHORT_TEXT_JACCARD : c >= MIN_CONTAINMENT };
}

/** Where the sketches and band buckets live: in memory here, in the corpus store there. */
export interface SketchStore {
  put(id: number, sketch: Sketch, keys: Uint32Array): void;
  get(id: number): Sketch | undefined;
  /** ids in any of the buckets, each once */
  inBuckets(keys: Uint32Array): Iterable<number>;
}

export class MemorySketchStore implements SketchStore {
  private readonly sketches = new Map<number, Sketch>();
  // one table per band (a Map holds at most 2^24 entries); most buckets hold one article: a
  // number, an array only when shared; keys cut to 30 bits so that V8 keeps them as small
  // integers rather than boxed numbers
  private readonly buckets = Array.from({ length: BANDS }, () => new Map<number, number | number[]>());

  put(id: number, s: Sketch, keys: Uint32Array): void {
    this.sketches.set(id, s);
    keys.forEach((key, b) => {
      const band = this.buckets[b]!;
      const k = key & 0x3fffffff;
      const had = band.get(k);
      if (had === undefined) band.set(k, id);
      else if (typeof had === 'number') band.set(k, [had, id]);
      else had.push(id);
    });
  }

  get(id: number): Sketch | undefined {
    return this.sketches.get(id);
  }

  *inBuckets(keys: Uint32Array): Iterable<number> {
    const seen = new Set<number>();
    for (let b = 0; b < keys.length; b++) {
      const had = this.buckets[b]!.get(keys[b]! & 0x3fffffff);
      if (had === undefined) continue;
      for (const id of typeof had === 'number' ? [had] : had) {
        if (!seen.has(id)) {
          seen.add(id);
          yield id;
        }
      }
    }
  }
}

/** Finds the stored copies of a text, then stores it. */
export class NearDuplicateIndex {
  constructor(private readonly store: SketchStore = new MemorySketchStore()) {}

  /** The stored articles that `s` copies or that copy it, most alike first. */
  query(s: Sketch, keys = bandKeys(s.signature)): Match[] {
    const out: Match[] = [];
    for (const id of this.store.inBuckets(keys)) {
      const other = this.store.get(id);
      if (!other) continue;
      const c = compare(s, other);
      if (c.copy) out.push({ id, jaccard: c.jaccard, containment: c.containment });
    }
    return out.sort((x, y) => y.containment - x.containment || y.jaccard - x.jaccard || x.id - y.id);
  }

  /** Adds an article and returns its copies among those added before. */
  add(id: number, s: Sketch): Match[] {
    const keys = bandKeys(s.signature);
    const matches = this.query(s, keys);
    this.store.put(id, s, keys);
    return matches;
  }
}

export { BANDS };
