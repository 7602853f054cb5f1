/**
 * Versioned schema migrations: each backend lists its own, numbered from 1; a store records the
 * versions applied (table schema_migrations), and opening it applies the missing ones in order,
 * each in its own transaction.
 */
import { UserError } from '../core/errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations still to apply, in order; a store newer than this code is refused. */
export function pendingMigrations(migrations: readonly Migration[], done: ReadonlySet<number>): Migration[] {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...done);
  if (newest > latest) throw new UserError(`the store was written by a newer unspin (schema version ${newest}; this one knows ${latest}): upgrade unspin`);
  return migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}
