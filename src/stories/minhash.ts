/**
 * MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive
 * Datasets", ch. 3): a fixed-size sketch of a set of shingle hashes whose agreement with another
 * sketch estimates the Jaccard similarity of the two sets, and bands of it that make pairs above a
 * similarity threshold collide in a hash table, so near-duplicates are found without comparing
 * every pair.
 */

/** Number of hash functions in a signature. */
export const SIGNATURE_SIZE = 128;
/** Rows per band: 64 bands of 2 rows make a pair at Jaccard 0.2 a candidate with p = 0.93, at 0.05 with p = 0.15. */
export const BAND_ROWS = 2;
export const BANDS = SIGNATURE_SIZE / BAND_ROWS;

// murmur3's 32-bit finaliser: a fast, well-mixed permutation of 32-bit integers.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// one seed per hash function, fixed so that signatures stored today match those made tomorrow
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 + i * 0x7f4a7c15));

export function signature(shingles: Uint32Array): Uint32Array {
  return minhash(shingles, SIGNATURE_SIZE);
}

/** A MinHash signature of `size` hash functions (at most SIGNATURE_SIZE). */
export function minhash(shingles: Uint32Array, size: number): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < size; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The share of positions where two signatures agree: an unbiased estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * Containment of the smaller set in the larger, |A ∩ B| / min(|A|, |B|), from the Jaccard estimate
 * and the set sizes: a trimmed rewrite is contained in its origin although their Jaccard is low.
 */
export function containment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const inter = (jaccard / (1 + jaccard)) * (sizeA + sizeB);
  return Math.min(1, inter / small);
}

/** A bucket key from a band number and its rows. */
export function fmix32Of(band: number, ...rows: number[]): number {
  let h = fmix32(band + 1);
  for (const r of rows) h = fmix32(h ^ r);
  return h;
}

/** One 32-bit key per band (band number mixed in, so equal rows in different bands do not collide). */
export function bandKeys(sig: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    keys[b] = fmix32Of(b, ...sig.subarray(b * BAND_ROWS, (b + 1) * BAND_ROWS));
  }
  return keys;
}
