/**
 * `npm link` points `unspin` at dist/cli/bin.js: every path that rewrites it (build, bench,
 * schema, and npm install through prepare) must leave it executable, or the command stops with
 * "Permission denied".
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('the unspin executable', () => {
  it('is made executable by the script that writes it, and every build path runs that script', () => {
    expect(pkg.bin.unspin).toBe('dist/cli/bin.js');
    expect(pkg.scripts['build:cli']).toMatch(/--outfile=dist\/cli\/bin\.js && node -e "require\('fs'\)\.chmodSync\('dist\/cli\/bin\.js',0o755\)"$/);
    expect(pkg.scripts.build).toContain('npm run build:cli');
    expect(pkg.scripts.build).toContain('npm run build:worker');
    for (const script of ['bench', 'schema', 'prepare']) expect(pkg.scripts[script], script).toMatch(/^npm run build\b/);
  });

  it.skipIf(!existsSync(join(PACKAGE_ROOT, 'dist/cli/bin.js')))('is executable in dist/ after the last build', () => {
    expect(statSync(join(PACKAGE_ROOT, 'dist/cli/bin.js')).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

/**
 * Start-up time: every package the bundle imports statically is loaded before the first line of
 * the CLI runs, whatever the command. Feed parsing, the gazetteer compiler's country table, map
 * borders, databases load where they are used (feedsmith alone took a quarter of a second).
 */
describe.skipIf(!existsSync(join(PACKAGE_ROOT, 'dist/cli/bin.js')))('the CLI bundle', () => {
  it('imports no package at start-up but commander and the built-in modules', () => {
    const bundle = readFileSync(join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'utf8');
    const imported = [...bundle.matchAll(/^import\s[^;]*?\sfrom\s*"([^"]+)"/gm)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((m) => !m.startsWith('node:'))).toEqual(['commander']);
  });

  it('has a bundled analysis worker that imports no package statically', () => {
    const worker = readFileSync(join(PACKAGE_ROOT, 'dist/deadline/worker.js'), 'utf8');
    expect(worker).toContain('// src/deadline/worker.ts'); // esbuild's marker: one file, not tsc's import graph
    const imported = [...worker.matchAll(/^import\s[^;]*?\sfrom\s*"([^"]+)"/gm)].map((m) => m[1]!);
    expect(imported.filter((m) => !m.startsWith('node:'))).toEqual([]);
  });
});
