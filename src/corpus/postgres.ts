/**
 * The team backend: PostgreSQL through node-postgres. The same tables as SQLite; text is indexed
 * by a generated tsvector column ('simple' configuration: no stemming, as FTS5's default) under
 * a GIN index, place points by a b-tree on (lat, lon) refined by the haversine distance.
 * `?schema=NAME` in the URL keeps a corpus in a schema of its own (created when missing).
 */
import { createRequire } from 'node:module';
import type * as Pg from 'pg';
import { UserError } from '../core/errors.js';
import { pendingMigrations, type Migration } from './migrations.js';
import { boundingBox } from './rows.js';
import { HI, LO, SqlStore, type Backend, type Param, type Row, type SearchParam, type SearchTerms, type Sql } from './sql-store.js';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, index rows, full text, places, failures, outlets',
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        text_hash TEXT NOT NULL UNIQUE,
        canonical_url TEXT UNIQUE,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        origin TEXT NOT NULL,
        added_at TEXT NOT NULL,
        text TEXT NOT NULL,
        analysis BYTEA NOT NULL,
        tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
      );
      CREATE INDEX articles_tsv ON articles USING GIN (tsv);
      CREATE INDEX articles_id_prefix ON articles (id text_pattern_ops);
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_outlet ON articles (lower(outlet));
      CREATE INDEX articles_origin ON articles (origin);
      CREATE TABLE names (article BIGINT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, geonames_id INTEGER, PRIMARY KEY (name, article));
      CREATE INDEX names_article ON names (article);
      CREATE INDEX names_geonames ON names (geonames_id, article) WHERE geonames_id IS NOT NULL;
      CREATE TABLE places (id BIGSERIAL PRIMARY KEY, article BIGINT NOT NULL, geonames_id INTEGER, name TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL);
      CREATE INDEX places_article ON places (article);
      CREATE INDEX places_point ON places (lat, lon);
      CREATE TABLE techniques (article BIGINT NOT NULL, technique TEXT NOT NULL, PRIMARY KEY (technique, article));
      CREATE INDEX techniques_article ON techniques (article);
      CREATE TABLE source_kinds (article BIGINT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (kind, article));
      CREATE INDEX source_kinds_article ON source_kinds (article);
      CREATE TABLE failures (origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
      CREATE TABLE outlets (domain TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, kind TEXT, source TEXT NOT NULL);
      CREATE TABLE fetches (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, fetched_at TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'what made each Analysis (reanalyze reads only the stale)',
    sql: `
      ALTER TABLE articles ADD COLUMN made TEXT;
      CREATE INDEX articles_made ON articles (made);
    `,
  },
];

/** '?' placeholders -> '$1', '$2'... (the store's SQL has no '?' inside literals). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The URL without our own `schema` parameter, and that schema. */
function splitSchema(location: string): { url: string; schema?: string } {
  const url = new URL(location);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new UserError(`schema=${schema}: a schema name is lower-case letters, digits and _`);
  }
  return { url: url.href, ...(schema ? { schema } : {}) };
}

export async function openPostgresStore(location: string): Promise<SqlStore> {
  const pg = createRequire(import.meta.url)('pg') as typeof Pg;
  const { url, schema } = splitSchema(location);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined); // an idle client's lost connection: the next query reports it
  const where = redact(url);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrateAll(pool);
  } catch (err) {
    await pool.end().catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot open the store ${where}: ${(err as Error).message}`);
  }
  return new SqlStore(new PostgresBackend(pool));
}

/** The URL as shown in messages: never its password. */
function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

async function migrateAll(pool: Pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // two processes opening a new store at once: the second waits, then finds the tables made
    await client.query('SELECT pg_advisory_xact_lock(7261656)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: { version: number }) => r.version));
    for (const m of pendingMigrations(MIGRATIONS, done)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

class PostgresSql implements Sql {
  constructor(private readonly client: Pg.Pool | Pg.PoolClient) {}

  async all(sql: string, params: Param[] = []): Promise<Row[]> {
    return (await this.client.query(numbered(sql), params)).rows as Row[];
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    await this.client.query(numbered(sql), params);
  }
}

class PostgresBackend extends PostgresSql implements Backend {
  readonly name = 'postgres' as const;

  constructor(private readonly pool: Pg.Pool) {
    super(pool);
  }

  async transaction<T>(body: (tx: Sql) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(new PostgresSql(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  // the tsvector column is generated from title and text
  async indexText(): Promise<void> {}
  async unindexText(): Promise<void> {}

  textCondition(terms: SearchTerms): { sql: string; params: Param[] } {
    const parts: string[] = [];
    const params: Param[] = [];
    if (terms.words.length > 0) {
      parts.push("a.tsv @@ plainto_tsquery('simple', ?)");
      params.push(terms.words.join(' '));
    }
    for (const phrase of terms.phrases) {
      parts.push("a.tsv @@ phraseto_tsquery('simple', ?)");
      params.push(phrase.join(' '));
    }
    return { sql: `(${parts.join(' AND ')})`, params };
  }

  // the b-tree on places (lat, lon) is the spatial index
  async indexPlaces(): Promise<void> {}
  async unindexPlaces(): Promise<void> {}

  nearCondition({ lat, lon, km }: { lat: number; lon: number; km: number }): { sql: string; params: SearchParam[] } {
    const box = boundingBox(lat, lon, km);
    return {
      sql: `a.seq IN (SELECT article FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? AND article BETWEEN ? AND ?
             AND 2 * 6371 * asin(least(1, sqrt(power(sin(radians(lat - ?) / 2), 2) + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lon - ?) / 2), 2)))) <= ?)`,
      params: [box.minLat, box.maxLat, box.minLon, box.maxLon, LO, HI, lat, lat, lon, km],
    };
  }

  async bytes(): Promise<number> {
    const { rows } = await this.pool.query(
      "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'",
    );
    return Number(rows[0].bytes);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
