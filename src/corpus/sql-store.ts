/**
 * The queries of the corpus store, written once in plain parameterised SQL ('?' placeholders)
 * and run by a backend (sqlite.ts, postgres.ts) that supplies the connection and the few things
 * SQL dialects do differently: full-text and spatial indexing, and how the store's size is read.
 */
import type { Analysis } from '../core/schema.js';
import { asBuffer, isPacked, packForStore, unpackAnalysis, type PackedAnalysis } from './codec.js';
import { normaliseName, type IndexRows } from './rows.js';
import type {
  ArticleSummary,
  CorpusStore,
  Failure,
  FetchState,
  ListQuery,
  NewArticle,
  Outlet,
  PutResult,
  SearchQuery,
  StoreStats,
  StoredArticle,
} from './store.js';

export type Param = string | number | null | Buffer;
export type Row = Record<string, unknown>;

/**
 * A search reads the store newest first, a window of seqs at a time (search): LO and HI stand in
 * its conditions' parameters for the window's bounds, and are replaced by numbers at each step.
 */
export const LO = Symbol('lowest seq of the window');
export const HI = Symbol('highest seq of the window');
export type SearchParam = Param | typeof LO | typeof HI;

/** A connection, or a transaction on one. */
export interface Sql {
  all(sql: string, params?: Param[]): Promise<Row[]>;
  run(sql: string, params?: Param[]): Promise<void>;
}

/** What a backend supplies. */
export interface Backend extends Sql {
  readonly name: 'sqlite' | 'postgres';
  /** runs `body` in one transaction (committed when it resolves, rolled back when it throws) */
  transaction<T>(body: (tx: Sql) => Promise<T>): Promise<T>;
  /** adds an article's text to the full-text index (PostgreSQL does it in a generated column) */
  indexText(tx: Sql, seq: number, title: string, text: string): Promise<void>;
  unindexText(tx: Sql, seq: number, title: string, text: string): Promise<void>;
  /**
   * a condition that holds for articles matching all words and phrases; with `from` and `order`,
   * the full-text index joined to `a` drives the search, read newest first, so that its LIMIT
   * stops it early however many articles match
   */
  textCondition(terms: SearchTerms): { sql: string; params: SearchParam[]; from?: string; order?: string };
  /** adds the points of the places of articles from..to (seqs) to the spatial index, if the backend keeps one apart */
  indexPlaces(tx: Sql, fromSeq: number, toSeq: number): Promise<void>;
  unindexPlaces(tx: Sql, seq: number): Promise<void>;
  /** a condition on `a.seq` for articles with a place within km of the point, those of the window (LO, HI) only read */
  nearCondition(near: { lat: number; lon: number; km: number }): { sql: string; params: SearchParam[] };
  bytes(): Promise<number>;
  close(): Promise<void>;
}

/** Words (each must occur) and phrases (each must occur as written), lower-cased. */
export interface SearchTerms {
  words: string[];
  phrases: string[][];
}

/** `war "front line" Kharkiv` -> words [war, kharkiv], phrases [[front, line]]. */
export function searchTerms(text: string): SearchTerms {
  const words: string[] = [];
  const phrases: string[][] = [];
  const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const rest = text.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const t = tokens(phrase);
    if (t.length === 1) words.push(t[0]!);
    else if (t.length > 1) phrases.push(t);
    return ' ';
  });
  words.push(...tokens(rest));
  return { words: [...new Set(words)], phrases };
}

const DEFAULT_LIMIT = 50;
/**
 * Seqs a search reads first (the newest); each further step reads four times as many older ones.
 * A condition's subquery reads only the window, through the index that leads with its key then
 * the article, so a search costs what the matches in the windows read cost, not every match: at
 * 100k bench articles, entity and radius searches (p95) took 38 and 203 ms read whole (every match,
 * then the newest 50), under 1 ms a window at a time. A rare match costs what it did: the windows
 * grow to the whole store in a few steps.
 */
const FIRST_WINDOW = 1024;
/** articles committed in one transaction at most */
const MAX_BATCH = 500;
/** rows in one INSERT at most: a few statement shapes (powers of two), reused, and far below either backend's parameter limit */
const MAX_ROWS = 256;

/** Inserts rows of equal width with as few statements as powers of two allow (256 + 64 + 2 + 1 for 323). */
async function insertValues(tx: Sql, into: string, rows: readonly Param[][]): Promise<void> {
  let at = 0;
  while (at < rows.length) {
    let n = MAX_ROWS;
    while (n > rows.length - at) n >>= 1;
    const chunk = rows.slice(at, at + n);
    const tuple = `(${chunk[0]!.map(() => '?').join(', ')})`;
    await tx.run(`INSERT INTO ${into} VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`, chunk.flat());
    at += n;
  }
}
const SUMMARY_COLUMNS = 'a.seq, a.id, a.title, a.url, a.canonical_url, a.outlet, a.published, a.language, a.origin, a.added_at';

export class SqlStore implements CorpusStore {
  /** one writer at a time: transactions on one SQLite connection cannot interleave */
  private writing: Promise<unknown> = Promise.resolve();
  /** articles `put` and not yet committed */
  private readonly queued: { article: NewArticle; resolve: (r: PutResult) => void; reject: (e: unknown) => void }[] = [];
  private committing = false;

  constructor(private readonly db: Backend) {}

  get backend(): 'sqlite' | 'postgres' {
    return this.db.name;
  }

  private exclusive<T>(body: () => Promise<T>): Promise<T> {
    const next = this.writing.then(body, body);
    this.writing = next.catch(() => undefined);
    return next;
  }

  async find(keys: { canonicalUrl?: string; textHash?: string }): Promise<string | null> {
    const rows = await this.db.all('SELECT id FROM articles WHERE canonical_url = ? OR text_hash = ? LIMIT 1', [
      keys.canonicalUrl ?? null,
      keys.textHash ?? null,
    ]);
    return (rows[0]?.id as string | undefined) ?? null;
  }

  put(article: NewArticle): Promise<PutResult> {
    return new Promise((resolve, reject) => {
      this.queued.push({ article, resolve, reject });
      this.commitQueued();
    });
  }

  /** Commits what is queued, in batches, until the queue is empty; one such loop at a time. */
  private commitQueued(): void {
    if (this.committing) return;
    this.committing = true;
    setImmediate(async () => {
      while (this.queued.length > 0) {
        const batch = this.queued.splice(0, MAX_BATCH);
        try {
          const results = await this.putMany(batch.map((q) => q.article));
          batch.forEach((q, i) => q.resolve(results[i]!));
        } catch (err) {
          // one article's error must not fail the others queued with it: each alone again
          if (batch.length === 1) batch[0]!.reject(err);
          else for (const q of batch) await this.putMany([q.article]).then(([r]) => q.resolve(r!), q.reject);
        }
      }
      this.committing = false;
    });
  }

  putMany(articles: readonly NewArticle[]): Promise<PutResult[]> {
    if (articles.length === 0) return Promise.resolve([]);
    const packed = articles.map((a) => (isPacked(a.analysis) ? a.analysis : packForStore(a.analysis)));
    return this.exclusive(() =>
      this.db.transaction(async (tx) => {
        const results: PutResult[] = [];
        const indexed: { seq: number; rows: IndexRows }[] = [];
        for (const [i, article] of articles.entries()) {
          const { document: doc, made } = packed[i]!;
          const [dup] = await tx.all('SELECT id, canonical_url, text_hash FROM articles WHERE canonical_url = ? OR text_hash = ? OR id = ? LIMIT 1', [
            article.canonicalUrl ?? null,
            article.textHash,
            doc.id,
          ]);
          await tx.run('DELETE FROM failures WHERE origin = ?', [article.origin]);
          if (dup) {
            const reason = article.canonicalUrl && dup.canonical_url === article.canonicalUrl ? 'duplicate-url' : 'duplicate-text';
            results.push({ stored: false, id: dup.id as string, reason });
            continue;
          }
          const [row] = await tx.all(
            `INSERT INTO articles (id, text_hash, canonical_url, url, title, outlet, published, language, origin, added_at, text, analysis, made)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
            [
              doc.id,
              article.textHash,
              article.canonicalUrl ?? null,
              doc.url ?? null,
              doc.title ?? null,
              article.outlet ?? null,
              doc.publishedAt,
              doc.language,
              article.origin,
              new Date().toISOString(),
              doc.text,
              asBuffer(packed[i]!.packed),
              made,
            ],
          );
          const seq = Number(row!.seq);
          await this.db.indexText(tx, seq, doc.title ?? '', doc.text);
          indexed.push({ seq, rows: packed[i]!.rows });
          results.push({ stored: true, id: doc.id });
        }
        await this.insertRows(tx, indexed);
        return results;
      }),
    );
  }

  update(id: string, analysis: Analysis | PackedAnalysis): Promise<void> {
    const packed = isPacked(analysis) ? analysis : packForStore(analysis);
    return this.exclusive(() =>
      this.db.transaction(async (tx) => {
        const [row] = await tx.all('SELECT seq FROM articles WHERE id = ?', [id]);
        if (!row) return;
        const seq = Number(row.seq);
        await this.deleteRows(tx, seq);
        await tx.run('UPDATE articles SET analysis = ?, made = ? WHERE seq = ?', [asBuffer(packed.packed), packed.made, seq]);
        await this.insertRows(tx, [{ seq, rows: packed.rows }]);
      }),
    );
  }

  /** The index rows of articles just stored (seqs ascending), a few statements for all of them. */
  private async insertRows(tx: Sql, articles: readonly { seq: number; rows: IndexRows }[]): Promise<void> {
    if (articles.length === 0) return;
    const rows = (pick: (r: IndexRows) => readonly Param[][]) => articles.flatMap(({ seq, rows: r }) => pick(r).map((values) => [seq, ...values]));
    await insertValues(tx, 'names (article, name, type, geonames_id)', rows((r) => r.names.map((n) => [n.name, n.type, n.geonamesId])));
    await insertValues(tx, 'places (article, geonames_id, name, lat, lon)', rows((r) => r.places.map((p) => [p.geonamesId, p.name, p.lat, p.lon])));
    await this.db.indexPlaces(tx, articles[0]!.seq, articles.at(-1)!.seq);
    await insertValues(tx, 'techniques (article, technique)', rows((r) => r.techniques.map((t) => [t])));
    await insertValues(tx, 'source_kinds (article, kind)', rows((r) => r.sourceKinds.map((k) => [k])));
  }

  private async deleteRows(tx: Sql, seq: number): Promise<void> {
    await this.db.unindexPlaces(tx, seq);
    for (const table of ['names', 'places', 'techniques', 'source_kinds']) await tx.run(`DELETE FROM ${table} WHERE article = ?`, [seq]);
  }

  async madeGroups(): Promise<{ made: string | null; articles: number }[]> {
    const rows = await this.db.all('SELECT made, count(*) AS n FROM articles GROUP BY made ORDER BY n DESC');
    return rows.map((r) => ({ made: (r.made as string | null) ?? null, articles: Number(r.n) }));
  }

  async *articlesMadeBy(made: string | null, pageSize = 100): AsyncIterable<StoredArticle> {
    const which = made === null ? 'a.made IS NULL' : 'a.made = ?';
    let after = 0;
    for (;;) {
      const rows = await this.db.all(`SELECT ${SUMMARY_COLUMNS}, a.text, a.analysis FROM articles a WHERE ${which} AND a.seq > ? ORDER BY a.seq LIMIT ?`, [
        ...(made === null ? [] : [made]),
        after,
        pageSize,
      ]);
      for (const row of rows) yield toStored(row);
      if (rows.length < pageSize) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  setMade(id: string, made: string): Promise<void> {
    return this.exclusive(() => this.db.run('UPDATE articles SET made = ? WHERE id = ?', [made, id]));
  }

  async get(id: string): Promise<StoredArticle | null> {
    const key = id.trim().toLowerCase();
    if (!/^[0-9a-f]{4,16}$/.test(key)) return null;
    const rows = await this.db.all(`SELECT ${SUMMARY_COLUMNS}, a.text, a.analysis FROM articles a WHERE a.id LIKE ? LIMIT 2`, [`${key}%`]);
    return rows.length === 1 ? toStored(rows[0]!) : null;
  }

  async list(query: ListQuery = {}): Promise<ArticleSummary[]> {
    const rows = await this.db.all(`SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.seq ${query.newestFirst ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`, [
      query.limit ?? 1_000_000_000,
      query.offset ?? 0,
    ]);
    return rows.map(toSummary);
  }

  async *articles(pageSize = 200): AsyncIterable<StoredArticle> {
    let after = 0;
    for (;;) {
      const rows = await this.db.all(`SELECT ${SUMMARY_COLUMNS}, a.text, a.analysis FROM articles a WHERE a.seq > ? ORDER BY a.seq LIMIT ?`, [after, pageSize]);
      for (const row of rows) yield toStored(row);
      if (rows.length < pageSize) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  async search(query: SearchQuery): Promise<ArticleSummary[]> {
    const where: string[] = ['a.seq BETWEEN ? AND ?'];
    const params: SearchParam[] = [LO, HI];
    const add = (sql: string, ...values: SearchParam[]) => {
      where.push(sql);
      params.push(...values);
    };
    const window = 'article BETWEEN ? AND ?';
    let from = 'articles a';
    let order = 'a.seq DESC';
    if (query.text !== undefined) {
      const terms = searchTerms(query.text);
      if (terms.words.length === 0 && terms.phrases.length === 0) return [];
      const cond = this.db.textCondition(terms);
      from = cond.from ?? from;
      order = cond.order ?? order;
      add(cond.sql, ...cond.params);
    }
    if (query.entity !== undefined) {
      const ids = query.geonamesIds ?? [];
      const byName = `SELECT article FROM names WHERE name = ? AND ${window}`;
      if (ids.length === 0) add(`a.seq IN (${byName})`, normaliseName(query.entity), LO, HI);
      else {
        const byId = `SELECT article FROM names WHERE geonames_id IN (${ids.map(() => '?').join(', ')}) AND ${window}`;
        add(`a.seq IN (${byName} UNION ${byId})`, normaliseName(query.entity), LO, HI, ...ids, LO, HI);
      }
    }
    if (query.near) {
      const cond = this.db.nearCondition(query.near);
      add(cond.sql, ...cond.params);
    }
    if (query.outlet !== undefined) {
      const outlet = query.outlet.trim().toLowerCase();
      add('(lower(a.outlet) = ? OR a.outlet IN (SELECT domain FROM outlets WHERE lower(name) = ?))', outlet, outlet);
    }
    if (query.from) add('a.published >= ?', query.from);
    if (query.to) add('a.published <= ?', query.to);
    if (query.technique) add(`a.seq IN (SELECT article FROM techniques WHERE technique = ? AND ${window})`, query.technique, LO, HI);
    if (query.sourceKind) add(`a.seq IN (SELECT article FROM source_kinds WHERE kind = ? AND ${window})`, query.sourceKind, LO, HI);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const [top] = await this.db.all('SELECT max(seq) AS seq FROM articles');
    const found: ArticleSummary[] = [];
    // newest first, a window at a time, until the limit is reached or the oldest article read
    for (let hi = Number(top?.seq ?? 0), span = FIRST_WINDOW; hi >= 1 && found.length < limit; span *= 4) {
      const lo = Math.max(1, hi - span + 1);
      const values = params.map((p) => (p === LO ? lo : p === HI ? hi : p));
      for (const row of await this.db.all(sql, [...values, limit - found.length])) found.push(toSummary(row));
      hi = lo - 1;
    }
    return found;
  }

  remove(id: string): Promise<boolean> {
    return this.exclusive(() =>
      this.db.transaction(async (tx) => {
        const [row] = await tx.all('SELECT seq, title, text FROM articles WHERE id = ?', [id]);
        if (!row) return false;
        const seq = Number(row.seq);
        await this.deleteRows(tx, seq);
        await this.db.unindexText(tx, seq, (row.title as string | null) ?? '', row.text as string);
        await tx.run('DELETE FROM articles WHERE seq = ?', [seq]);
        return true;
      }),
    );
  }

  async count(): Promise<number> {
    const [row] = await this.db.all('SELECT count(*) AS n FROM articles');
    return Number(row!.n);
  }

  recordFailure(origin: string, reason: string): Promise<void> {
    return this.exclusive(() =>
      this.db.run('INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?) ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason, at = excluded.at', [
        origin,
        reason,
        new Date().toISOString(),
      ]),
    );
  }

  clearFailure(origin: string): Promise<void> {
    return this.exclusive(() => this.db.run('DELETE FROM failures WHERE origin = ?', [origin]));
  }

  async failures(): Promise<Failure[]> {
    const rows = await this.db.all('SELECT origin, reason, at FROM failures ORDER BY at, origin');
    return rows.map((r) => ({ origin: r.origin as string, reason: r.reason as string, at: r.at as string }));
  }

  setOutlet(outlet: Outlet): Promise<void> {
    const source = outlet.source ?? 'user';
    // a lexicon record never replaces a user's
    const guard = source === 'lexicon' ? " WHERE outlets.source = 'lexicon'" : '';
    return this.exclusive(() =>
      this.db.run(
        `INSERT INTO outlets (domain, name, country, kind, source) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (domain) DO UPDATE SET name = excluded.name, country = excluded.country, kind = excluded.kind, source = excluded.source${guard}`,
        [outlet.domain.toLowerCase(), outlet.name, outlet.country ?? null, outlet.kind ?? null, source],
      ),
    );
  }

  removeOutlet(domain: string): Promise<boolean> {
    return this.exclusive(async () => {
      const rows = await this.db.all("DELETE FROM outlets WHERE domain = ? AND source = 'user' RETURNING domain", [domain.toLowerCase()]);
      return rows.length > 0;
    });
  }

  async fetchState(url: string): Promise<FetchState | null> {
    const [row] = await this.db.all('SELECT etag, last_modified FROM fetches WHERE url = ?', [url]);
    if (!row) return null;
    return {
      ...(row.etag ? { etag: row.etag as string } : {}),
      ...(row.last_modified ? { lastModified: row.last_modified as string } : {}),
    };
  }

  setFetchState(url: string, state: FetchState): Promise<void> {
    return this.exclusive(() =>
      this.db.run(
        `INSERT INTO fetches (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`,
        [url, state.etag ?? null, state.lastModified ?? null, new Date().toISOString()],
      ),
    );
  }

  async outlet(domain: string): Promise<Outlet | null> {
    const [row] = await this.db.all('SELECT domain, name, country, kind, source FROM outlets WHERE domain = ?', [domain.toLowerCase()]);
    return row ? toOutlet(row) : null;
  }

  async outlets(): Promise<Outlet[]> {
    return (await this.db.all('SELECT domain, name, country, kind, source FROM outlets ORDER BY domain')).map(toOutlet);
  }

  async stats(): Promise<StoreStats> {
    const [counts] = await this.db.all(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM failures) AS failed, (SELECT min(published) FROM articles) AS first, (SELECT max(published) FROM articles) AS last',
    );
    const outlets = await this.db.all("SELECT coalesce(outlet, '') AS outlet, count(*) AS n FROM articles a GROUP BY outlet ORDER BY n DESC, outlet");
    const languages = await this.db.all('SELECT language, count(*) AS n FROM articles GROUP BY language ORDER BY n DESC, language');
    return {
      articles: Number(counts!.articles),
      failed: Number(counts!.failed),
      outlets: outlets.map((r) => ({ outlet: r.outlet as string, articles: Number(r.n) })),
      languages: languages.map((r) => ({ language: r.language as string, articles: Number(r.n) })),
      published: { from: (counts!.first as string | null) ?? null, to: (counts!.last as string | null) ?? null },
      bytes: await this.db.bytes(),
    };
  }

  close(): Promise<void> {
    return this.writing.then(() => this.db.close());
  }
}

function toSummary(row: Row): ArticleSummary {
  const opt = (key: string) => (row[key] === null || row[key] === undefined ? undefined : (row[key] as string));
  return {
    id: row.id as string,
    ...optionalField('title', opt('title')),
    ...optionalField('url', opt('url')),
    ...optionalField('canonicalUrl', opt('canonical_url')),
    ...optionalField('outlet', opt('outlet')),
    published: (row.published as string | null) ?? null,
    language: row.language as string,
    origin: row.origin as string,
    addedAt: row.added_at as string,
  };
}

function toStored(row: Row): StoredArticle {
  return { ...toSummary(row), analysis: unpackAnalysis(row.analysis as Uint8Array, row.text as string) };
}

function toOutlet(row: Row): Outlet {
  return {
    domain: row.domain as string,
    name: row.name as string,
    ...optionalField('country', (row.country as string | null) ?? undefined),
    ...optionalField('kind', (row.kind as string | null) ?? undefined),
    source: row.source as 'lexicon' | 'user',
  };
}

function optionalField<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
