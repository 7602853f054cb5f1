/**
 * dist/ ships what the tool runs and nothing else: every compiled module is reached from an entry
 * point (the executable, the library, a script of package.json, a command a module documents as
 * `node dist/x.js`, a worker) through imports, so a
 * test fixture or helper that only tests import stays out (tsconfig.build.json excludes them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';

const DIST = join(PACKAGE_ROOT, 'dist');
const SRC = join(PACKAGE_ROOT, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Source files reached from the entries through relative imports, worker URLs, and 'dist/x/y.js' paths written in the code (workers). */
function reached(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g)) stack.push(resolve(dirname(file), `${m[1]}.ts`));
    // a worker started from its own URL: new Worker(new URL('./x-worker.js', import.meta.url))
    for (const m of text.matchAll(/new URL\('(\.{1,2}\/[^']+)\.js', import\.meta\.url\)/g)) stack.push(resolve(dirname(file), `${m[1]}.ts`));
    for (const m of text.matchAll(/join\(PACKAGE_ROOT, 'dist', ((?:'[\w.-]+',? ?)+)\)/g)) {
      const parts = [...m[1]!.matchAll(/'([\w.-]+)'/g)].map((p) => p[1]!);
      stack.push(join(SRC, ...parts).replace(/\.js$/, '.ts'));
    }
  }
  return seen;
}

describe('dist/', () => {
  it.skipIf(!existsSync(join(DIST, 'index.js')))('holds no module that only tests use', () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    const scripts = Object.values(pkg.scripts).flatMap((s) => [...s.matchAll(/dist\/([\w/.-]+)\.js/g)].map((m) => join(SRC, `${m[1]}.ts`)));
    const sources = walk(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const documented = sources.filter((f) => readFileSync(f, 'utf8').includes(`node dist/${relative(SRC, f).replace(/\.ts$/, '.js')}`));
    const entries = [join(SRC, 'cli/bin.ts'), join(SRC, pkg.main.replace(/^dist\//, '').replace(/\.js$/, '.ts')), ...scripts, ...documented];
    const used = reached(entries);
    const shipped = walk(DIST)
      .filter((f) => f.endsWith('.js') && !f.startsWith(join(DIST, 'report', 'page')))
      .map((f) => join(SRC, relative(DIST, f)).replace(/\.js$/, '.ts'))
      .filter((f) => existsSync(f));
    expect(shipped.filter((f) => !used.has(f)).map((f) => relative(SRC, f))).toEqual([]);
  });
});
