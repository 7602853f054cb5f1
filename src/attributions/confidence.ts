/**
 * How likely an attribution is right: a logistic model over what the stage knows about it (how
 * sure the tagger was on its source, cue and content, how it was found, what kind of source it
 * has), fitted on PolNeAR dev (`unspin train attribution-confidence`; models/attribution-confidence.md)
 * so that the number reads as a probability: of the attributions given 0.8 or more, at least 80%
 * are right. "Right" is scored as the issue asks a reader to check it: the source is the gold
 * source exactly (or, with no source, the cue is a gold cue), and the content overlaps that
 * attribution's gold content.
 */
import type { Token } from '../core/doc.js';
import type { Attribution } from '../core/schema.js';
import { defineModel } from '../core/model.js';
import { lowerBound } from '../core/search.js';
import type { GoldAttribution } from '../eval/brat.js';
import { cueStrength, lemma } from './lexicon.js';
import type { TaggerModel } from './tagger.js';

export const CONFIDENCE_FILE = 'attribution-confidence.json';

export interface ConfidenceModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
}

const MODES = ['direct', 'indirect', 'according-to', 'passive', 'continuation', 'mixed'] as const;
const KINDS = ['named-person', 'named-organization', 'outlet', 'anonymous', 'pseudonymous', 'collective', 'document', 'unknown'] as const;
const PRONOUN = /^(?:he|she|they|it|we|i|you|this|that)$/i;

export const FEATURES = [
  'source margin',
  'source margin min',
  'cue margin',
  'content margin',
  'no source',
  'no cue',
  'cue strength',
  'source words',
  'content words',
  'pronoun source',
  'source entity',
  'content quoted',
  ...MODES.map((m) => `mode ${m}`),
  ...KINDS.map((k) => `kind ${k}`),
] as const;

/** The tokens of a span, by binary search over tokens sorted by start. */
function tokensIn(tokens: readonly Token[], span: { start: number; end: number }): [number, number] {
  return [lowerBound(tokens, (t) => t.end <= span.start), lowerBound(tokens, (t) => t.start < span.end)];
}

/** Margins are scores of the perceptron: squashed so that a feature stays in a small range. */
const squash = (m: number) => Math.tanh(m / 20);

function margin(margins: Float64Array, [from, to]: [number, number], head = Infinity): { mean: number; min: number } {
  const end = Math.min(to, from + head);
  if (end <= from) return { mean: 0, min: 0 };
  let sum = 0;
  let min = Infinity;
  for (let i = from; i < end; i++) {
    sum += margins[i]!;
    min = Math.min(min, margins[i]!);
  }
  return { mean: squash(sum / (end - from)), min: squash(min) };
}

/** A word's cue strength, remembered per tagger (cues repeat: said, told, according to). */
const strengths = new WeakMap<TaggerModel, Map<string, number>>();
function strengthOf(model: TaggerModel, word: string): number {
  let known = strengths.get(model);
  if (!known) strengths.set(model, (known = new Map()));
  let s = known.get(word);
  if (s === undefined) {
    s = cueStrength(model.lexicon, lemma(word));
    if (known.size < 50_000) known.set(word, s);
  }
  return s;
}

/** An attribution's features, in the order of FEATURES. */
export function attributionFeatures(text: string, tokens: readonly Token[], margins: Float64Array, model: TaggerModel, a: Attribution): number[] {
  const source = a.source ? tokensIn(tokens, a.source) : null;
  const cue = a.cue ? tokensIn(tokens, a.cue) : null;
  const content = tokensIn(tokens, a.content);
  const s = source ? margin(margins, source) : { mean: 0, min: 0 };
  let strength = 0;
  if (cue) for (let i = cue[0]; i < cue[1]; i++) strength = Math.max(strength, strengthOf(model, tokens[i]!.text));
  const quoted = /^["“«]/.test(text.slice(a.content.start, a.content.start + 1)) || /["”»]$/.test(text.slice(a.content.end - 1, a.content.end));
  return [
    s.mean,
    s.min,
    cue ? margin(margins, cue).mean : 0,
    margin(margins, content, 8).mean,
    a.source ? 0 : 1,
    a.cue ? 0 : 1,
    strength / 4,
    source ? Math.log1p(source[1] - source[0]) / 3 : 0,
    Math.log1p(content[1] - content[0]) / 5,
    a.source && PRONOUN.test(a.source.text.trim()) ? 1 : 0,
    a.source?.entityId ? 1 : 0,
    quoted ? 1 : 0,
    ...MODES.map((m) => (a.mode === m ? 1 : 0)),
    ...KINDS.map((k) => (a.source?.kind === k ? 1 : 0)),
  ];
}

export function predict(model: ConfidenceModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The report as a reader sees it with `--min-confidence`: attributions less confident than that
 * left out (the JSON keeps them all). Attributions without a confidence are kept.
 */
export function hideWeakAttributions<A extends { attributions: Attribution[] }>(a: A, minConfidence: number | undefined): A {
  if (minConfidence === undefined) return a;
  const kept = a.attributions.filter((x) => x.confidence === undefined || x.confidence >= minConfidence);
  return kept.length === a.attributions.length ? a : { ...a, attributions: kept };
}

/**
 * Gives each attribution its confidence (three decimals), in place: the attributions are the
 * caller's own, just built (a copy of each cost a tenth of the stage's time).
 */
export function withConfidence(text: string, tokens: readonly Token[], margins: Float64Array, tagger: TaggerModel, model: ConfidenceModel, attributions: Attribution[]): Attribution[] {
  for (const a of attributions) a.confidence = Math.round(1000 * predict(model, attributionFeatures(text, tokens, margins, tagger, a))) / 1000;
  return attributions;
}

/**
 * L2-regularised logistic regression by full-batch gradient descent: deterministic, and small
 * enough (a few thousand rows, 26 features) to fit in well under a second.
 */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], { l2 = 0.01, epochs = 3000, rate = 0.5 } = {}): ConfidenceModel {
  const d = FEATURES.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = xs.length;
  for (let e = 0; e < epochs; e++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = b;
      for (let k = 0; k < d; k++) z += w[k]! * x[k]!;
      const err = 1 / (1 + Math.exp(-z)) - ys[i]!;
      for (let k = 0; k < d; k++) gw[k]! += err * x[k]!;
      gb += err;
    }
    for (let k = 0; k < d; k++) w[k]! -= rate * (gw[k]! / n + l2 * w[k]!);
    b -= (rate * gb) / n;
  }
  return { features: [...FEATURES], weights: w.map((x) => Math.round(x * 1e6) / 1e6), bias: Math.round(b * 1e6) / 1e6 };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Whether a predicted attribution is right against the gold attributions of its article (see the module's note). */
export function isRight(a: Attribution, gold: readonly GoldAttribution[]): boolean {
  return gold.some((g) => {
    const content = g.content ?? [];
    if (!content.some((c) => overlaps(c, a.content))) return false;
    if (a.source) return (g.source ?? []).some((s) => s.start === a.source!.start && s.end === a.source!.end);
    return Boolean(a.cue && (g.cue ?? []).some((c) => overlaps(c, a.cue!)));
  });
}

/** The shipped calibrator (models/attribution-confidence.json, card beside it), loaded once. */
export const confidenceModel = defineModel({
  file: CONFIDENCE_FILE,
  rebuild: 'unspin train attribution-confidence',
  parse: (bytes): ConfidenceModel => {
    const raw = JSON.parse(bytes.toString('utf8')) as ConfidenceModel & { meta?: unknown };
    if (!Array.isArray(raw.features) || raw.features.join('|') !== FEATURES.join('|')) throw new Error("its features are not this version's");
    if (raw.weights.length !== FEATURES.length || !Number.isFinite(raw.bias)) throw new Error('its weights do not match its features');
    return { features: raw.features, weights: raw.weights, bias: raw.bias };
  },
});
