/**
 * The cross-article layer over a corpus store: every stored article goes through the story index
 * and the claim index (sketches and tokens only), then stories, claims and findings are reported,
 * loading a story's Analyses from the store as they are needed.
 */
import type { CorpusStore, StoredArticle } from '../corpus/store.js';
import { ClaimIndex, claimUnits } from './claims.js';
import { runCorpusRules } from './findings/rules.js';
import { gazetteerNames } from './gazetteer-names.js';
import { StoryIndex } from './stories.js';
import type { ArticleRef, Claim, CorpusFinding, Story } from './types.js';

export function refOf(a: StoredArticle): ArticleRef {
  const published = a.published ?? a.analysis.document.publishedAt;
  const outlet = a.outlet ?? a.analysis.document.outlet;
  return {
    id: a.id,
    ...(a.url ? { url: a.url } : {}),
    ...(!a.url && a.origin ? { path: a.origin } : {}),
    ...(outlet ? { outlet } : {}),
    ...(published ? { publishedAt: published } : {}),
  };
}

export interface CorpusView {
  stories: Story[];
  claims: Claim[];
  findings: CorpusFinding[];
  articles: number;
}

/** Reads the whole store once (page by page) and reports its stories, claims and findings. */
export async function viewCorpus(store: CorpusStore): Promise<CorpusView> {
  const stories = new StoryIndex({ names: gazetteerNames() });
  const claimIndex = new ClaimIndex();
  const refs: ArticleRef[] = [];
  for await (const a of store.articles()) {
    const ref = refOf(a);
    stories.addText(ref, a.analysis.document.text);
    claimIndex.add(claimUnits(refs.length, a.analysis));
    refs.push(ref);
  }
  const found = await stories.stories(async (ref) => {
    const a = await store.get(ref.id);
    if (!a) throw new Error(`article ${ref.id} left the store while it was read`);
    return a.analysis;
  });
  return { stories: found, claims: claimIndex.claims(refs), findings: runCorpusRules({ stories: found }), articles: refs.length };
}
