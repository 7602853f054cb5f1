import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../core/schema.js';
import { SCHEMA_VERSION } from '../core/schema-version.js';
import { documentId } from '../ingest/index.js';
import { textHash } from './dedup.js';
import type { CorpusStore, NewArticle } from './store.js';
import { testBackends } from './test-stores.js';
import { techniqueMessage } from '../techniques/message.js';

/** A small Analysis: Kharkiv pinned on the map, one anonymous source, one technique. */
function analysisOf(text: string, extra: { title?: string; published?: string | null; place?: [number, number]; technique?: string; kind?: string } = {}): Analysis {
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  const [lat, lon] = extra.place ?? [49.98, 36.25];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'unspin', version: 'test' },
    document: {
      id: documentId(text),
      text,
      ...(extra.title ? { title: extra.title } : {}),
      language: 'en',
      publishedAt: extra.published === undefined ? '2025-03-01' : extra.published,
      source: { kind: 'text' },
    },
    sentences: [{ start: 0, end: text.length }],
    entities: text.includes('Kharkiv')
      ? [{ id: 'e1', type: 'place', name: 'Kharkiv', mentions: [{ ...at('Kharkiv'), text: 'Kharkiv' }], place: { geonamesId: 706483, name: 'Kharkiv', lat, lon, countryCode: 'UA', confidence: 0.9 } }]
      : [],
    attributions: [{ id: 'a1', source: { start: 0, end: 3, text: text.slice(0, 3), kind: (extra.kind ?? 'anonymous') as 'anonymous' }, content: { start: 4, end: text.length } }],
    times: [],
    techniques: extra.technique ? [techniqueMessage(text, { technique: extra.technique, start: 0, end: 5, confidence: 0.8 })] : [],
    events: [],
    findings: [],
    layers: [],
    timings: [],
    cut: [],
    warnings: [],
    credits: [],
  };
}

function article(text: string, extra: Parameters<typeof analysisOf>[1] & { url?: string; outlet?: string } = {}): NewArticle {
  return {
    analysis: analysisOf(text, extra),
    textHash: textHash(text),
    ...(extra.url ? { canonicalUrl: extra.url } : {}),
    ...(extra.outlet ? { outlet: extra.outlet } : {}),
    origin: extra.url ?? `test:${text.slice(0, 20)}`,
  };
}

for (const backend of testBackends()) {
  describe(`corpus store on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());
    const fresh = async (): Promise<CorpusStore> => (await backend.open()).store;

    it('stores an article with its Analysis and gives it back whole, by id or id prefix', async () => {
      const store = await fresh();
      const a = article('Officials said Kharkiv was shelled overnight.', { title: 'Shelling', url: 'https://example.org/a', outlet: 'example.org' });
      const put = await store.put(a);
      expect(put).toEqual({ stored: true, id: a.analysis.document.id });
      const got = await store.get(put.id);
      expect(got?.analysis).toEqual(a.analysis);
      expect(got).toMatchObject({ title: 'Shelling', outlet: 'example.org', published: '2025-03-01', canonicalUrl: 'https://example.org/a' });
      expect((await store.get(put.id.slice(0, 6)))?.id).toBe(put.id);
      expect(await store.get('zzzz')).toBeNull();
      await store.close();
    });

    it('stores a duplicate once, by canonical URL or by normalised text', async () => {
      const store = await fresh();
      expect((await store.put(article('One text about Kharkiv.', { url: 'https://example.org/x' }))).stored).toBe(true);
      expect(await store.put(article('Another text entirely.', { url: 'https://example.org/x' }))).toMatchObject({ stored: false, reason: 'duplicate-url' });
      expect(await store.put(article('ONE   text about  Kharkiv.'))).toMatchObject({ stored: false, reason: 'duplicate-text' });
      expect(await store.count()).toBe(1);
      expect(await store.find({ textHash: textHash('one text about kharkiv.') })).not.toBeNull();
      await store.close();
    });

    it('searches by words and phrases, entity spelling or place id, radius, outlet, dates, technique and source kind', async () => {
      const store = await fresh();
      const kharkiv = await store.put(article('Sources said Kharkiv came under heavy shelling.', { outlet: 'kyivindependent.com', published: '2025-02-10', technique: 'Loaded_Language' }));
      const berlin = await store.put(article('The minister said talks in Berlin were productive.', { outlet: 'reuters.com', published: '2025-04-02', kind: 'named-person' }));
      const far = await store.put(article('Kharkiv, a town of the same name far away, held a fair.', { place: [10, 10], published: null }));
      await store.setOutlet({ domain: 'reuters.com', name: 'Reuters', country: 'GB', kind: 'wire-agency' });
      const ids = async (q: Parameters<CorpusStore['search']>[0]) => (await store.search(q)).map((s) => s.id).sort();
      expect(await ids({ text: 'shelling' })).toEqual([kharkiv.id]);
      expect(await ids({ text: '"heavy shelling"' })).toEqual([kharkiv.id]);
      expect(await ids({ text: '"shelling heavy"' })).toEqual([]);
      expect(await ids({ text: 'minister talks' })).toEqual([berlin.id]);
      expect(await ids({ text: 'NEAR OR *' })).toEqual([]);
      expect(await ids({ entity: 'KHARKIV' })).toEqual([kharkiv.id, far.id].sort());
      expect(await ids({ entity: 'Charkow', geonamesIds: [706483] })).toEqual([kharkiv.id, far.id].sort());
      expect(await ids({ near: { lat: 50.0, lon: 36.3, km: 25 } })).toEqual([kharkiv.id]);
      expect(await ids({ near: { lat: 50.0, lon: 36.3, km: 1 } })).toEqual([]);
      expect(await ids({ outlet: 'Reuters' })).toEqual([berlin.id]);
      expect(await ids({ outlet: 'KyivIndependent.com' })).toEqual([kharkiv.id]);
      expect(await ids({ from: '2025-03-01' })).toEqual([berlin.id]);
      expect(await ids({ to: '2025-03-01' })).toEqual([kharkiv.id]);
      expect(await ids({ technique: 'Loaded_Language' })).toEqual([kharkiv.id]);
      expect(await ids({ sourceKind: 'anonymous' })).toEqual([kharkiv.id, far.id].sort());
      expect(await ids({ text: 'said', sourceKind: 'named-person' })).toEqual([berlin.id]);
      await store.close();
    });

    it('removes an article with its index rows, and replaces an Analysis in place', async () => {
      const store = await fresh();
      const a = await store.put(article('Kharkiv was quiet today, residents said.'));
      const b = await store.put(article('Kharkiv again quiet on the second day.'));
      expect(await store.remove(a.id)).toBe(true);
      expect(await store.remove(a.id)).toBe(false);
      expect((await store.search({ text: 'quiet' })).map((s) => s.id)).toEqual([b.id]);
      expect((await store.search({ near: { lat: 49.98, lon: 36.25, km: 5 } })).map((s) => s.id)).toEqual([b.id]);
      const stored = (await store.get(b.id))!;
      await store.update(b.id, { ...stored.analysis, entities: [], techniques: [techniqueMessage(stored.analysis.document.text, { technique: 'Doubt', start: 0, end: 3, confidence: 0.7 })] });
      expect(await store.search({ entity: 'Kharkiv' })).toEqual([]);
      expect((await store.search({ technique: 'Doubt' })).map((s) => s.id)).toEqual([b.id]);
      expect((await store.search({ text: 'quiet' })).map((s) => s.id)).toEqual([b.id]);
      await store.close();
    });

    it('lists and iterates articles in the order added, with their Analysis', async () => {
      const store = await fresh();
      const texts = Array.from({ length: 7 }, (_, i) => `Report number ${i} from the front.`);
      for (const t of texts) await store.put(article(t));
      expect((await store.list()).map((s) => s.id)).toEqual(texts.map(documentId));
      expect((await store.list({ newestFirst: true, limit: 2 })).map((s) => s.id)).toEqual([texts[6], texts[5]].map((t) => documentId(t!)));
      const seen: string[] = [];
      for await (const a of store.articles(3)) seen.push(a.analysis.document.text);
      expect(seen).toEqual(texts);
      await store.close();
    });

    it('commits puts that arrive together in one batch, a duplicate inside the batch stored once', async () => {
      const store = await fresh();
      const texts = Array.from({ length: 40 }, (_, i) => `Dispatch ${i}: Kharkiv under fire, officials said.`);
      const results = await Promise.all([...texts, texts[3]!.toUpperCase()].map((t) => store.put(article(t, { technique: 'Doubt' }))));
      expect(results.filter((r) => r.stored)).toHaveLength(40);
      expect(results.at(-1)).toMatchObject({ stored: false, reason: 'duplicate-text', id: documentId(texts[3]!) });
      expect(await store.count()).toBe(40);
      // every index row written, for every article of the batch
      expect(await store.search({ technique: 'Doubt', limit: 100 })).toHaveLength(40);
      expect(await store.search({ near: { lat: 49.98, lon: 36.25, km: 5 }, limit: 100 })).toHaveLength(40);
      expect(await store.search({ entity: 'kharkiv', sourceKind: 'anonymous', limit: 100 })).toHaveLength(40);
      const many = await store.putMany([article('One more from Kharkiv.'), article('One more from Kharkiv.')]);
      expect(many.map((r) => r.stored)).toEqual([true, false]);
      await store.close();
    });

    it('searches newest first across windows of the store: matches among the oldest, a limit met over several windows', async () => {
      const store = await fresh();
      // 3000 articles (more than the first windows read); Kharkiv, a technique and a far place in every 700th only
      const texts = Array.from({ length: 3000 }, (_, i) => (i % 700 === 0 ? `Dispatch ${i}: Kharkiv shelled, officials said.` : `Dispatch ${i}: a quiet day, officials said.`));
      await store.putMany(texts.map((t, i) => article(t, i % 700 === 0 ? { technique: 'Doubt', place: [10, 10] } : {})));
      const rare = [2800, 2100, 1400, 700, 0].map((i) => documentId(texts[i]!));
      const ids = async (q: Parameters<CorpusStore['search']>[0]) => (await store.search(q)).map((s) => s.id);
      expect(await ids({ entity: 'Kharkiv', geonamesIds: [706483] })).toEqual(rare);
      expect(await ids({ technique: 'Doubt', limit: 3 })).toEqual(rare.slice(0, 3));
      expect(await ids({ near: { lat: 10, lon: 10, km: 5 }, sourceKind: 'anonymous' })).toEqual(rare);
      expect(await ids({ text: 'shelled' })).toEqual(rare);
      expect(await ids({ text: 'quiet', limit: 2000 })).toHaveLength(2000);
      expect(await ids({ text: 'officials', limit: 5000 })).toEqual(texts.map((t) => documentId(t)).reverse());
      await store.close();
    });

    it('groups articles by what made them, and records it', async () => {
      const store = await fresh();
      const made = (v: number) => ({ layers: [{ layer: 'entities', analyzer: 'entities', version: v, ms: 1 }] });
      const a = article('Made by the first version.');
      const b = article('Made by the second version.');
      await store.put({ ...a, analysis: { ...(a.analysis as Analysis), ...made(1) } });
      await store.put({ ...b, analysis: { ...(b.analysis as Analysis), ...made(2) } });
      expect(await store.madeGroups()).toEqual(
        expect.arrayContaining([
          { made: 'entities=entities@1', articles: 1 },
          { made: 'entities=entities@2', articles: 1 },
        ]),
      );
      const first = [];
      for await (const s of store.articlesMadeBy('entities=entities@1')) first.push(s.id);
      expect(first).toEqual([documentId('Made by the first version.')]);
      await store.setMade(first[0]!, 'entities=entities@2');
      expect(await store.madeGroups()).toEqual([{ made: 'entities=entities@2', articles: 2 }]);
      await store.close();
    });

    it('records failures, clears one when its article is stored, and keeps user outlets over the lexicon', async () => {
      const store = await fresh();
      await store.recordFailure('https://example.org/dead', 'HTTP 404');
      await store.recordFailure('https://example.org/dead', 'HTTP 410');
      await store.recordFailure('https://example.org/later', 'timed out');
      expect((await store.failures()).map((f) => [f.origin, f.reason])).toEqual([
        ['https://example.org/dead', 'HTTP 410'],
        ['https://example.org/later', 'timed out'],
      ]);
      await store.put(article('Now it loads.', { url: 'https://example.org/later' }));
      expect((await store.failures()).map((f) => f.origin)).toEqual(['https://example.org/dead']);

      await store.setOutlet({ domain: 'tass.com', name: 'TASS', country: 'RU', kind: 'state-media', source: 'lexicon' });
      await store.setOutlet({ domain: 'tass.com', name: 'TASS (mine)', kind: 'state-media' });
      await store.setOutlet({ domain: 'tass.com', name: 'TASS', country: 'RU', kind: 'wire-agency', source: 'lexicon' });
      expect(await store.outlet('TASS.com')).toMatchObject({ name: 'TASS (mine)', source: 'user' });
      const stats = await store.stats();
      expect(stats).toMatchObject({ articles: 1, failed: 1, languages: [{ language: 'en', articles: 1 }] });
      await store.close();
    });
  });
}
