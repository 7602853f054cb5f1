/**
 * The technique detector: spans from the trained tagger, labelled by the trained classifier, plus
 * the spans of the rule detectors; every span carries the cues a reader can check.
 */
import type { Technique } from '../core/schema.js';
import { type ArticleContext, phraseCount } from './context.js';
import { LEXICON_CLASSES, LEXICON_MEANING } from './lexicons.js';
import { TECHNIQUES } from './names.js';
import type { TechniqueModel } from './model.js';
import { runRules } from './rules.js';

export interface DetectOptions {
  /** the tagger's threshold (the model's own by default) */
  threshold?: number;
  /** add the rule detectors' spans (default true) */
  rules?: boolean;
}

export function detectTechniques(ctx: ArticleContext, model: TechniqueModel, options: DetectOptions = {}): Technique[] {
  const found: Technique[] = [];
  for (const span of model.spans(ctx, options.threshold)) {
    const probs = model.classify(ctx, span.first, span.last);
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
    const technique = TECHNIQUES[best]!;
    found.push({
      technique,
      start: ctx.tokens[span.first]!.start,
      end: ctx.tokens[span.last]!.end,
      confidence: round(span.confidence * probs[best]!),
      cues: [...spanCues(ctx, span.first, span.last), `model: span ${pct(span.confidence)}, ${technique} ${pct(probs[best]!)}`],
    });
  }
  if (options.rules !== false) {
    for (const hit of runRules(ctx)) {
      // A rule that agrees with a model span adds its cue to it; otherwise it is a span of its own.
      const same = found.find((t) => t.technique === hit.technique && t.start < hit.end && hit.start < t.end);
      if (same) {
        same.cues = [...new Set([...(same.cues ?? []), ...hit.cues])];
        same.confidence = round(Math.max(same.confidence, hit.confidence));
      } else found.push(hit);
    }
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Lexicon hits inside the span, and its repetition in the article. */
function spanCues(ctx: ArticleContext, first: number, last: number): string[] {
  const cues: string[] = [];
  for (const h of ctx.hits) {
    if (h.first < first || h.last > last) continue;
    const words = ctx.text.slice(ctx.tokens[h.first]!.start, ctx.tokens[h.last]!.end);
    cues.push(`lexicon: '${words}' (${LEXICON_MEANING[LEXICON_CLASSES[h.cls]!]})`);
  }
  const repeated = phraseCount(ctx, ctx.tokens[first]!.start, ctx.tokens[last]!.end);
  if (repeated > 1) cues.push(`repeated ${repeated} times in the article`);
  return cues;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
