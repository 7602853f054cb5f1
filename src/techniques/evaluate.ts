/**
 * Our detector on PTC-format data: predictions as PTC lines (code point offsets), the labelling of
 * a TC template, and the three official scores against gold labels.
 */
import { type PrfScore, type PtcSpan, scoreFLC, scoreSI, scoreTC, type TcScore } from '../eval/ptc.js';
import { UserError } from '../core/errors.js';
import { type CorpusArticle, tokenRange } from './corpus.js';
import { detectTechniques } from './detect.js';
import type { TechniqueModel } from './model.js';
import { TECHNIQUES } from './names.js';

/** Our spans of an article as PTC lines (code point offsets). */
export function toPtc(article: CorpusArticle, spans: readonly { technique: string; start: number; end: number }[]): PtcSpan[] {
  return spans.map((s) => ({ article: article.id, technique: s.technique, start: article.map.codePoint(s.start), end: article.map.codePoint(s.end) }));
}

/** Gold spans of the articles as PTC lines. */
export function goldPtc(articles: readonly CorpusArticle[]): PtcSpan[] {
  return articles.flatMap((a) => toPtc(a, a.gold));
}

/**
 * TC on given spans: one technique per listed span; a span listed k times gets the k most
 * probable techniques (the gold lists a span once per technique it carries).
 */
export function classifyGiven(model: TechniqueModel, article: CorpusArticle, spans: readonly { start: number; end: number }[]): string[] {
  const times = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const s of spans) times.set(`${s.start}:${s.end}`, (times.get(`${s.start}:${s.end}`) ?? 0) + 1);
  const ranked = new Map<string, number[]>();
  return spans.map((s) => {
    const key = `${s.start}:${s.end}`;
    let order = ranked.get(key);
    if (!order) {
      const range = tokenRange(article.ctx, s.start, s.end);
      const probs = range ? model.classify(article.ctx, range.first, range.last) : new Float32Array(TECHNIQUES.length);
      order = [...probs.keys()].sort((x, y) => probs[y]! - probs[x]! || x - y);
      ranked.set(key, order);
    }
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return TECHNIQUES[order[k % order.length]!]!;
  });
}

/**
 * Our detections over every article, as PTC lines: those at or above `minConfidence`, by default
 * the model's threshold (what the report shows); 0 gives every candidate.
 */
export function predictPtc(articles: readonly CorpusArticle[], model: TechniqueModel, minConfidence = model.calibration?.threshold ?? 0): PtcSpan[] {
  return articles.flatMap((a) => toPtc(a, detectTechniques(a.ctx, model).filter((t) => t.confidence >= minConfidence)));
}

/** Fills the technique column of a TC template (its spans in code points, technique '?'). */
export function labelTemplate(articles: readonly CorpusArticle[], template: readonly PtcSpan[], model: TechniqueModel): PtcSpan[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byArticle = new Map<string, PtcSpan[]>();
  for (const s of template) {
    if (!byId.has(s.article)) throw new UserError(`the template names article ${s.article}, which is not among the articles`);
    if (!byArticle.has(s.article)) byArticle.set(s.article, []);
    byArticle.get(s.article)!.push(s);
  }
  const labelled = new Map<PtcSpan, string>();
  for (const [id, spans] of byArticle) {
    const article = byId.get(id)!;
    const ours = spans.map((s) => ({ start: article.map.utf16(s.start), end: article.map.utf16(s.end) }));
    classifyGiven(model, article, ours).forEach((t, i) => labelled.set(spans[i]!, t));
  }
  return template.map((s) => ({ ...s, technique: labelled.get(s)! }));
}

export interface PtcEvaluation {
  articles: number;
  si: PrfScore;
  flc: PrfScore;
  tc: TcScore;
}

/** SI and FLC of our detections, and TC on the gold spans, over the given articles. */
export function evaluatePtc(articles: readonly CorpusArticle[], gold: readonly PtcSpan[], model: TechniqueModel, minConfidence?: number): PtcEvaluation {
  const ids = new Set(articles.map((a) => a.id));
  const missing = new Set(gold.filter((s) => !ids.has(s.article)).map((s) => s.article));
  if (missing.size > 0) throw new UserError(`the gold labels name ${missing.size} article(s) not in the articles folder, e.g. ${[...missing][0]}`);
  const scored = gold;
  const predicted = predictPtc(articles, model, minConfidence);
  const template = scored.map((s) => ({ ...s, technique: '?' }));
  return {
    articles: articles.length,
    si: scoreSI(predicted, scored, ids),
    flc: scoreFLC(predicted, scored, ids),
    tc: scoreTC(labelTemplate(articles, template, model), scored),
  };
}
