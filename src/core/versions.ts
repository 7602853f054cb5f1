/**
 * The source fingerprint of each analyzer of the registry: a sha256 over every file of src/ its
 * module reaches through value imports (type-only imports cannot change what it returns). The
 * fingerprints are committed in src/analyzers.lock.json with each analyzer's version; a test fails
 * when a fingerprint changes while the version stays, so a stored layer is never silently made by
 * other code than its version says. `npm run versions` rewrites the file after a bump.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

const SRC = join(PACKAGE_ROOT, 'src');
export const LOCK_FILE = join(SRC, 'analyzers.lock.json');

export interface LockEntry {
  version: number;
  sources: string;
}
export type Lock = Record<string, LockEntry>;

// `import x from`, `import { a, type B } from`, `export { a } from`, `import('...')`; not `import type` / `export type`
const VALUE_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

/** The src/ files a module reaches through value imports, itself included, sorted. */
export function valueClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(VALUE_IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      const target = resolve(dirname(path), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(file);
  return [...seen].sort();
}

export function fingerprint(file: string): string {
  const hash = createHash('sha256');
  for (const path of valueClosure(file)) hash.update(`${relative(SRC, path)}\0${readFileSync(path, 'utf8')}\0`);
  return hash.digest('hex').slice(0, 16);
}

const REGISTRY = join(SRC, 'analyzers.ts');
// `import { a, b } from './x/analyzer.js';` in the registry
const REGISTRY_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'(\.[^']+)'/g;

/** Each registered analyzer's module, by the name it is exported as. */
export function analyzerModules(): { exportName: string; file: string }[] {
  const out: { exportName: string; file: string }[] = [];
  for (const m of readFileSync(REGISTRY, 'utf8').matchAll(REGISTRY_IMPORT)) {
    const file = resolve(SRC, m[2]!.replace(/\.js$/, '.ts'));
    for (const name of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) out.push({ exportName: name, file });
  }
  return out;
}

export const readLock = (): Lock => (existsSync(LOCK_FILE) ? (JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as Lock) : {});
export const lockJson = (lock: Lock) => `${JSON.stringify(lock, null, 2)}\n`;
