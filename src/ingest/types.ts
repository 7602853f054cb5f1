import type { DocumentInfo, Message } from '../core/schema.js';

/** The rule of the warning given when no publication date is found (the corpus drops it when a feed gives one). */
export const NO_PUBLICATION_DATE = 'no-publication-date';

/** What the user handed us. */
export type Input =
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string }
  /** standard input, or the given stream (tests, embedding callers) */
  | { kind: 'stdin'; stream?: NodeJS.ReadableStream }
  | { kind: 'text'; text: string; path?: string }
  | { kind: 'html'; html: string; url?: string; path?: string };

export interface IngestOptions {
  /** YYYY-MM-DD; sets or overrides the publication date */
  published?: string;
  /** let URL fetching reach loopback, private and link-local addresses */
  allowPrivate?: boolean;
  /** URL fetching: whole-exchange timeout in ms (default 15 s) */
  timeoutMs?: number;
  /** largest input accepted, in bytes, for files, stdin and downloads alike (default 5 MB) */
  maxBytes?: number;
  /** the input's character encoding, whatever a BOM, a declaration or the bytes say ('windows-1251') */
  encoding?: string;
  /** keep the page chrome (ad markers, calls to follow or subscribe, share bars, photo credits, related stories) in the text */
  keepChrome?: boolean;
}

export interface Ingested {
  info: DocumentInfo;
  /** problems met while reading, as messages of source 'ingest': replaced bytes, a date that could not be found... */
  warnings: Message[];
}
