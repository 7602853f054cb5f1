/**
 * The SOURCE / CUE / CONTENT sequence tagger: BIO labels over the document's tokens, decoded
 * left to right with an averaged perceptron (learn/perceptron.ts). Besides the static token
 * features, each decision sees the labels already given: the previous two, and the last role met
 * in the sentence (content after a cue differs from content before one). The analyzer reads with
 * a beam (`decodeBeam`); the shipped model is trained with the same beam (`learnBeam`), or, as
 * before, greedily (`decode` with gold labels).
 */
import type { Token } from '../core/doc.js';
import { defineModel } from '../core/model.js';
import { Perceptron } from '../learn/perceptron.js';
import type { Role, RoleSpan } from '../core/roles.js';
import { mix, STATIC_FEATURES, staticFeatureRows } from './features.js';
import type { CueLexicon } from './lexicon.js';

const DYNAMIC_FEATURES = 6;
/** Tokens whose static features are computed at a time (all at once: 150 MB for a 5 MB text). */
const FEATURE_BLOCK = 4096;
/** Index of the static feature holding the word itself (features.ts), reused by the history features. */
const WORD_FEATURE = 1;

export const LABELS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'] as const;
export type Label = (typeof LABELS)[number];
export const MODEL_FILE = 'attribution.bin';
/**
 * Hypotheses kept by `decodeBeam` in the analyzer, and by `learnBeam` in training. On PolNeAR dev
 * (the greedily trained model, same post-processing) source exact F1 / overlap F1 all: greedy
 * 71.47 / 80.86, width 2 71.71 / 80.82, 3 71.79 / 81.19, 4 71.63 / 81.02, 8 71.57 / 80.89; a model
 * trained with a beam of 3 (10 epochs) read with 2, 3, 4, 6: 71.08 / 79.30, 72.83 / 79.90,
 * 72.11 / 79.53, 71.11 / 78.71; trained with 2, 5, 8 and read with the same: 71.40 / 78.31,
 * 72.06 / 79.94, 71.51 / 79.87 (models/attribution.md): chosen on dev.
 */
export const BEAM_WIDTH = 3;

export interface TaggerModel {
  perceptron: Perceptron;
  lexicon: CueLexicon;
  /**
   * Subtracted from the O label's score at every token in `decodeBeam` (not in training): the
   * beam-trained model tags fewer spans than gold has (precise, short of recall), and this
   * threshold trades some of that precision back. In the model's weight units, so kept in its file.
   */
  outside?: number;
}

const roleOf = (label: number) => (label === 0 ? 'none' : LABELS[label]!.slice(2));

/**
 * Tags the tokens. With `gold` (training), the perceptron is updated toward it at every step
 * while the history stays the model's own, so it learns to recover from its own mistakes.
 * With `margins`, each token's margin (its best label's score over the runner-up's) is written
 * there: how sure the tagger was, read by the attribution confidence (confidence.ts).
 */
export function decode(model: TaggerModel, tokens: readonly Token[], text: string, gold?: readonly number[], margins?: Float64Array): number[] {
  const { perceptron } = model;
  if (perceptron.labels.length !== 7) throw new Error(`attribution model has ${perceptron.labels.length} labels, not 7`);
  const rows = staticFeatureRows(tokens, text, model.lexicon);
  let feats: Uint32Array = new Uint32Array(0);
  let base = 0; // the first token of the block of rows in `feats`
  const L = 7;
  const { weights: w, rows: rowOf, mask } = perceptron;
  const F = STATIC_FEATURES;
  const indexed = new Int32Array(F + DYNAMIC_FEATURES);
  const labels: number[] = new Array(tokens.length);
  const scores = new Float64Array(L);
  let prev = 0;
  let prev2 = 0;
  let lastRole = 0; // the last label given in this sentence, as its role (0 = none yet)
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence) lastRole = 0;
    if (i === 0 || i - base === FEATURE_BLOCK) {
      base = i;
      feats = rows(i, Math.min(tokens.length, i + FEATURE_BLOCK), feats);
    }
    const o = (i - base) * F;
    for (let k = 0; k < F; k++) indexed[k] = rowOf[feats[o + k]! & mask]!;
    const word = feats[o + WORD_FEATURE]!;
    indexed[F] = rowOf[mix(100, prev) & mask]!;
    indexed[F + 1] = rowOf[mix(101, prev2, prev) & mask]!;
    indexed[F + 2] = rowOf[mix(102, prev, word) & mask]!;
    indexed[F + 3] = rowOf[mix(103, lastRole) & mask]!;
    indexed[F + 4] = rowOf[mix(104, lastRole, prev) & mask]!;
    indexed[F + 5] = rowOf[mix(105, prev, feats[o + 9]!) & mask]!; // previous label with this POS
    // The perceptron's score, unrolled over the 7 labels: this loop is most of the stage's run time.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
    for (let k = 0; k < indexed.length; k++) {
      const b = indexed[k]!;
      s0 += w[b]!;
      s1 += w[b + 1]!;
      s2 += w[b + 2]!;
      s3 += w[b + 3]!;
      s4 += w[b + 4]!;
      s5 += w[b + 5]!;
      s6 += w[b + 6]!;
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    let guess = 0;
    for (let l = 1; l < L; l++) if (scores[l]! > scores[guess]!) guess = l;
    if (margins) {
      let second = -Infinity;
      for (let l = 0; l < L; l++) if (l !== guess && scores[l]! > second) second = scores[l]!;
      margins[i] = scores[guess]! - second;
    }
    if (gold) {
      perceptron.update(indexed, gold[i]!, guess);
      perceptron.tick();
    }
    // An I- label must continue its own role; otherwise it starts one.
    if (guess > 0 && guess % 2 === 0 && prev !== guess && prev !== guess - 1) guess -= 1;
    labels[i] = guess;
    prev2 = prev;
    prev = guess;
    if (guess > 0) lastRole = (guess + 1) >> 1;
  }
  return labels;
}

/** Runs of B-x I-x... as spans of role x. */
export function labelsToSpans(tokens: readonly Token[], labels: readonly number[]): RoleSpan[] {
  const spans: RoleSpan[] = [];
  let open: RoleSpan | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const l = labels[i]!;
    const isInside = l > 0 && l % 2 === 0;
    if (open && isInside && roleOf(l) === open.role) {
      open.end = tokens[i]!.end;
      continue;
    }
    if (open) spans.push(open);
    open = l > 0 ? { role: roleOf(l) as Role, start: tokens[i]!.start, end: tokens[i]!.end } : null;
  }
  if (open) spans.push(open);
  return spans;
}

/** Gold spans -> BIO label per token (a token belongs to a span when it lies inside it). */
export function spansToLabels(tokens: readonly Token[], spans: readonly RoleSpan[]): number[] {
  const labels = new Array<number>(tokens.length).fill(0);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  for (const span of sorted) {
    while (k < tokens.length && tokens[k]!.end <= span.start) k++;
    const b = LABELS.indexOf(`B-${span.role}` as Label);
    let first = true;
    for (let i = k; i < tokens.length && tokens[i]!.start < span.end; i++) {
      if (labels[i] !== 0 && !first) continue; // nested spans: the first, outer one keeps its tokens
      if (labels[i] === 0) labels[i] = first ? b : b + 1;
      first = false;
    }
  }
  return labels;
}

export function serializeModel(model: TaggerModel, meta: Record<string, unknown>): Buffer {
  return model.perceptron.serialize({ ...meta, ...(model.outside ? { outside: model.outside } : {}), lexicon: model.lexicon });
}

export function deserializeModel(file: Buffer): { model: TaggerModel; meta: Record<string, unknown> } {
  const { model: perceptron, meta } = Perceptron.deserialize(file);
  const lexicon = (meta.lexicon ?? {}) as CueLexicon;
  const outside = typeof meta.outside === 'number' ? meta.outside : 0;
  return { model: { perceptron, lexicon, ...(outside ? { outside } : {}) }, meta };
}

export const attributionModel = defineModel({
  file: MODEL_FILE,
  rebuild: 'unspin train attribution',
  parse: (bytes) => deserializeModel(bytes).model,
});
/** The shipped model, loaded once; or the file at `path`. */
export const loadTagger = (path?: string): TaggerModel => attributionModel.load(path);

/**
 * The history features that do not depend on the token (the previous label, the two previous, the
 * last role and it with the previous label), summed per history once per call:
 * `table[((prev * 7 + prev2) * 4 + lastRole) * 7 + label]`. A loaded model's weights are float32
 * roundings of int16 multiples of the file's scale, so all are multiples of one quantum (2^-23 of
 * the smallest one's power of two), and a token's score, a sum of a few dozen, stays far below 2^53
 * quanta: such sums are exact in a double in any order, so the scores are those of `decode`.
 */
function historyTable(perceptron: Perceptron): Float64Array {
  const L = 7;
  const table = new Float64Array(L * L * 4 * L);
  const w = perceptron.weights;
  const row = (feature: number) => perceptron.row(feature);
  for (let prev = 0; prev < L; prev++) {
    const r100 = row(mix(100, prev));
    for (let last = 0; last < 4; last++) {
      const r103 = row(mix(103, last));
      const r104 = row(mix(104, last, prev));
      for (let prev2 = 0; prev2 < L; prev2++) {
        const r101 = row(mix(101, prev2, prev));
        const o = ((prev * L + prev2) * 4 + last) * L;
        for (let l = 0; l < L; l++) table[o + l] = w[r100 + l]! + w[r101 + l]! + w[r103 + l]! + w[r104 + l]!;
      }
    }
  }
  return table;
}

/** Adds up each of the 7 labels' weights over the token's `F` static feature hashes at `feats[o..]`. */
function staticScores(feats: Uint32Array, o: number, F: number, { weights: w, rows, mask }: Perceptron, into: Float64Array): void {
  let t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0;
  for (let k = o; k < o + F; k++) {
    const b = rows[feats[k]! & mask]!;
    t0 += w[b]!;
    t1 += w[b + 1]!;
    t2 += w[b + 2]!;
    t3 += w[b + 3]!;
    t4 += w[b + 4]!;
    t5 += w[b + 5]!;
    t6 += w[b + 6]!;
  }
  into[0] = t0;
  into[1] = t1;
  into[2] = t2;
  into[3] = t3;
  into[4] = t4;
  into[5] = t5;
  into[6] = t6;
}

/**
 * The best `width` candidates (hypothesis x label) of a beam step, by total (the earlier first
 * among equal totals), one per history (`key`): as if each were picked in turn, the others with
 * its history dropped. Decoding and beam training keep their steps alike with it.
 */
class StepCandidates {
  readonly total: Float64Array;
  readonly key: Int32Array;
  readonly hyp: Int8Array;
  readonly label: Int8Array;
  kept = 0;

  constructor(readonly width: number) {
    this.total = new Float64Array(width);
    this.key = new Int32Array(width);
    this.hyp = new Int8Array(width);
    this.label = new Int8Array(width);
  }

  private move(from: number, to: number): void {
    this.total[to] = this.total[from]!;
    this.key[to] = this.key[from]!;
    this.hyp[to] = this.hyp[from]!;
    this.label[to] = this.label[from]!;
  }

  /** Offers every label that may follow `prev` after hypothesis `h` (path score `score`, label scores `scores`). */
  offer(h: number, prev: number, lastRole: number, score: number, scores: Float64Array): void {
    const B = this.width;
    const L = 7;
    for (let l = 0; l < L; l++) {
      if (l > 0 && l % 2 === 0 && prev !== l && prev !== l - 1) continue;
      const total = score + scores[l]!;
      const key = (l * L + prev) * 4 + (l > 0 ? (l + 1) >> 1 : lastRole);
      let same = 0;
      while (same < this.kept && this.key[same] !== key) same++;
      if (same < this.kept) {
        if (total <= this.total[same]!) continue;
        this.kept--;
        for (let k = same; k < this.kept; k++) this.move(k + 1, k);
      } else if (this.kept === B && total <= this.total[B - 1]!) continue;
      let k = this.kept < B ? this.kept++ : B - 1;
      for (; k > 0 && this.total[k - 1]! < total; k--) this.move(k - 1, k);
      this.total[k] = total;
      this.key[k] = key;
      this.hyp[k] = h;
      this.label[k] = l;
    }
  }
}

/**
 * Beam search over the same scores as `decode` (inference only): each hypothesis carries its own
 * label history (the previous two labels, the last role in the sentence), so the history features
 * differ per hypothesis, and a path's score is the sum of its labels' scores. Hypotheses with the
 * same history are merged (the better kept). An I- label that does not continue its own role is
 * not allowed (`decode` turns it into a B- label). `margins` as in `decode`, along the best path.
 * The static features are scored once per token for all labels, the token-free history features
 * come from `historyTable`, and only the two that pair the previous label with the word and with
 * the part of speech are looked up per hypothesis.
 */
export function decodeBeam(model: TaggerModel, tokens: readonly Token[], text: string, width: number, margins?: Float64Array): number[] {
  const { perceptron } = model;
  if (perceptron.labels.length !== 7) throw new Error(`attribution model has ${perceptron.labels.length} labels, not 7`);
  const n = tokens.length;
  const rows = staticFeatureRows(tokens, text, model.lexicon);
  let feats: Uint32Array = new Uint32Array(0);
  let base = 0;
  const L = 7;
  const B = Math.max(1, width);
  const { weights: w, rows: rowOf, mask } = perceptron;
  const F = STATIC_FEATURES;
  const history = historyTable(perceptron);
  const outside = model.outside ?? 0;
  const scores = new Float64Array(L);
  // the beam: each hypothesis' history and path score (current and next step)
  let size = 1;
  let hPrev = new Int8Array(B), hPrev2 = new Int8Array(B), hLast = new Int8Array(B), hScore = new Float64Array(B);
  let nPrev = new Int8Array(B), nPrev2 = new Int8Array(B), nLast = new Int8Array(B), nScore = new Float64Array(B);
  const hMargin = new Float64Array(B);
  const step = new StepCandidates(B);
  // each label's score from the token's static features, the same for every hypothesis
  const fixed = new Float64Array(L);
  // back-pointers: label, parent hypothesis and margin of each kept hypothesis at each token
  const labelAt = new Int8Array(n * B), parentAt = new Int8Array(n * B), marginAt = new Float64Array(n * B);
  for (let i = 0; i < n; i++) {
    const newSentence = i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence;
    if (i === 0 || i - base === FEATURE_BLOCK) {
      base = i;
      feats = rows(i, Math.min(n, i + FEATURE_BLOCK), feats);
    }
    const o = (i - base) * F;
    staticScores(feats, o, F, perceptron, fixed);
    const word = feats[o + WORD_FEATURE]!;
    const pos = feats[o + 9]!;
    step.kept = 0;
    for (let h = 0; h < size; h++) {
      const prev = hPrev[h]!;
      const lastRole = newSentence ? 0 : hLast[h]!;
      const t = ((prev * L + hPrev2[h]!) * 4 + lastRole) * L;
      const a = rowOf[mix(102, prev, word) & mask]!;
      const p = rowOf[mix(105, prev, pos) & mask]!; // the same history features as `decode`
      scores[0] = fixed[0]! + history[t]! + w[a]! + w[p]! - outside;
      scores[1] = fixed[1]! + history[t + 1]! + w[a + 1]! + w[p + 1]!;
      scores[2] = fixed[2]! + history[t + 2]! + w[a + 2]! + w[p + 2]!;
      scores[3] = fixed[3]! + history[t + 3]! + w[a + 3]! + w[p + 3]!;
      scores[4] = fixed[4]! + history[t + 4]! + w[a + 4]! + w[p + 4]!;
      scores[5] = fixed[5]! + history[t + 5]! + w[a + 5]! + w[p + 5]!;
      scores[6] = fixed[6]! + history[t + 6]! + w[a + 6]! + w[p + 6]!;
      let best = 0;
      for (let l = 1; l < L; l++) if (scores[l]! > scores[best]!) best = l;
      let second = -Infinity;
      for (let l = 0; l < L; l++) if (l !== best && scores[l]! > second) second = scores[l]!;
      hMargin[h] = scores[best]! - second;
      step.offer(h, prev, lastRole, hScore[h]!, scores);
    }
    const { kept, total: kTotal, key: kKey, hyp: kH, label: kL } = step;
    for (let k = 0; k < kept; k++) {
      const h = kH[k]!;
      nPrev[k] = kL[k]!;
      nPrev2[k] = hPrev[h]!;
      nLast[k] = kKey[k]! & 3;
      const at = i * B + k;
      labelAt[at] = kL[k]!;
      parentAt[at] = h;
      marginAt[at] = hMargin[h]!;
      nScore[k] = kTotal[k]!;
    }
    size = kept;
    [hPrev, nPrev] = [nPrev, hPrev];
    [hPrev2, nPrev2] = [nPrev2, hPrev2];
    [hLast, nLast] = [nLast, hLast];
    [hScore, nScore] = [nScore, hScore];
  }
  const labels: number[] = new Array(n);
  let k = 0;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = labelAt[i * B + k]!;
    if (margins) margins[i] = marginAt[i * B + k]!;
    k = parentAt[i * B + k]!;
  }
  return labels;
}

/** Gold labels as the beam can reach them: an I- label that does not continue its own role (nested or crossing gold spans) starts one. */
export function legalLabels(labels: readonly number[]): number[] {
  const out = [...labels];
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    const prev = i > 0 ? out[i - 1]! : 0;
    if (l > 0 && l % 2 === 0 && prev !== l && prev !== l - 1) out[i] = l - 1;
  }
  return out;
}

/**
 * One training pass over a document with the beam of `decodeBeam` (same scores, same merging of
 * hypotheses with the same history, same I- rule), so that training sees what the analyzer's
 * decoding sees. Early update with restart (Collins & Roark 2004; LaSO, Daumé & Marcu 2005): when
 * the gold path falls out of the beam at token i, the perceptron is updated toward the gold labels
 * of the segment (since the last restart, up to i) and away from the best hypothesis' labels, each
 * with its own history; the beam then restarts from the gold history after i, so a long article
 * gives many updates, not one. At the document's end, the same if the best hypothesis is not gold.
 * Averaging ticks once per token, as in `decode`. Returns the best hypotheses' labels (for the
 * training accuracy).
 */
export function learnBeam(model: TaggerModel, tokens: readonly Token[], text: string, goldLabels: readonly number[], width: number): number[] {
  const { perceptron } = model;
  const n = tokens.length;
  const L = 7;
  const F = STATIC_FEATURES;
  const B = Math.max(1, width);
  const w = perceptron.weights;
  const gold = legalLabels(goldLabels);
  // a training document is small: all its static features at once
  const feats = staticFeatureRows(tokens, text, model.lexicon)(0, n);
  const newSentence = (i: number) => i > 0 && tokens[i]!.sentence !== tokens[i - 1]!.sentence;
  // the history before each token along the gold path
  const gPrev = new Int8Array(n), gPrev2 = new Int8Array(n), gLast = new Int8Array(n);
  for (let i = 0, prev = 0, prev2 = 0, last = 0; i < n; i++) {
    if (newSentence(i)) last = 0;
    gPrev[i] = prev;
    gPrev2[i] = prev2;
    gLast[i] = last;
    prev2 = prev;
    prev = gold[i]!;
    if (prev > 0) last = (prev + 1) >> 1;
  }
  // the history features of token i after (prev2, prev) with last role `last`, as in `decode`
  const dynamic = new Int32Array(DYNAMIC_FEATURES);
  const history = (i: number, prev: number, prev2: number, last: number) => {
    const o = i * F;
    dynamic[0] = perceptron.row(mix(100, prev));
    dynamic[1] = perceptron.row(mix(101, prev2, prev));
    dynamic[2] = perceptron.row(mix(102, prev, feats[o + WORD_FEATURE]!));
    dynamic[3] = perceptron.row(mix(103, last));
    dynamic[4] = perceptron.row(mix(104, last, prev));
    dynamic[5] = perceptron.row(mix(105, prev, feats[o + 9]!));
    return dynamic;
  };
  const bumpToken = (i: number, label: number, prev: number, prev2: number, last: number, delta: number) => {
    const o = i * F;
    for (let k = o; k < o + F; k++) perceptron.bump(perceptron.row(feats[k]!) + label, delta);
    const d = history(i, prev, prev2, last);
    for (let k = 0; k < DYNAMIC_FEATURES; k++) perceptron.bump(d[k]! + label, delta);
  };
  const out: number[] = new Array(n);
  const labelAt = new Int8Array(n * B), parentAt = new Int8Array(n * B);
  /** The best hypothesis' labels over [start, i] into `out`; with `update`, the perceptron step toward gold. */
  const settle = (start: number, i: number, update: boolean) => {
    for (let j = i, k = 0; j >= start; j--) {
      out[j] = labelAt[j * B + k]!;
      k = parentAt[j * B + k]!;
    }
    if (!update) return;
    let prev = gPrev[start]!;
    let prev2 = gPrev2[start]!;
    let last = gLast[start]!;
    for (let j = start; j <= i; j++) {
      if (newSentence(j)) last = 0;
      const p = out[j]!;
      // the gold label with the gold history: the same features on both sides, no change
      if (!(p === gold[j] && prev === gPrev[j] && prev2 === gPrev2[j] && last === gLast[j])) {
        bumpToken(j, gold[j]!, gPrev[j]!, gPrev2[j]!, gLast[j]!, 1);
        bumpToken(j, p, prev, prev2, last, -1);
      }
      prev2 = prev;
      prev = p;
      if (p > 0) last = (p + 1) >> 1;
    }
  };
  // the beam, as in `decodeBeam`, and whether each hypothesis is the gold path since the restart
  let size = 1;
  let hPrev = new Int8Array(B), hPrev2 = new Int8Array(B), hLast = new Int8Array(B), hScore = new Float64Array(B), hGold = new Uint8Array(B);
  let nPrev = new Int8Array(B), nPrev2 = new Int8Array(B), nLast = new Int8Array(B), nScore = new Float64Array(B), nGold = new Uint8Array(B);
  hGold[0] = 1;
  const step = new StepCandidates(B);
  // each label's score from the token's static features, the same for every hypothesis
  const fixed = new Float64Array(L);
  const scores = new Float64Array(L);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const fresh = newSentence(i);
    const o = i * F;
    staticScores(feats, o, F, perceptron, fixed);
    step.kept = 0;
    for (let h = 0; h < size; h++) {
      const prev = hPrev[h]!;
      const lastRole = fresh ? 0 : hLast[h]!;
      const d = history(i, prev, hPrev2[h]!, lastRole);
      scores[0] = fixed[0]!;
      scores[1] = fixed[1]!;
      scores[2] = fixed[2]!;
      scores[3] = fixed[3]!;
      scores[4] = fixed[4]!;
      scores[5] = fixed[5]!;
      scores[6] = fixed[6]!;
      for (let k = 0; k < DYNAMIC_FEATURES; k++) {
        const b = d[k]!;
        for (let l = 0; l < L; l++) scores[l]! += w[b + l]!;
      }
      step.offer(h, prev, lastRole, hScore[h]!, scores);
    }
    const { kept, total: kTotal, key: kKey, hyp: kH, label: kL } = step;
    let goldKept = false;
    for (let k = 0; k < kept; k++) {
      const h = kH[k]!;
      nPrev[k] = kL[k]!;
      nPrev2[k] = hPrev[h]!;
      nLast[k] = kKey[k]! & 3;
      nScore[k] = kTotal[k]!;
      nGold[k] = hGold[h]! && kL[k] === gold[i] ? 1 : 0;
      if (nGold[k]) goldKept = true;
      labelAt[i * B + k] = kL[k]!;
      parentAt[i * B + k] = h;
    }
    size = kept;
    [hPrev, nPrev] = [nPrev, hPrev];
    [hPrev2, nPrev2] = [nPrev2, hPrev2];
    [hLast, nLast] = [nLast, hLast];
    [hScore, nScore] = [nScore, hScore];
    [hGold, nGold] = [nGold, hGold];
    if (!goldKept || (i === n - 1 && !hGold[0])) {
      settle(start, i, true);
      start = i + 1;
      size = 1;
      hPrev[0] = gold[i]!;
      hPrev2[0] = gPrev[i]!;
      hLast[0] = gold[i]! > 0 ? (gold[i]! + 1) >> 1 : gLast[i]!;
      hScore[0] = 0;
      hGold[0] = 1;
    }
    perceptron.tick();
  }
  if (start < n) settle(start, n - 1, false);
  return out;
}
