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
    for (const script of ['bench', 'schema', 'prepare']) expect(pkg.scripts[script], script).toMatch(/^npm run build\b/);
  });

  it.skipIf(!existsSync(join(PACKAGE_ROOT, 'dist/cli/bin.js')))('is executable in dist/ after the last build', () => {
    expect(statSync(join(PACKAGE_ROOT, 'dist/cli/bin.js')).mode & 0o111).toBe(0o111);
    expect(readFileSync(join(PACKAGE_ROOT, 'dist/cli/bin.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});
