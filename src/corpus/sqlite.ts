/**
 * The embedded backend: one SQLite file (better-sqlite3) in WAL mode, so readers never wait for
 * the writer and a killed process leaves the last committed article intact. Text is indexed by
 * FTS5 (external content: the text is stored once, in `articles`), place points by an R*Tree.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import { pendingMigrations, type Migration } from './migrations.js';
import { distanceKm } from '../geo/place.js';
import { boundingBox } from './rows.js';
import { HI, LO, SqlStore, type Backend, type Param, type Row, type SearchParam, type SearchTerms, type Sql } from './sql-store.js';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, index rows, full text, places, failures, outlets',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
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
        analysis BLOB NOT NULL
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_outlet ON articles (lower(outlet));
      CREATE INDEX articles_origin ON articles (origin);
      CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'seq');
      CREATE TABLE names (article INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, geonames_id INTEGER, PRIMARY KEY (name, article)) WITHOUT ROWID;
      CREATE INDEX names_article ON names (article);
      CREATE INDEX names_geonames ON names (geonames_id, article) WHERE geonames_id IS NOT NULL;
      CREATE TABLE places (id INTEGER PRIMARY KEY, article INTEGER NOT NULL, geonames_id INTEGER, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL);
      CREATE INDEX places_article ON places (article);
      CREATE VIRTUAL TABLE places_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);
      CREATE TABLE techniques (article INTEGER NOT NULL, technique TEXT NOT NULL, PRIMARY KEY (technique, article)) WITHOUT ROWID;
      CREATE INDEX techniques_article ON techniques (article);
      CREATE TABLE source_kinds (article INTEGER NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (kind, article)) WITHOUT ROWID;
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
  {
    version: 3,
    name: 'an R*Tree of distinct points, and places by point then article (a radius search reads the newest first)',
    sql: `
      CREATE TABLE points (id INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, UNIQUE (lat, lon));
      CREATE VIRTUAL TABLE points_rtree USING rtree (id, min_lat, max_lat, min_lon, max_lon);
      CREATE TRIGGER points_indexed AFTER INSERT ON points BEGIN
        INSERT INTO points_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (new.id, new.lat, new.lat, new.lon, new.lon);
      END;
      INSERT INTO points (lat, lon) SELECT DISTINCT lat, lon FROM places;
      CREATE INDEX places_point ON places (lat, lon, article);
      DROP TABLE places_rtree;
    `,
  },
];

type Database = BetterSqlite3.Database;

/** Every word and phrase quoted: FTS5's own operators (NEAR, OR, *, :) stay plain words. */
function ftsMatch(terms: SearchTerms): string {
  return [...terms.words.map((w) => `"${w}"`), ...terms.phrases.map((p) => `"${p.join(' ')}"`)].join(' ');
}

/** Opens (creating on first use) the store in an SQLite file, or ':memory:'. */
export function openSqliteStore(path: string): SqlStore {
  const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  let db: Database;
  try {
    db = new Sqlite(path);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new UserError(`cannot open the store ${path}: ${(err as Error).message}`);
  }
  db.pragma('synchronous = NORMAL'); // WAL + NORMAL: a crash loses no committed transaction, a power cut at most the last ones
  db.pragma('busy_timeout = 10000');
  // 64 MB of page cache: the unique indexes on ids and hashes are written at random places, and
  // with the default 2 MB each insert into a large store reads its pages back from the file
  db.pragma('cache_size = -65536');
  db.function('km', { deterministic: true }, (lat1, lon1, lat2, lon2) => distanceKm({ lat: Number(lat1), lon: Number(lon1) }, { lat: Number(lat2), lon: Number(lon2) }));
  const backend = new SqliteBackend(db, path);
  migrateSync(db);
  return new SqlStore(backend);
}

function migrateSync(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').all().map((r) => (r as { version: number }).version));
  for (const m of pendingMigrations(MIGRATIONS, done)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

class SqliteBackend implements Backend {
  readonly name = 'sqlite' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {}

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all(sql: string, params: Param[] = []): Promise<Row[]> {
    const statement = this.prepare(sql);
    return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
  }

  async run(sql: string, params: Param[] = []): Promise<void> {
    this.prepare(sql).run(...params);
  }

  async transaction<T>(body: (tx: Sql) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await body(this);
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  async indexText(tx: Sql, seq: number, title: string, text: string): Promise<void> {
    await tx.run('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)', [seq, title, text]);
  }

  async unindexText(tx: Sql, seq: number, title: string, text: string): Promise<void> {
    await tx.run("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)", [seq, title, text]);
  }

  // FTS5 gives its matches in rowid order, newest first when asked, and the join stops at the LIMIT:
  // common words at 6k articles took 6-14 ms through `a.seq IN (matches)` (every match read), 0.2-4 ms this way
  textCondition(terms: SearchTerms): { sql: string; params: SearchParam[]; from: string; order: string } {
    return {
      from: 'articles_fts f JOIN articles a ON a.seq = f.rowid',
      sql: 'articles_fts MATCH ? AND f.rowid BETWEEN ? AND ?',
      params: [ftsMatch(terms), LO, HI],
      order: 'f.rowid DESC',
    };
  }

  // The R*Tree holds each distinct point once (a trigger adds a new one): the few points within the
  // radius, then their places in the window through places (lat, lon, article). A point stays when
  // the last article naming it is removed: one more point looked up, that finds no place.
  async indexPlaces(tx: Sql, fromSeq: number, toSeq: number): Promise<void> {
    await tx.run('INSERT OR IGNORE INTO points (lat, lon) SELECT lat, lon FROM places WHERE article BETWEEN ? AND ?', [fromSeq, toSeq]);
  }

  async unindexPlaces(): Promise<void> {}

  nearCondition({ lat, lon, km }: { lat: number; lon: number; km: number }): { sql: string; params: SearchParam[] } {
    const box = boundingBox(lat, lon, km);
    return {
      // CROSS JOIN keeps this order: left to choose, SQLite reads every place of the window instead
      sql: `a.seq IN (SELECT p.article FROM points_rtree r CROSS JOIN points q ON q.id = r.id CROSS JOIN places p ON p.lat = q.lat AND p.lon = q.lon
             WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ? AND km(q.lat, q.lon, ?, ?) <= ? AND p.article BETWEEN ? AND ?)`,
      params: [box.minLat, box.maxLat, box.minLon, box.maxLon, lat, lon, km, LO, HI],
    };
  }

  async bytes(): Promise<number> {
    if (this.path === ':memory:' || this.path === '') return 0;
    const size = (file: string) => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    return size(this.path) + size(`${this.path}-wal`);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
