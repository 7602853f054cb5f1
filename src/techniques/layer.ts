/**
 * The techniques layer of a report: the spans at or above the model's threshold (shown), the
 * weaker ones (candidates), whose words each span is (the outlet's or a quoted speaker's), each
 * sentence's probability of carrying a technique, and the article's summary.
 */
import type { Attribution, Technique } from '../core/schema.js';
import type { TechniqueLayer, TechniqueSpan, TechniqueSummary } from './schema.js';
import { techniqueMessage } from './message.js';
import { lowerBound } from '../core/search.js';
import { calibrate, sentenceInputs } from './calibration.js';
import type { ArticleContext } from './context.js';
import { detectTechniques } from './detect.js';
import type { TechniqueModel } from './model.js';

/** Detects, calibrates, assigns each span its holder, and splits shown from candidates. */
/** `expired`: true once the article's time budget is spent (the spans named so far are kept). */
export function techniqueLayer(ctx: ArticleContext, model: TechniqueModel, attributions: readonly Attribution[] = [], expired?: () => boolean): TechniqueLayer {
  const margins = model.margins(ctx);
  const spans = withHolders(ctx, detectTechniques(ctx, model, expired ? { expired } : {}, margins), attributions);
  const calibration = model.calibration;
  if (!calibration) throw new Error("the technique model has no calibration: rebuild it with 'unspin train techniques'");
  const messages = spans.map((span) => techniqueMessage(ctx.text, span));
  const shown = messages.filter((t) => t.confidence >= calibration.threshold);
  const candidates = messages.filter((t) => t.confidence < calibration.threshold);
  const sentenceScores = ctx.sentences.map((_, s) => round(calibrate(calibration.sentences, sentenceInputs(ctx, margins, s))));
  return { shown, candidates, summary: summarise(ctx, shown, sentenceScores, calibration.threshold) };
}

/** Share of sentences with a shown span, overall and by technique; the share in the outlet's voice. */
function summarise(ctx: ArticleContext, shown: readonly Technique[], sentenceScores: number[], threshold: number): TechniqueSummary {
  const any = new Set<number>();
  const byTechnique = new Map<string, Set<number>>();
  for (const t of shown) {
    const s = sentenceOf(ctx, t.start);
    any.add(s);
    if (!byTechnique.has(t.technique)) byTechnique.set(t.technique, new Set());
    byTechnique.get(t.technique)!.add(s);
  }
  const n = Math.max(1, ctx.sentences.length);
  const outlet = shown.filter((t) => t.holder?.kind !== 'quoted').length;
  return {
    threshold,
    sentenceScores,
    sentenceShare: round(any.size / n),
    byTechnique: Object.fromEntries([...byTechnique].sort(([a], [b]) => a.localeCompare(b)).map(([t, set]) => [t, round(set.size / n)])),
    outletVoiceShare: shown.length > 0 ? round(outlet / shown.length) : null,
  };
}

/** Index of the sentence holding the offset. */
function sentenceOf(ctx: ArticleContext, offset: number): number {
  return Math.max(0, lowerBound(ctx.sentences, (s) => s.end <= offset));
}

/**
 * A span inside an attribution's content is the quoted speaker's (linked to the attribution); a
 * span between quotation marks with no attribution is quoted all the same; the rest is the
 * outlet's own voice.
 */
export function withHolders(ctx: ArticleContext, spans: readonly TechniqueSpan[], attributions: readonly Attribution[]): TechniqueSpan[] {
  const byContent = [...attributions].sort((a, b) => a.content.start - b.content.start);
  return spans.map((span) => {
    const a = containing(byContent, span);
    if (a) {
      const who = a.source?.text;
      return {
        ...span,
        holder: { kind: 'quoted' as const, attributionId: a.id, ...(who ? { source: who } : {}) },
        cues: [...(span.cues ?? []), who ? `in what ${who} says: the speaker's technique, not the outlet's` : "in a quotation: the speaker's technique, not the outlet's"],
      };
    }
    if (mostlyQuoted(ctx, span)) {
      return { ...span, holder: { kind: 'quoted' as const }, cues: [...(span.cues ?? []), "in quotation marks: the speaker's technique, not the outlet's"] };
    }
    return { ...span, holder: { kind: 'outlet' as const } };
  });
}

/** An attribution (sorted by content start) whose content holds the span. */
function containing(sorted: readonly Attribution[], span: { start: number; end: number }): Attribution | undefined {
  const hi = lowerBound(sorted, (a) => a.content.start <= span.start);
  // contents seldom nest deeply: a few steps back from the last one starting before the span suffice
  for (let k = hi - 1; k >= Math.max(0, hi - 8); k--) {
    const c = sorted[k]!.content;
    if (c.start <= span.start && span.end <= c.end) return sorted[k];
  }
  return undefined;
}

/** True when at least half of the span's tokens sit between quotation marks. */
function mostlyQuoted(ctx: ArticleContext, span: { start: number; end: number }): boolean {
  let n = 0;
  let quoted = 0;
  for (let i = lowerBound(ctx.tokens, (t) => t.end <= span.start); i < ctx.tokens.length && ctx.tokens[i]!.start < span.end; i++) {
    n++;
    quoted += ctx.quoted[i]!;
  }
  return n > 0 && quoted * 2 >= n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The analysis as the terminal and HTML show it with `--min-confidence`: the candidates at least
 * that confident join the shown spans (the JSON keeps the two lists apart).
 */
export function showCandidates<A extends { techniques: Technique[]; candidates?: Technique[] }>(a: A, minConfidence: number | undefined): A {
  if (minConfidence === undefined || !a.candidates?.length) return a;
  const extra = a.candidates.filter((t) => t.confidence >= minConfidence);
  return { ...a, techniques: [...a.techniques, ...extra].sort((x, y) => x.start - y.start || x.end - y.end) };
}
