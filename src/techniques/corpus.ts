/**
 * PTC articles prepared for training and evaluation: text segmented, context built, gold spans
 * converted from PTC's code point offsets to ours (UTF-16) and their labels mapped to the 14 classes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { CodePointMap, type PtcSpan, readPtcArticles, readPtcLabels } from '../eval/ptc.js';
import { segment } from '../text/segment.js';
import { type ArticleContext, buildContext } from './context.js';
import { loadLexicons } from './lexicons.js';
import { type TechniqueName, techniqueClass } from './names.js';
import { lowerBound } from '../core/search.js';

export interface GoldSpan {
  technique: TechniqueName;
  /** UTF-16 offsets into the article text */
  start: number;
  end: number;
}

export interface CorpusArticle {
  id: string;
  ctx: ArticleContext;
  map: CodePointMap;
  gold: GoldSpan[];
}

/** Segments an article and builds its context (the same path the analyzer takes). */
export function articleContext(text: string): ArticleContext {
  const { sentences, tokens } = segment(text, 'en');
  return buildContext(text, tokens, sentences, loadLexicons());
}

/** Reads a folder of PTC articles, with gold spans from a label file or folder when given. */
export function loadArticles(articlesDir: string, labels?: string): CorpusArticle[] {
  const texts = readPtcArticles(articlesDir);
  const gold = labels ? readPtcLabels(labels).spans : [];
  const byArticle = new Map<string, PtcSpan[]>();
  for (const s of gold) {
    if (!byArticle.has(s.article)) byArticle.set(s.article, []);
    byArticle.get(s.article)!.push(s);
  }
  const out: CorpusArticle[] = [];
  for (const [id, text] of texts) {
    const map = new CodePointMap(text);
    const spans: GoldSpan[] = [];
    for (const s of byArticle.get(id) ?? []) {
      const technique = techniqueClass(s.technique);
      if (technique) spans.push({ technique, start: map.utf16(s.start), end: map.utf16(s.end) });
    }
    out.push({ id, ctx: articleContext(text), map, gold: spans });
  }
  return out;
}

/** The training part of the shared PTC folder: articles with their TC labels. */
export function loadPtcTraining(ptcDir: string): CorpusArticle[] {
  const articles = join(ptcDir, 'train-articles');
  const labels = join(ptcDir, 'train-labels-TC');
  if (!existsSync(articles) || !existsSync(labels)) throw new UserError(`PTC training data not found under ${ptcDir}`);
  return loadArticles(articles, labels);
}

/** Token range [first, last] covering [start, end), or null when no token falls inside. */
export function tokenRange(ctx: ArticleContext, start: number, end: number): { first: number; last: number } | null {
  const { tokens } = ctx;
  const lo = lowerBound(tokens, (t) => t.end <= start);
  let last = lo - 1;
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) last = i;
  return last >= lo ? { first: lo, last } : null;
}
