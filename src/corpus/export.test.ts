/**
 * Exports as the next tool reads them: every CSV table parses (csv-parse, strict quoting) with
 * its header and one row per item, GeoJSON passes a validator, JSONL gives back each Analysis.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { check } from '@placemarkio/check-geojson';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { documentId } from '../ingest/index.js';
import { textHash } from './dedup.js';
import { csvField, exportCsv, exportStream } from './export.js';
import { testBackends } from './test-stores.js';

const TEXTS = [
  'Officials in Kharkiv said on Monday that three schools had been hit, killing two people. "We will rebuild," the mayor said, in a statement with commas, quotes and\na line break.',
  'A source in the Defence Ministry, who asked not to be named, told Reuters that troops had left Kupiansk.',
];

const analysisOf = (text: string) =>
  analyzeDocument({ id: documentId(text), text, title: 'A "quoted", title', language: 'en', publishedAt: '2025-06-01', source: { kind: 'text' } });

async function collect(run: (out: PassThrough) => Promise<number>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await run(out);
  out.end();
  return Buffer.concat(chunks).toString();
}

it('quotes CSV fields only when they need it', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
  expect(csvField(null)).toBe('');
  expect(csvField(0.5)).toBe('0.5');
});

for (const backend of testBackends()) {
  describe(`corpus export on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('writes CSV tables, GeoJSON and JSONL that their readers accept', async () => {
      const { store } = await backend.open();
      const analyses = TEXTS.map(analysisOf);
      for (const [i, analysis] of analyses.entries()) await store.put({ analysis, textHash: textHash(TEXTS[i]!), origin: `test:${i}`, outlet: 'example.org' });

      const dir = await mkdtemp(join(tmpdir(), 'unspin-export-'));
      let placeRows = 0;
      try {
        const counts = await exportCsv(store, dir);
        for (const table of ['articles', 'entities', 'attributions', 'places', 'techniques', 'findings']) {
          const rows = parse(await readFile(join(dir, `${table}.csv`), 'utf8'), { columns: true, relax_quotes: false }) as Record<string, string>[];
          expect(rows).toHaveLength(counts[table]!);
          for (const row of rows) expect(analyses.map((a) => a.document.id)).toContain(row.article);
        }
        const articles = parse(await readFile(join(dir, 'articles.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
        expect(articles.map((r) => r.title)).toEqual(['A "quoted", title', 'A "quoted", title']);
        const attributions = parse(await readFile(join(dir, 'attributions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
        expect(attributions.length).toBe(analyses.reduce((n, a) => n + a.attributions.length, 0));
        placeRows = counts.places!;
        expect(placeRows).toBeGreaterThanOrEqual(1); // Kharkiv at least
      } finally {
        await rm(dir, { recursive: true, force: true });
      }

      const geojson = await collect((out) => exportStream(store, 'geojson', out));
      const collection = check(geojson);
      expect(collection.type).toBe('FeatureCollection');
      const names = (collection as unknown as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name);
      expect(names).toContain('Kharkiv');
      expect(names).toHaveLength(placeRows);

      const jsonl = (await collect((out) => exportStream(store, 'jsonl', out))).trim().split('\n').map((l) => JSON.parse(l));
      expect(jsonl.map((a) => a.document.text)).toEqual(TEXTS);
      expect(jsonl[1].corpus).toMatchObject({ id: analyses[1]!.document.id, outlet: 'example.org', origin: 'test:1' });
      await store.close();
    });
  });
}
