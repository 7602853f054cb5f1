import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import type { AnyAnalyzer } from '../core/analyzer.js';
import { warning } from '../core/message.js';
import type { Analysis } from '../core/schema.js';
import { documentId } from '../ingest/index.js';
import { textHash } from './dedup.js';
import { reanalyzeCorpus } from './reanalyze.js';
import type { CorpusStore } from './store.js';
import { testBackends } from './test-stores.js';

const TEXTS = [
  'Shelling hit Kharkiv on Monday, killing two civilians, the regional governor said.',
  'Officials in Odesa said on Tuesday night that the port remained open.',
  'Reuters reported last week that talks in Berlin had stalled, citing two diplomats.',
  'The council voted 7-2 on November 3 to fund a new library wing in Lviv.',
];

/** The default pipeline with the times analyzer at another version: what a release that changed it would run. */
const timesAt = (bump: number): readonly AnyAnalyzer[] => defaultAnalyzers.map((a) => (a.name === 'times' ? { ...a, version: a.version + bump } : a));

const analysed = (text: string, analyzers: readonly AnyAnalyzer[]): Analysis =>
  analyzeDocument({ id: documentId(text), text, language: 'en', publishedAt: '2025-03-01', source: { kind: 'text' } }, [warning('ingest', 'test-warning', 'a warning from reading the file')], { analyzers });

const timesVersion = (a: Analysis) => a.layers.find((p) => p.layer === 'times')!.version;

for (const backend of testBackends()) {
  describe(`corpus reanalyze on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('recomputes only the stale layers of only the stale articles, and says how many', async () => {
      const { store } = await backend.open();
      // two articles made by today's analyzers, two by a release whose times analyzer is one version on
      for (const [i, text] of TEXTS.entries()) await store.put({ analysis: analysed(text, timesAt(i < 2 ? 0 : 1)), textHash: textHash(text), origin: `test:${i}` });
      const before = await Promise.all(TEXTS.map(async (t) => (await store.get(documentId(t)))!.analysis));

      const summary = await reanalyzeCorpus(store, { analyzers: timesAt(1), jobs: 1 });
      expect(summary).toMatchObject({ articles: 4, upToDate: 2, reanalysed: 2, failed: 0 });
      expect(summary.layers.times).toBe(2);
      expect(summary.layers.entities).toBeUndefined(); // its inputs did not change: kept
      expect(summary.layers.attributions).toBeUndefined();

      for (const [i, text] of TEXTS.entries()) {
        const after = (await store.get(documentId(text)))!.analysis;
        if (i >= 2) {
          expect(after).toEqual(before[i]); // already up to date: untouched
          continue;
        }
        expect(timesVersion(after)).toBe(timesVersion(before[i]!) + 1);
        const reused = new Set(after.layers.filter((p) => p.reused).map((p) => p.layer));
        expect(reused.has('entities') && reused.has('places') && reused.has('attributions')).toBe(true);
        expect(reused.has('times')).toBe(false);
        expect(after.entities).toEqual(before[i]!.entities);
        expect(after.warnings).toEqual([warning('ingest', 'test-warning', 'a warning from reading the file')]);
        expect((await store.search({ entity: i === 0 ? 'Kharkiv' : 'Odesa' })).map((s) => s.id)).toEqual([documentId(text)]);
      }
      expect(await reanalyzeCorpus(store, { analyzers: timesAt(1), jobs: 1 })).toMatchObject({ upToDate: 4, reanalysed: 0 });
      await store.close();
    });

    it('counts without changing anything in a dry run, and resumes where an interrupted run stopped', async () => {
      const { store } = await backend.open();
      for (const [i, text] of TEXTS.entries()) await store.put({ analysis: analysed(text, timesAt(0)), textHash: textHash(text), origin: `test:${i}` });
      const dry = await reanalyzeCorpus(store, { analyzers: timesAt(2), dryRun: true, jobs: 1 });
      expect(dry).toMatchObject({ articles: 4, upToDate: 0, reanalysed: 4, layers: { times: 4 } });
      expect(await versions(store)).toEqual([0, 0, 0, 0].map(() => timesAt(0).find((a) => a.name === 'times')!.version));

      // stopped after the first article is done (as a kill would, between two commits)
      const stop = new Error('stopped');
      await expect(
        reanalyzeCorpus(store, {
          analyzers: timesAt(2),
          jobs: 1,
          onProgress: (p) => {
            if (p.reanalysed === 1) throw stop;
          },
        }),
      ).rejects.toBe(stop);
      const v = timesAt(2).find((a) => a.name === 'times')!.version;
      const done = (await versions(store)).filter((x) => x === v).length;
      expect(done).toBeGreaterThanOrEqual(1);
      expect(done).toBeLessThan(4);
      // the rest, each once
      const resumed = await reanalyzeCorpus(store, { analyzers: timesAt(2), jobs: 1 });
      expect(resumed).toMatchObject({ articles: 4, upToDate: done, reanalysed: 4 - done, failed: 0 });
      expect(await versions(store)).toEqual([v, v, v, v]);
      expect(await store.madeGroups()).toHaveLength(1);
      await store.close();
    });
  });
}

async function versions(store: CorpusStore): Promise<number[]> {
  const out: number[] = [];
  for await (const a of store.articles()) out.push(timesVersion(a.analysis));
  return out;
}
