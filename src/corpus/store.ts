/**
 * The corpus store: one narrow interface over plain parameterised SQL, with two backends (an
 * SQLite file by default, PostgreSQL for teams) that pass the same test suite (store.test.ts).
 * An article is stored with its whole Analysis and the rows that index it (full text, entity
 * names, places, techniques, source kinds), all in one transaction: a crash leaves an article
 * either wholly stored or absent. Writes queue for one writer, and what queued while it was busy
 * is committed together (group commit): one transaction per article when articles come slowly,
 * one per batch when they come faster than they can be committed one by one.
 */
import type { Analysis } from '../core/schema.js';
import type { PackedAnalysis } from './codec.js';

/** What `add` hands the store for one article. */
export interface NewArticle {
  /** packed where it was made (an analysis worker: codec.ts), or packed by the store */
  analysis: Analysis | PackedAnalysis;
  /** hash of the normalised text (dedup.ts): the same article, differently spaced, is one */
  textHash: string;
  /** canonical URL (rel=canonical, og:url, tracking parameters stripped), when known */
  canonicalUrl?: string;
  /** the outlet's domain, when known (outlets.ts) */
  outlet?: string;
  /** where it came from: a path, a URL, `feed URL`, `FILE.jsonl:LINE` */
  origin: string;
}

/** An article as listed: no text, no Analysis. */
export interface ArticleSummary {
  /** the document id (first 16 hex digits of the sha256 of the text) */
  id: string;
  title?: string;
  url?: string;
  canonicalUrl?: string;
  outlet?: string;
  /** YYYY-MM-DD or null */
  published: string | null;
  language: string;
  origin: string;
  /** ISO time it was stored */
  addedAt: string;
}

export interface StoredArticle extends ArticleSummary {
  analysis: Analysis;
}

export interface ListQuery {
  /** the newest first (default: in the order they were added) */
  newestFirst?: boolean;
  limit?: number;
  offset?: number;
}

/** Every filter narrows; `text` is words (all of them) and "quoted phrases". */
export interface SearchQuery {
  text?: string;
  /** any spelling of a name; a place name resolves to its GeoNames id (`geonamesIds`) */
  entity?: string;
  /** GeoNames ids the entity name resolves to, looked up by the caller in the gazetteer */
  geonamesIds?: number[];
  near?: { lat: number; lon: number; km: number };
  /** outlet domain or name */
  outlet?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** one of the 14 PTC techniques, spelled as in the report */
  technique?: string;
  /** a source kind (anonymous, outlet...) used at least once */
  sourceKind?: string;
  limit?: number;
}

/** A record of the outlets war reporting cites (outlets.ts), or one the user set. */
export interface Outlet {
  domain: string;
  name: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** wire-agency | state-media | public-broadcaster | independent | private | ... */
  kind?: string;
  /** 'lexicon' for our own records (refreshed on open), 'user' for `corpus outlet set` (never overwritten) */
  source?: 'lexicon' | 'user';
}

export interface Failure {
  origin: string;
  reason: string;
  at: string;
}

export interface StoreStats {
  articles: number;
  failed: number;
  outlets: { outlet: string; articles: number }[];
  languages: { language: string; articles: number }[];
  /** earliest and latest publication dates */
  published: { from: string | null; to: string | null };
  /** bytes on disk (SQLite file and its WAL; PostgreSQL: the tables and their indexes) */
  bytes: number;
}

/** What a conditional GET sends again: the validators of the last response for a URL. */
export interface FetchState {
  etag?: string;
  lastModified?: string;
}

export type PutResult = { stored: true; id: string } | { stored: false; id: string; reason: 'duplicate-url' | 'duplicate-text' };

export interface CorpusStore {
  readonly backend: 'sqlite' | 'postgres';
  /** the id of a stored article with this canonical URL or text hash (dedup before fetching or analysing) */
  find(keys: { canonicalUrl?: string; textHash?: string }): Promise<string | null>;
  /**
   * stores one article and its index rows, unless it is a duplicate; resolved once committed
   * (with the other articles queued meanwhile, in one transaction)
   */
  put(article: NewArticle): Promise<PutResult>;
  /** stores articles in one transaction, each unless a duplicate (of a stored one or of one before it) */
  putMany(articles: readonly NewArticle[]): Promise<PutResult[]>;
  /** replaces the Analysis of a stored article (reanalyze) and its index rows */
  update(id: string, analysis: Analysis | PackedAnalysis): Promise<void>;
  /** how many articles each set of analyzers made (made.ts; null: stored before it was recorded) */
  madeGroups(): Promise<{ made: string | null; articles: number }[]>;
  /** the articles one set of analyzers made, in the order added, read in pages */
  articlesMadeBy(made: string | null, pageSize?: number): AsyncIterable<StoredArticle>;
  /** records what made a stored Analysis (for one stored before it was recorded) */
  setMade(id: string, made: string): Promise<void>;
  /** an article by id, or by an unambiguous id prefix (4 characters at least) */
  get(id: string): Promise<StoredArticle | null>;
  list(query?: ListQuery): Promise<ArticleSummary[]>;
  /** every stored article with its Analysis, in the order added, read in pages (constant memory) */
  articles(pageSize?: number): AsyncIterable<StoredArticle>;
  search(query: SearchQuery): Promise<ArticleSummary[]>;
  remove(id: string): Promise<boolean>;
  count(): Promise<number>;

  recordFailure(origin: string, reason: string): Promise<void>;
  clearFailure(origin: string): Promise<void>;
  failures(): Promise<Failure[]>;

  /** a user's record replaces any; a lexicon record only another lexicon record */
  setOutlet(outlet: Outlet): Promise<void>;
  /** a user's record (lexicon records stay: the lexicon is read again on the next open) */
  removeOutlet(domain: string): Promise<boolean>;
  outlet(domain: string): Promise<Outlet | null>;
  outlets(): Promise<Outlet[]>;

  /** validators kept for conditional GET, set once what the URL gave is stored */
  fetchState(url: string): Promise<FetchState | null>;
  setFetchState(url: string, state: FetchState): Promise<void>;

  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
