/**
 * The committed JSON Schema of the report, `schema/analysis.schema.json`, generated from the
 * TypeBox `AnalysisSchema` by `npm run schema` (which runs this module). A test checks the
 * committed file against what the schema gives now, so the two cannot drift.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisSchema } from '../core/schema.js';
import { PACKAGE_ROOT } from '../core/paths.js';

export const SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'analysis.schema.json');

/** The file's exact contents: draft-07, two-space indented, ending in a newline. */
export function analysisSchemaJson(): string {
  // JSON.stringify keeps TypeBox's plain keywords and drops its symbol-keyed bookkeeping
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...AnalysisSchema };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, analysisSchemaJson());
  console.log(`wrote ${SCHEMA_FILE}`);
}
