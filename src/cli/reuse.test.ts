import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEarlierReports } from './reuse.js';

const dir = mkdtempSync(join(tmpdir(), 'unspin-reuse-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const report = (id: string) => ({ schemaVersion: '1.1.0', document: { id, text: 't' }, layers: [] });

describe('--reuse', () => {
  it('reads one report, an array of them, or JSON lines', async () => {
    expect(await readEarlierReports(file('one.json', JSON.stringify(report('a'), null, 2)))).toHaveLength(1);
    expect(await readEarlierReports(file('many.json', JSON.stringify([report('a'), report('b')], null, 2)))).toHaveLength(2);
    expect(await readEarlierReports(file('lines.jsonl', `${JSON.stringify(report('a'))}\n${JSON.stringify(report('b'))}\n`))).toHaveLength(2);
  });

  it('refuses, in one line, a missing file, bad JSON, something else, and a report without provenance', async () => {
    await expect(readEarlierReports(join(dir, 'absent.json'))).rejects.toThrow(/no such file/);
    await expect(readEarlierReports(file('bad.json', '{ nope'))).rejects.toThrow(/not a JSON report/);
    await expect(readEarlierReports(file('other.json', '{"a":1}'))).rejects.toThrow(/not an unspin report/);
    await expect(readEarlierReports(file('old.json', JSON.stringify({ schemaVersion: '1.0.0', document: { text: 't' } })))).rejects.toThrow(
      /schema 1.0.0 has no per-layer provenance/,
    );
  });
});
