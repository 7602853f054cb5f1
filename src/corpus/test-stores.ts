/**
 * For tests: the backends a store suite runs on. SQLite always (a fresh file in a temp folder);
 * PostgreSQL when UNSPIN_TEST_PG names a server (.ci/run starts one), each store in a schema of its
 * own that is dropped afterwards. Without it the PostgreSQL run is skipped with the reason printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { CorpusStore } from './store.js';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** a new empty store, and where it is (a --store value for the CLI) */
  open(): Promise<{ store: CorpusStore; location: string }>;
  /** removes every store this backend opened */
  cleanup(): Promise<void>;
}

let warned = false;

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [sqliteBackend()];
  const pgUrl = process.env.UNSPIN_TEST_PG;
  if (pgUrl) backends.push(postgresBackend(pgUrl));
  else if (!warned) {
    warned = true;
    console.warn('[skip] corpus store on PostgreSQL: UNSPIN_TEST_PG is not set (.ci/run starts a server and sets it)');
  }
  return backends;
}

function sqliteBackend(): TestBackend {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'unspin-store-'));
      dirs.push(dir);
      const location = join(dir, 'corpus.db');
      return { store: openSqliteStore(location), location };
    },
    async cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

function postgresBackend(url: string): TestBackend {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async open() {
      const schema = `unspin_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      schemas.push(schema);
      const location = `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`;
      return { store: await openPostgresStore(location), location };
    },
    async cleanup() {
      if (schemas.length === 0) return;
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
