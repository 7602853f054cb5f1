/**
 * Word clusters learned from unlabelled news text, so the span tagger can generalise beyond the
 * words of its 371 training articles ('vile' behaves like 'disgusting' even if only one was seen).
 * Each word's left/right contexts are counted, weighted by positive PMI, reduced to a few dozen
 * dimensions by a randomized SVD, and grouped by spherical k-means in two levels: 64 coarse
 * clusters, each split into 8 fine ones (so a fine id's coarse prefix is meaningful).
 * Deterministic for a given seed and text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../core/paths.js';
import { UserError } from '../core/errors.js';
import { seededRandom } from '../learn/perceptron.js';
import { lexiconForm } from './lexicons.js';

export const CLUSTER_FILE = 'techniques/clusters.tsv';

/** Cluster ids of a word: coarse in [0, COARSE), fine in [0, COARSE * FINE). */
export interface WordCluster {
  coarse: number;
  fine: number;
}

export interface ClusterOptions {
  seed: number;
  /** words seen fewer times get no cluster */
  minCount: number;
  maxVocabulary: number;
  /** most frequent words used as contexts */
  contexts: number;
  dims: number;
  coarse: number;
  /** fine clusters per coarse cluster */
  fine: number;
  iterations: number;
}

export const DEFAULT_CLUSTERS: ClusterOptions = {
  seed: 11,
  minCount: 4,
  maxVocabulary: 24_000,
  contexts: 1500,
  dims: 48,
  coarse: 64,
  fine: 8,
  iterations: 12,
};

/** Word tokens of a text in lexicon form; a separator inside a word ('don't', 'U.S.', 'far-right') keeps it whole. */
export function clusterTokens(text: string): string[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu), (m) => lexiconForm(m[0]));
}

/** Learns clusters from token sequences (one per document). */
export function learnClusters(documents: readonly string[][], options: ClusterOptions = DEFAULT_CLUSTERS): Map<string, WordCluster> {
  const counts = new Map<string, number>();
  for (const doc of documents) for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].filter(([, n]) => n >= options.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, options.maxVocabulary).map(([w]) => w);
  const row = new Map(vocab.map((w, i) => [w, i]));
  const context = new Map(vocab.slice(0, options.contexts).map((w, i) => [w, i]));
  // columns: the word just before, just after, and two away on either side
  const C = options.contexts * 3;
  const cells = new Map<number, number>();
  for (const doc of documents) {
    for (let i = 0; i < doc.length; i++) {
      const r = row.get(doc[i]!);
      if (r === undefined) continue;
      const add = (k: number, slot: number) => {
        const c = k >= 0 && k < doc.length ? context.get(doc[k]!) : undefined;
        if (c === undefined) return;
        const key = r * C + slot * options.contexts + c;
        cells.set(key, (cells.get(key) ?? 0) + 1);
      };
      add(i - 1, 0);
      add(i + 1, 1);
      add(i - 2, 2);
      add(i + 2, 2);
    }
  }
  const matrix = ppmi(cells, vocab.length, C);
  const embedding = reduce(matrix, options.dims, seededRandom(options.seed));
  const out = new Map<string, WordCluster>();
  const random = seededRandom(options.seed + 1);
  const all = Int32Array.from(vocab, (_, i) => i);
  const coarse = sphericalKMeans(embedding, options.dims, all, options.coarse, options.iterations, random);
  for (let c = 0; c < options.coarse; c++) {
    const members = all.filter((i) => coarse[i] === c);
    const fine = sphericalKMeans(embedding, options.dims, members, options.fine, options.iterations, random);
    members.forEach((i, k) => out.set(vocab[i]!, { coarse: c, fine: c * options.fine + fine[k]! }));
  }
  return out;
}

/** A sparse matrix by rows (CSR). */
interface Sparse {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  value: Float32Array;
}

/** Positive PMI with context counts smoothed (power 0.75), which keeps rare contexts from dominating. */
function ppmi(cells: Map<number, number>, rows: number, cols: number): Sparse {
  const keys = Float64Array.from(cells.keys()).sort();
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let total = 0;
  for (const [k, n] of cells) {
    rowSum[Math.floor(k / cols)]! += n;
    colSum[k % cols]! += n;
    total += n;
  }
  let smoothed = 0;
  const colP = colSum.map((n) => n ** 0.75);
  for (const p of colP) smoothed += p;
  const start = new Int32Array(rows + 1);
  const col: number[] = [];
  const value: number[] = [];
  let r = 0;
  for (const k of keys) {
    const kr = Math.floor(k / cols);
    while (r < kr) start[++r] = col.length;
    const c = k % cols;
    const pmi = Math.log((cells.get(k)! / rowSum[kr]!) / (colP[c]! / smoothed));
    if (pmi > 0) {
      col.push(c);
      value.push(pmi);
    }
  }
  while (r < rows) start[++r] = col.length;
  void total;
  return { rows, cols, start, col: Int32Array.from(col), value: Float32Array.from(value) };
}

/** Rows of A (sparse) times a dense cols x k matrix. */
function times(a: Sparse, dense: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.rows * k);
  for (let r = 0; r < a.rows; r++) {
    for (let j = a.start[r]!; j < a.start[r + 1]!; j++) {
      const v = a.value[j]!;
      const base = a.col[j]! * k;
      for (let d = 0; d < k; d++) out[r * k + d]! += v * dense[base + d]!;
    }
  }
  return out;
}

/** Transpose of A (sparse) times a dense rows x k matrix. */
function timesTransposed(a: Sparse, dense: Float64Array, k: number): Float64Array {
  const out = new Float64Array(a.cols * k);
  for (let r = 0; r < a.rows; r++) {
    for (let j = a.start[r]!; j < a.start[r + 1]!; j++) {
      const v = a.value[j]!;
      const base = a.col[j]! * k;
      for (let d = 0; d < k; d++) out[base + d]! += v * dense[r * k + d]!;
    }
  }
  return out;
}

/** Gram-Schmidt on the k columns of an n x k matrix, in place. */
function orthonormalize(m: Float64Array, n: number, k: number): void {
  for (let d = 0; d < k; d++) {
    for (let e = 0; e < d; e++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += m[i * k + d]! * m[i * k + e]!;
      for (let i = 0; i < n; i++) m[i * k + d]! -= dot * m[i * k + e]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += m[i * k + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) m[i * k + d]! /= norm;
  }
}

/**
 * Randomized SVD (range finder with two power iterations): the rows of A projected on its top-k
 * right singular subspace, i.e. U·Σ up to a rotation, which k-means does not mind.
 */
function reduce(a: Sparse, k: number, random: () => number): Float64Array {
  let basis: Float64Array = new Float64Array(a.cols * k);
  for (let i = 0; i < basis.length; i++) basis[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let it = 0; it < 3; it++) {
    basis = timesTransposed(a, times(a, basis, k), k);
    orthonormalize(basis, a.cols, k);
  }
  return times(a, basis, k);
}

/** k-means on unit-length rows (cosine similarity) of the listed members; returns each member's cluster. */
function sphericalKMeans(embedding: Float64Array, dims: number, members: Int32Array, k: number, iterations: number, random: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (n <= k) return assign.map((_, i) => i);
  const unit = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += embedding[members[i]! * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) unit[i * dims + d] = embedding[members[i]! * dims + d]! / norm;
  }
  const centre = new Float64Array(k * dims);
  // seeds: k distinct members drawn at random
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * n));
  [...picked].forEach((i, c) => centre.set(unit.subarray(i * dims, (i + 1) * dims), c * dims));
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += unit[i * dims + d]! * centre[c * dims + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[i] = best;
    }
    const sum = new Float64Array(k * dims);
    for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) sum[assign[i]! * dims + d]! += unit[i * dims + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sum[c * dims + d]! ** 2;
      // an emptied cluster keeps its old centre
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < dims; d++) centre[c * dims + d] = sum[c * dims + d]! / norm;
    }
  }
  return assign;
}

/** One line a word: word TAB coarse TAB fine, words sorted. */
export function formatClusters(clusters: ReadonlyMap<string, WordCluster>): string {
  return [...clusters.keys()]
    .sort()
    .map((w) => `${w}\t${clusters.get(w)!.coarse}\t${clusters.get(w)!.fine}\n`)
    .join('');
}

export function parseClusters(content: string): Map<string, WordCluster> {
  const out = new Map<string, WordCluster>();
  for (const line of content.split('\n')) {
    const [w, coarse, fine] = line.split('\t');
    if (w && coarse !== undefined && fine !== undefined) out.set(w, { coarse: Number(coarse), fine: Number(fine) });
  }
  return out;
}

let shipped: Map<string, WordCluster> | undefined;
/** The shipped clusters (data/techniques/clusters.tsv), loaded once. */
export function loadClusters(): Map<string, WordCluster> {
  if (shipped) return shipped;
  const path = dataPath(CLUSTER_FILE);
  if (!existsSync(path)) throw new UserError(`word clusters missing: ${path} (run 'unspin train techniques --clusters')`);
  shipped = parseClusters(readFileSync(path, 'utf8'));
  return shipped;
}

/**
 * Unlabelled news text in ../shared/data for learning clusters: the PTC training articles' text
 * (no labels), PolNeAR's article texts and CoNLL-2003's tokens. Only the text is read.
 */
export function unlabelledDocuments(dataDir: string): string[][] {
  const docs: string[][] = [];
  const textsIn = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) docs.push(clusterTokens(readFileSync(join(dir, f), 'utf8')));
  };
  textsIn(join(dataDir, 'ptc', 'train-articles'));
  for (const part of ['train', 'dev']) textsIn(join(dataDir, 'polnear', part, 'text'));
  for (const file of ['eng.train', 'eng.testa']) {
    const path = join(dataDir, 'conll2003', file);
    if (!existsSync(path)) continue;
    let doc: string[] = [];
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.startsWith('-DOCSTART-')) {
        if (doc.length > 0) docs.push(doc);
        doc = [];
      } else if (line.trim()) doc.push(lexiconForm(line.slice(0, line.indexOf(' '))));
    }
    if (doc.length > 0) docs.push(doc);
  }
  if (docs.length === 0) throw new UserError(`no unlabelled text found under ${dataDir}`);
  return docs;
}
