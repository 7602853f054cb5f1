import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { allRules } from './rules.js';
import { analyze } from '../analyze.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';

describe('unspin rules', () => {
  it('gives every rule an id unique in its analyzer and a doc', () => {
    const rows = allRules();
    expect(rows.map((r) => r.source)).toEqual(expect.arrayContaining(['findings', 'techniques']));
    const ids = rows.map((r) => `${r.source}/${r.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) expect(r.doc.length, r.id).toBeGreaterThan(0);
  });

  it('lists one rule a line', async () => {
    let out = '';
    const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true }, stdin: process.stdin, env: {} };
    expect(await main(['node', 'unspin', 'rules'], io as never)).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(allRules().length);
    expect(out).toMatch(/^findings\s+chronology\s+\w+\s+\S/m);
  });

  it('names, in every message of a report, a rule it lists', async () => {
    const text = readFileSync(join(PACKAGE_ROOT, 'examples', 'wire-report.txt'), 'utf8');
    const a = await analyze({ kind: 'text', text }, { published: '2025-11-18' });
    const listed = new Set(allRules().map((r) => `${r.source}/${r.id}`));
    const messages = [...a.findings, ...a.techniques, ...(a.candidates ?? [])];
    expect(a.techniques.length).toBeGreaterThan(0);
    for (const m of messages) expect(listed, `${m.source}/${m.rule}`).toContain(`${m.source}/${m.rule}`);
  });
});
