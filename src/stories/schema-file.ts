/**
 * The committed JSON Schemas of the cross-article outputs (schema/stories.schema.json,
 * claims.schema.json, corpus-findings.schema.json), written by `npm run schema`; a test keeps them
 * equal to what schema.ts gives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSchema } from '@sinclair/typebox';
import { PACKAGE_ROOT } from '../core/paths.js';
import { ClaimsReportSchema, CorpusFindingsReportSchema, StoriesReportSchema } from './schema.js';

export const CORPUS_SCHEMAS: Record<string, TSchema> = {
  'stories.schema.json': StoriesReportSchema,
  'claims.schema.json': ClaimsReportSchema,
  'corpus-findings.schema.json': CorpusFindingsReportSchema,
};

export const schemaJson = (schema: TSchema) => `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`;
export const schemaPath = (file: string) => join(PACKAGE_ROOT, 'schema', file);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, schema] of Object.entries(CORPUS_SCHEMAS)) {
    writeFileSync(schemaPath(file), schemaJson(schema));
    console.log(`wrote ${schemaPath(file)}`);
  }
}
