/**
 * `analyze --reuse OLD`: earlier reports to keep unchanged layers from. The file holds one
 * report (--json), an array of them (--json on several articles) or one per line (--jsonl); each
 * article reuses the report of the same document.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.js';
import type { Analysis } from '../core/schema.js';
import { upgradeReport } from '../core/upgrade.js';

export async function readEarlierReports(path: string): Promise<Analysis[]> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(`--reuse ${path}: no such file`);
  });
  let values: unknown[];
  try {
    const trimmed = text.trim();
    values = trimmed.startsWith('[') ? (JSON.parse(trimmed) as unknown[]) : trimmed.startsWith('{') && !trimmed.includes('\n{') ? [JSON.parse(trimmed)] : trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  } catch (err) {
    throw new UsageError(`--reuse ${path}: not a JSON report, an array of them or JSON lines (${(err as Error).message})`);
  }
  for (const v of values) {
    const r = v as Partial<Analysis> | null;
    if (!r || typeof r !== 'object' || !r.document || typeof r.document.text !== 'string') {
      throw new UsageError(`--reuse ${path}: not an unspin report (no document)`);
    }
    if (!Array.isArray(r.layers)) {
      throw new UsageError(`--reuse ${path}: a report of schema ${String(r.schemaVersion)} has no per-layer provenance to reuse; analyse afresh`);
    }
  }
  return (values as Analysis[]).map(upgradeReport);
}
