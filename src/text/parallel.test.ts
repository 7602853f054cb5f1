import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../analyze.js';
import { defineAnalyzer } from '../core/analyzer.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { warmInParallel } from './parallel.js';
import { provideSegmentation, segment } from './segment.js';

describe('segment with a layer provided', () => {
  it('takes a layer computed elsewhere once, for that text and language only', () => {
    const text = 'Provided once. Then computed.';
    const layer = { sentences: [{ start: 0, end: 4 }], tokens: [] };
    provideSegmentation(text, 'en', layer);
    expect(segment(text, 'ru')).not.toBe(layer);
    expect(segment(text, 'en')).toBe(layer);
    expect(segment(text, 'en').sentences).toHaveLength(2);
  });
});

describe('warmInParallel', () => {
  it('warms every analyzer, leaves segmentation as it would be in line, and runs once per process', async () => {
    const text = 'The council met on Monday. The mayor said the bridge would close.';
    const warm = vi.fn();
    const probe = defineAnalyzer({ name: 'probe', version: 1, requires: [], adds: 'findings', run: () => [], warm });
    await warmInParallel(text, 'en', [probe]);
    expect(warm).toHaveBeenCalledTimes(1);
    const expected = segment(`${text} `, 'en'); // a different text: computed in line
    expect(segment(text, 'en').sentences).toEqual(expected.sentences);
    await warmInParallel(text, 'en', [probe]);
    expect(warm).toHaveBeenCalledTimes(1);
  });
});

const BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');
if (!existsSync(BIN)) console.warn(`[skip] the built CLI's worker path: ${BIN} is absent (run npm run build)`);

describe.skipIf(!existsSync(BIN))('the built CLI, which segments on a worker at start-up', () => {
  it('reports what the library reports in line', async () => {
    const example = join(PACKAGE_ROOT, 'examples', 'wire-report.txt');
    const printed = execFileSync(process.execPath, [BIN, 'analyze', example, '--json', '--published', '2025-11-20'], { encoding: 'utf8' });
    const fromCli = JSON.parse(printed);
    const inLine = await analyze({ kind: 'file', path: example }, { published: '2025-11-20' });
    for (const layer of ['sentences', 'entities', 'attributions', 'times', 'techniques', 'findings'] as const) {
      expect(fromCli[layer], layer).toEqual(JSON.parse(JSON.stringify(inLine[layer])));
    }
  });
});
