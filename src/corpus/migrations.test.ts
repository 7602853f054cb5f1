import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../analyze.js';
import { documentId } from '../ingest/index.js';
import { textHash } from './dedup.js';
import { openSqliteStore } from './sqlite.js';

const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
const dir = mkdtempSync(join(tmpdir(), 'unspin-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a store written before migration 2', () => {
  it('opens, gains the column of what made each Analysis, and reads its deflated reports', async () => {
    const file = join(dir, 'old.db');
    const text = 'Officials in Kharkiv said the shelling stopped overnight.';
    const analysis = analyzeDocument({ id: documentId(text), text, language: 'en', publishedAt: '2025-03-01', source: { kind: 'text' } });
    const store = openSqliteStore(file);
    await store.put({ analysis, textHash: textHash(text), origin: 'test' });
    await store.close();

    // back to how version 1 kept it: no `made` column, the report deflated
    const db = new Sqlite(file);
    const old = deflateRawSync(JSON.stringify({ ...analysis, document: { ...analysis.document, text: '' } }), { level: 1 });
    db.exec('DROP INDEX articles_made; ALTER TABLE articles DROP COLUMN made; DELETE FROM schema_migrations WHERE version = 2');
    db.prepare('UPDATE articles SET analysis = ?').run(old);
    db.close();

    const reopened = openSqliteStore(file);
    expect(await reopened.madeGroups()).toEqual([{ made: null, articles: 1 }]);
    expect((await reopened.get(analysis.document.id))?.analysis).toEqual(analysis);
    expect((await reopened.search({ entity: 'Kharkiv' })).map((s) => s.id)).toEqual([analysis.document.id]);
    await reopened.close();
  });
});

describe('a store written before migration 3', () => {
  it('opens with its places in an R*Tree of distinct points, found by radius', async () => {
    const file = join(dir, 'v2.db');
    const texts = ['Officials in Kharkiv said the shelling stopped overnight.', 'Kharkiv was quiet again, officials in the city said.'];
    const analyses = texts.map((text) => analyzeDocument({ id: documentId(text), text, language: 'en', publishedAt: '2025-03-01', source: { kind: 'text' } }));
    const store = openSqliteStore(file);
    for (const [i, analysis] of analyses.entries()) await store.put({ analysis, textHash: textHash(texts[i]!), origin: `test:${i}` });
    await store.close();

    // back to how version 2 kept it: a point in the R*Tree per place of each article
    const db = new Sqlite(file);
    db.exec(`DROP INDEX places_point; DROP TRIGGER points_indexed; DROP TABLE points_rtree; DROP TABLE points;
      CREATE VIRTUAL TABLE places_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);
      INSERT INTO places_rtree SELECT id, lat, lat, lon, lon FROM places;
      DELETE FROM schema_migrations WHERE version = 3`);
    db.close();

    const reopened = openSqliteStore(file);
    const near = await reopened.search({ near: { lat: 49.99, lon: 36.23, km: 20 } });
    expect(near.map((s) => s.id)).toEqual(analyses.map((a) => a.document.id).reverse());
    await reopened.close();
    const after = new Sqlite(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'places_rtree'").get()).toEqual({ n: 0 });
    const distinct = after.prepare("SELECT count(*) AS n FROM (SELECT DISTINCT lat, lon FROM places)").get() as { n: number };
    expect(distinct.n).toBeGreaterThan(0);
    expect(after.prepare('SELECT count(*) AS n FROM points_rtree').get()).toEqual(distinct);
    after.close();
  });
});
