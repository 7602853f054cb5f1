/**
 * The technique detector: spans from the trained tagger, labelled by the trained classifier, plus
 * the spans of the rule detectors; every span carries the cues a reader can check.
 */
import type { TechniqueSpan } from './schema.js';
import { type ArticleContext, phraseCount } from './context.js';
import { isContentWord } from './features.js';
import { LEXICON_CLASSES, LEXICON_MEANING, type LexiconHit } from './lexicons.js';
import { TECHNIQUES } from './names.js';
import { type TechniqueModel, sentenceHulls, spansFromMargins } from './model.js';
import { calibrate, spanInputs } from './calibration.js';
import { applyGuards } from './guards.js';
import { MODEL_RULE, runRules } from './rules/index.js';
import { lowerBound } from '../core/search.js';

export interface DetectOptions {
  /** the tagger's threshold (the model's own by default) */
  threshold?: number;
  /** also report a span's other techniques at least this probable (the model's own by default) */
  alsoAbove?: number;
  /** add the rule detectors' spans (default true) */
  rules?: boolean;
  /** hold back names, history, plain war words and page chrome (default true; off to measure them) */
  guards?: boolean;
  /** true once the article's time budget is spent: the spans of the sentences named so far are kept */
  expired?: () => boolean;
}

/** A detected span before calibration, with the scores the calibrator reads (see spanInputs). */
export interface ScoredSpan {
  span: TechniqueSpan;
  inputs: number[];
}

/**
 * Every span the model and rules find that no context guard holds back, each with its
 * confidence: the calibrated probability that it is right (when the model carries a calibrator;
 * the raw score otherwise, as for the fold models of cross-validation).
 */
export function detectTechniques(ctx: ArticleContext, model: TechniqueModel, options: DetectOptions = {}, margins = model.margins(ctx)): TechniqueSpan[] {
  return scoreSpans(ctx, model, options, margins).map(({ span, inputs }) =>
    model.calibration ? { ...span, confidence: round(calibrate(model.calibration.spans, inputs)) } : span,
  );
}

/** The spans with their calibration inputs, guards applied, in text order. */
export function scoreSpans(ctx: ArticleContext, model: TechniqueModel, options: DetectOptions = {}, margins = model.margins(ctx)): ScoredSpan[] {
  const found: TechniqueSpan[] = [];
  const modelScores = new Map<TechniqueSpan, { span: number; technique: number }>();
  const alsoAbove = options.alsoAbove ?? model.options.alsoAbove;
  // One span per sentence (the hull of its tagged runs), named by the hull classifier: its best
  // technique and the next ones as likely as `alsoAbove` (a span may carry several). Naming the
  // shorter runs inside it as well lowered FLC in cross-validation (0.147 against 0.157).
  for (const hull of sentenceHulls(ctx, spansFromMargins(ctx, margins, options.threshold ?? model.options.threshold))) {
    if (options.expired?.()) break;
    const probs = model.classifyHull(ctx, hull.first, hull.last);
    const ranked = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]! || a - b);
    const cues = spanCues(ctx, hull.first, hull.last);
    for (const t of ranked.filter((t, k) => k === 0 || probs[t]! >= alsoAbove)) {
      const span: TechniqueSpan = {
        technique: TECHNIQUES[t]!,
        start: ctx.tokens[hull.first]!.start,
        end: ctx.tokens[hull.last]!.end,
        confidence: round(hull.confidence * probs[t]!),
        cues: [...cues, `model: span ${pct(hull.confidence)}, ${TECHNIQUES[t]} ${pct(probs[t]!)}`],
        rules: [MODEL_RULE],
      };
      found.push(span);
      modelScores.set(span, { span: hull.confidence, technique: probs[t]! });
    }
  }
  const ruled = new Set<TechniqueSpan>();
  if (options.rules !== false) {
    // Spans of one technique, in order of start: a rule hit is compared with its neighbours only.
    const byTechnique = new Map<string, TechniqueSpan[]>();
    for (const t of [...found].sort((a, b) => a.start - b.start)) {
      if (!byTechnique.has(t.technique)) byTechnique.set(t.technique, []);
      byTechnique.get(t.technique)!.push(t);
    }
    for (const hit of runRules(ctx)) {
      // A rule that agrees with a model span adds its cue to it; otherwise it is a span of its own.
      if (!byTechnique.has(hit.technique)) byTechnique.set(hit.technique, []);
      const list = byTechnique.get(hit.technique)!;
      const same = overlapping(list, hit);
      if (same) {
        same.cues = [...new Set([...(same.cues ?? []), ...(hit.cues ?? [])])];
        same.rules = [...new Set([...(same.rules ?? []), ...(hit.rules ?? [])])];
        same.confidence = round(Math.max(same.confidence, hit.confidence));
        ruled.add(same);
      } else {
        found.push(hit);
        ruled.add(hit);
        list.splice(insertionPoint(list, hit.start), 0, hit);
      }
    }
  }
  return (options.guards === false ? found : applyGuards(ctx, found).kept)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((span) => ({ span, inputs: spanInputs(ctx, margins, span, modelScores.get(span), ruled.has(span)) }));
}

/** Index of the first span of `sorted` (by start) starting at or after `offset`. */
function insertionPoint(sorted: readonly TechniqueSpan[], offset: number): number {
  return lowerBound(sorted, (t) => t.start < offset);
}

/** A span of `sorted` (by start) overlapping `span`, looking back from the last one starting before its end. */
function overlapping(sorted: readonly TechniqueSpan[], span: { start: number; end: number }): TechniqueSpan | undefined {
  const lo = insertionPoint(sorted, span.end);
  // spans of one technique seldom overlap one another, so a few steps back suffice
  for (let k = lo - 1; k >= Math.max(0, lo - 4); k--) if (sorted[k]!.end > span.start) return sorted[k];
  return undefined;
}

/** Lexicon hits inside the span, and its repetition in the article. */
function spanCues(ctx: ArticleContext, first: number, last: number): string[] {
  const cues: string[] = [];
  // hits are in token order: start at the first one that can fall inside the span
  const lo = lowerBound(ctx.hits, (h) => h.first < first);
  let shown: LexiconHit | undefined;
  for (let k = lo; k < ctx.hits.length && ctx.hits[k]!.first <= last; k++) {
    const h = ctx.hits[k]!;
    // a word inside a longer entry of the same class already shown ('shockwaves' in 'sent shockwaves') adds nothing
    if (h.last > last || (shown && shown.cls === h.cls && shown.last >= h.last)) continue;
    shown = h;
    const words = ctx.text.slice(ctx.tokens[h.first]!.start, ctx.tokens[h.last]!.end);
    cues.push(`lexicon: '${words}' (${LEXICON_MEANING[LEXICON_CLASSES[h.cls]!]})`);
  }
  let content = false;
  for (let k = first; k <= last && !content; k++) content = isContentWord(ctx.lower[k]!);
  const repeated = content ? phraseCount(ctx, first, last) : 0;
  if (repeated > 1) cues.push(`repeated ${repeated} times in the article`);
  return cues;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
