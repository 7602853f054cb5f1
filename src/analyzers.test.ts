import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnyAnalyzer } from './core/analyzer.js';
import { analyzerModules, fingerprint, lockJson, LOCK_FILE, readLock, type Lock } from './core/versions.js';
import { defaultAnalyzers } from './analyzers.js';

/** The lock as the sources and versions give it now. */
async function currentLock(): Promise<Lock> {
  const lock: Lock = {};
  for (const { exportName, file } of analyzerModules()) {
    const a = ((await import(file)) as Record<string, AnyAnalyzer>)[exportName]!;
    lock[a.name] = { version: a.version, sources: fingerprint(file) };
  }
  return lock;
}

describe('analyzer versions', () => {
  it('lists every analyzer of the registry', async () => {
    expect(Object.keys(await currentLock()).sort()).toEqual(defaultAnalyzers.map((a) => a.name).sort());
  });

  // A stored layer is stale when its analyzer's version differs: code that changes what an
  // analyzer returns must bump it. UNSPIN_WRITE_LOCK=1 rewrites the lock after a bump.
  it('changes whenever an analyzer’s sources change (src/analyzers.lock.json)', async () => {
    const now = await currentLock();
    if (process.env.UNSPIN_WRITE_LOCK) writeFileSync(LOCK_FILE, lockJson(now));
    const locked = readLock();
    const problems: string[] = [];
    for (const [name, { version, sources }] of Object.entries(now)) {
      const was = locked[name];
      if (!was) problems.push(`${name}: not in the lock; run \`npm run versions\``);
      else if (was.sources !== sources && was.version === version) {
        problems.push(`${name}: its sources changed but its version is still ${version}; bump \`version\` in its analyzer and run \`npm run versions\``);
      } else if (was.sources !== sources || was.version !== version) problems.push(`${name}: version ${version} is not in the lock; run \`npm run versions\``);
    }
    expect(problems).toEqual([]);
  });
});

describe('the registry', () => {
  it('leaves out of the report exactly the layers an analyzer gives no `absent` value for, and the schema agrees', async () => {
    const { Type, OptionalKind } = await import('@sinclair/typebox');
    for (const a of defaultAnalyzers) {
      if (!a.schema) continue;
      expect(OptionalKind in a.schema(Type), a.name).toBe(a.absent === undefined);
    }
  });
});
