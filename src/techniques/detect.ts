/**
 * The technique detector: spans from the trained tagger, labelled by the trained classifier, plus
 * the spans of the rule detectors; every span carries the cues a reader can check.
 */
import type { Technique } from '../core/schema.js';
import { type ArticleContext, phraseCount } from './context.js';
import { LEXICON_CLASSES, LEXICON_MEANING } from './lexicons.js';
import { TECHNIQUES } from './names.js';
import { type TaggedSpan, type TechniqueModel, sentenceHulls } from './model.js';
import { runRules } from './rules.js';

export interface DetectOptions {
  /** the tagger's threshold (the model's own by default) */
  threshold?: number;
  /** also report a span's other techniques at least this probable (the model's own by default) */
  alsoAbove?: number;
  /** add the rule detectors' spans (default true) */
  rules?: boolean;
}

export function detectTechniques(ctx: ArticleContext, model: TechniqueModel, options: DetectOptions = {}): Technique[] {
  const found: Technique[] = [];
  const alsoAbove = options.alsoAbove ?? model.options.alsoAbove;
  /** The span's best technique, and the next ones as likely as `alsoAbove` (a span may carry several). */
  const label = (span: TaggedSpan): Technique[] => {
    const probs = model.classify(ctx, span.first, span.last);
    const ranked = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]! || a - b);
    const cues = spanCues(ctx, span.first, span.last);
    return ranked
      .filter((t, k) => k === 0 || probs[t]! >= alsoAbove)
      .map((t) => ({
        technique: TECHNIQUES[t]!,
        start: ctx.tokens[span.first]!.start,
        end: ctx.tokens[span.last]!.end,
        confidence: round(span.confidence * probs[t]!),
        cues: [...cues, `model: span ${pct(span.confidence)}, ${TECHNIQUES[t]} ${pct(probs[t]!)}`],
      }));
  };
  for (const { hull, runs } of sentenceHulls(ctx, model.spans(ctx, options.threshold))) {
    const whole = label(hull);
    found.push(...whole);
    // A shorter run inside the sentence's span that reads as another technique is reported too.
    if (runs.length === 1) continue;
    for (const run of runs) found.push(...label(run).filter((part) => !whole.some((w) => w.technique === part.technique)));
  }
  if (options.rules !== false) {
    for (const hit of runRules(ctx)) {
      // A rule that agrees with a model span adds its cue to it; otherwise it is a span of its own.
      const same = found.find((t) => t.technique === hit.technique && t.start < hit.end && hit.start < t.end);
      if (same) {
        same.cues = [...new Set([...(same.cues ?? []), ...(hit.cues ?? [])])];
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
  const repeated = phraseCount(ctx, first, last);
  if (repeated > 1) cues.push(`repeated ${repeated} times in the article`);
  return cues;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
