/** The articles `npm run bench:corpus` stores: article i is pool article i mod n with a line of its own. */
import type { Analysis } from '../core/schema.js';
import { packForStore } from '../corpus/codec.js';
import type { NewArticle } from '../corpus/store.js';
import { documentId } from '../ingest/index.js';

export const OUTLETS = ['reuters.com', 'tass.com', 'kyivindependent.com', 'bbc.co.uk'];

export const publishedOn = (i: number) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`;

/**
 * Its text, hash, id and full-text entry are its own; it carries its pool article's Analysis,
 * whose spans stay valid since the text only grows at the end. The text hash is left to the
 * writer, as `add` hashes on its main thread (before analysing, to skip duplicates).
 */
export function benchArticle(pool: readonly Analysis[], i: number): Omit<NewArticle, 'textHash'> {
  const base = pool[i % pool.length]!;
  const text = `${base.document.text}\n\nBench article ${i}.`;
  const analysis: Analysis = { ...base, document: { ...base.document, text, id: documentId(text), publishedAt: publishedOn(i) } };
  return { analysis: packForStore(analysis), origin: `bench:${i}`, outlet: OUTLETS[i % OUTLETS.length]! };
}
