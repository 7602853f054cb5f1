/**
 * `corpus reanalyze`: brings the stored Analyses up to date with the current analyzers, computing
 * again only what changed. The store groups its articles by what made them (made.ts), so the
 * articles of an up-to-date group are counted without being read; each article of a stale group
 * is analysed again with its stored Analysis to reuse (analyze's `reuse`: a layer whose analyzer,
 * version, model and inputs are unchanged is kept, the rest and what depends on them recomputed)
 * and committed on its own. A killed run leaves every article either as it was or updated, and
 * the next run skips the updated ones: they are in an up-to-date group now.
 */
import { defaultAnalyzers } from '../analyzers.js';
import type { AnyAnalyzer } from '../core/analyzer.js';
import { madeBy, parseMade, staleLayers } from './made.js';
import { AnalysisPool, defaultJobs } from './pool.js';
import type { CorpusStore, StoredArticle } from './store.js';

export interface ReanalyzeOptions {
  /** analysis threads (default: the number of cores) */
  jobs?: number;
  budgetMs?: number;
  /** count what is stale, change nothing */
  dryRun?: boolean;
  /** the analyzers to be up to date with (default: the full pipeline; tests give others) */
  analyzers?: readonly AnyAnalyzer[];
  onProgress?: (progress: ReanalyzeSummary & { name: string }) => void;
  /** a line to show the user (an article that failed) */
  onNote?: (line: string) => void;
}

export interface ReanalyzeSummary {
  articles: number;
  upToDate: number;
  /** analysed again (in a dry run: would be) */
  reanalysed: number;
  failed: number;
  /** per layer, how many articles had it computed afresh (in a dry run: found stale) */
  layers: Record<string, number>;
}


export async function reanalyzeCorpus(store: CorpusStore, options: ReanalyzeOptions = {}): Promise<ReanalyzeSummary> {
  const analyzers = options.analyzers ?? defaultAnalyzers;
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const summary: ReanalyzeSummary = { articles: 0, upToDate: 0, reanalysed: 0, failed: 0, layers: {} };
  const count = (layers: readonly string[]) => {
    for (const layer of layers) summary.layers[layer] = (summary.layers[layer] ?? 0) + 1;
  };
  const note = options.onNote ?? (() => undefined);
  const finish = (name: string) => options.onProgress?.({ ...summary, name });

  // groups of articles made alike: null is a store written before what made them was recorded
  const stale: (string | null)[] = [];
  for (const group of await store.madeGroups()) {
    summary.articles += group.articles;
    if (group.made !== null && staleLayers(parseMade(group.made), analyzers).length === 0) summary.upToDate += group.articles;
    else stale.push(group.made);
  }

  const pool = new AnalysisPool(jobs, options.budgetMs, options.analyzers);
  const redo = async (article: StoredArticle): Promise<void> => {
    try {
      const before = article.analysis;
      // the ingest's warnings stay; analyze's own note on reuse is made again if it still applies
      const warnings = before.warnings.filter((w) => w.source !== 'analyze');
      const { analysis, recomputed } = await pool.analyze(before.document, warnings, before);
      await store.update(article.id, analysis);
      summary.reanalysed++;
      count(recomputed);
    } catch (err) {
      summary.failed++;
      note(`${article.id}: not reanalysed (${(err as Error).message}); it keeps its earlier Analysis`);
    }
  };

  const running = new Set<Promise<void>>();
  try {
    for (const made of stale) {
      for await (const article of store.articlesMadeBy(made)) {
        const layers = staleLayers(parseMade(made ?? madeBy(article.analysis)), analyzers);
        if (layers.length === 0) {
          // stored before it was recorded, and up to date: recorded now
          if (!options.dryRun) await store.setMade(article.id, madeBy(article.analysis));
          summary.upToDate++;
          finish(article.id);
          continue;
        }
        if (options.dryRun) {
          summary.reanalysed++;
          count(layers);
          finish(article.id);
          continue;
        }
        const task: Promise<void> = redo(article).finally(() => {
          running.delete(task);
          finish(article.id);
        });
        running.add(task);
        if (running.size >= jobs * 2) await Promise.race(running);
      }
      // the next group's pages are read once this one's updates are in
      await Promise.all(running);
    }
  } finally {
    // stopped by an error: what is in flight finishes (or fails) before the pool goes
    await Promise.allSettled(running);
    await pool.close();
  }
  return summary;
}
