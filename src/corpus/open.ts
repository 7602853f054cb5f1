/**
 * Which store a location names: a postgres:// or postgresql:// URL is PostgreSQL, anything else
 * an SQLite file (created on first use). The CLI takes it from --store, else UNSPIN_STORE, else
 * ./unspin.db.
 */
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { CorpusStore } from './store.js';

export const DEFAULT_STORE = 'unspin.db';

export function storeLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.UNSPIN_STORE ?? DEFAULT_STORE;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export async function openStore(location: string): Promise<CorpusStore> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}
