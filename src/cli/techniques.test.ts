import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

/** Two articles of our own in PTC layout, with gold labels written by hand. */
function ptcFolder(): { dir: string; gold: string } {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-ptc-'));
  const one = 'Mayor slams brutal crackdown\n\nThe so-called reform sent shockwaves through the town.\nCouncil members met on Monday.\n';
  const two = 'Harbour reopens 🚢\n\nThe harbour reopened on Tuesday after repairs.\n';
  writeFileSync(join(dir, 'article101.txt'), one);
  writeFileSync(join(dir, 'article102.txt'), two);
  const cp = (text: string, needle: string) => [...text.slice(0, text.indexOf(needle))].length;
  const gold = join(dir, 'gold.labels');
  writeFileSync(
    gold,
    [
      `101\tLoaded_Language\t${cp(one, 'brutal crackdown')}\t${cp(one, 'brutal crackdown') + 16}`,
      `101\tDoubt\t${cp(one, 'so-called')}\t${cp(one, 'so-called') + 16}`,
      `102\tLoaded_Language\t${cp(two, 'repairs')}\t${cp(two, 'repairs') + 7}`,
    ].join('\n'),
  );
  return { dir, gold };
}

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(['node', 'unspin', ...args]);
    return { code, out };
  } finally {
    spy.mockRestore();
    quiet.mockRestore();
  }
}

describe('unspin techniques / eval techniques', () => {
  it('writes predictions in the PTC label format, offsets in code points', async () => {
    const { dir } = ptcFolder();
    const out = join(dir, 'pred.labels');
    expect((await run(['techniques', '--articles', dir, '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const text = readFileSync(join(dir, 'article101.txt'), 'utf8');
    for (const line of lines) {
      const [id, technique, start, end] = line.split('\t');
      expect(['101', '102']).toContain(id);
      expect(technique).toMatch(/^[A-Z]/);
      expect(Number(end)).toBeGreaterThan(Number(start));
      if (id === '101') expect(text.slice(Number(start), Number(end)).trim().length).toBeGreaterThan(0);
    }
  });

  it("labels the spans of a TC template ('?' in the technique column)", async () => {
    const { dir, gold } = ptcFolder();
    const template = join(dir, 'template.labels');
    writeFileSync(template, readFileSync(gold, 'utf8').replace(/\t[A-Za-z_,-]+\t/g, '\t?\t'));
    const out = join(dir, 'tc.labels');
    expect((await run(['techniques', '--articles', dir, '--tc-template', template, '--out', out])).code).toBe(0);
    const labelled = readFileSync(out, 'utf8').trim().split('\n');
    expect(labelled).toHaveLength(3);
    expect(labelled.every((l) => !l.includes('?'))).toBe(true);
  });

  it('scores SI, FLC and TC as JSON', async () => {
    const { dir, gold } = ptcFolder();
    const { code, out } = await run(['eval', 'techniques', '--articles', dir, '--gold', gold, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.articles).toBe(2);
    for (const k of ['si', 'flc']) for (const m of ['precision', 'recall', 'f1']) expect(result[k][m]).toBeGreaterThanOrEqual(0);
    expect(result.tc.total).toBe(3);
  });

  it('scores a prediction file against the gold: a perfect file gets 1', async () => {
    const { dir, gold } = ptcFolder();
    const { out } = await run(['eval', 'techniques', '--articles', dir, '--gold', gold, '--pred', gold, '--json']);
    const result = JSON.parse(out);
    expect(result.si.f1).toBeCloseTo(1, 9);
    expect(result.flc.f1).toBeCloseTo(1, 9);
  });

  it('says what is missing in one line', async () => {
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'unspin', 'techniques', '--articles', '/nonexistent-ptc', '--out', '/tmp/x'])).toBe(1);
    } finally {
      quiet.mockRestore();
    }
  });
});
