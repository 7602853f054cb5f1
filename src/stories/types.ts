/** The contract of the cross-article layer (issue 17): articles by reference, spans per article. */
import type { Analysis } from '../core/schema.js';
import type { AlignmentKind, Span } from './align.js';
import type { ChangeKind } from './changes.js';

/** An article of the corpus, as the cross-article outputs name it. */
export interface ArticleRef {
  id: string;
  url?: string;
  path?: string;
  outlet?: string;
  publishedAt?: string;
}

export interface CorpusArticle {
  ref: ArticleRef;
  analysis: Analysis;
}

export interface StoryMemberReport {
  article: ArticleRef;
  /** containment of the smaller text in the larger, 0..1 */
  similarity: number;
  alignment: { kind: AlignmentKind; origin: Span | null; rewrite: Span | null }[];
  changes: { kind: ChangeKind; origin: Span | null; rewrite: Span | null; message: string; evidence?: Record<string, unknown> }[];
}

export interface Story {
  id: string;
  origin: ArticleRef;
  members: StoryMemberReport[];
}

export interface ClaimAppearance {
  article: ArticleRef;
  start: number;
  end: number;
  attributed: boolean;
  sourceKind?: string;
  /** the corpus article this appearance credits ("RIA Novosti reported" -> that RIA article), when stored */
  cites?: ArticleRef;
}

export interface Claim {
  id: string;
  text: string;
  first: ArticleRef;
  appearances: ClaimAppearance[];
}

export interface CorpusFinding {
  rule: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  articles: ArticleRef[];
  spans: { article: string; start: number; end: number }[];
  evidence?: Record<string, unknown>;
}
