import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCorpusRules } from './findings/rules.js';
import { CORPUS_SCHEMAS, schemaJson, schemaPath } from './schema-file.js';
import { WIRE_STORY, origin, rewrite, storiesFor } from './testing.js';

const validator = (file: string) => new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaPath(file), 'utf8')));

describe('the cross-article JSON Schemas', () => {
  it.each(Object.keys(CORPUS_SCHEMAS))('%s is what schema.ts gives now (run `npm run schema` after changing it)', (file) => {
    expect(readFileSync(schemaPath(file), 'utf8')).toBe(schemaJson(CORPUS_SCHEMAS[file]!));
  });

  it('accept the stories and findings of an origin and its rewrite', async () => {
    const { stories } = await storiesFor([origin(), rewrite(WIRE_STORY.replace('3 civilians', '30 civilians'))]);
    const stories_ = validator('stories.schema.json');
    expect(stories_({ stories }) ? [] : stories_.errors).toEqual([]);
    const findings = validator('corpus-findings.schema.json');
    expect(findings({ findings: runCorpusRules({ stories }) }) ? [] : findings.errors).toEqual([]);
  });
});
