/** The cross-article layer's types: the report shapes (schema.ts) and what goes in. */
import type { Analysis } from '../core/schema.js';
import type { ArticleRef } from './schema.js';

export type { ArticleRef, Claim, ClaimAppearance, CorpusFinding, Story } from './schema.js';
export type StoryMemberReport = import('./schema.js').Story['members'][number];

export interface CorpusArticle {
  ref: ArticleRef;
  analysis: Analysis;
}
