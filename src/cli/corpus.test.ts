/**
 * `unspin corpus` as a user runs it: in-process for ls, show, search, rm, stats and outlet; the
 * compiled CLI in a child process for the crash test (SIGKILL in the middle of `add`, then `add`
 * again: every article stored exactly once).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import { testBackends } from '../corpus/test-stores.js';
import { runCli } from '../testing/cli.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');

const run = runCli;

/** A report of our own, about 150 words, different for each n. */
const report = (n: number) =>
  [
    `Report ${n}: officials in Kharkiv said on Tuesday that ${n} buildings had been damaged overnight.`,
    `“We counted ${n + 2} craters near the station,” the regional governor told reporters, adding that repairs would start at once.`,
    `A source in the city administration, who asked not to be named, said ${n * 3} families had been moved to shelters.`,
    `The claims could not be independently verified. Residents described a night of relentless attacks and fear.`,
  ].join('\n\n');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unspin-corpus-cli-'));
  await mkdir(join(dir, 'few'));
  for (let n = 1; n <= 3; n++) await writeFile(join(dir, 'few', `r${n}.txt`), report(n));
  await mkdir(join(dir, 'many'));
  for (let n = 1; n <= 40; n++) await writeFile(join(dir, 'many', `r${String(n).padStart(2, '0')}.txt`), report(100 + n));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

for (const backend of testBackends()) {
  describe(`unspin corpus on ${backend.name}`, () => {
    afterAll(() => backend.cleanup());

    it('adds a folder, lists it, shows, searches, removes, counts', async () => {
      const { store, location } = await backend.open();
      await store.close();
      const added = await run(['corpus', '--store', location, 'add', join(dir, 'few'), '--jobs', '1', '--published', '2025-05-06']);
      expect(added.stderr).toContain('3 added, 0 already stored, 0 failed');
      expect(added.code).toBe(0);
      const ls = await run(['corpus', '--store', location, 'ls']);
      const lines = ls.stdout.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^[0-9a-f]{16}  2025-05-06  /);
      const id = lines[0]!.slice(0, 16);

      const shown = JSON.parse((await run(['corpus', '--store', location, 'show', id.slice(0, 8), '--json'])).stdout);
      const n = Number(/^Report (\d+)/.exec(shown.document.text)![1]);
      expect(shown.document.text).toBe(report(n));
      expect((await run(['corpus', '--store', location, 'show', id])).stdout).toContain('attributions');

      const found = JSON.parse((await run(['corpus', '--store', location, 'search', `"${n} buildings"`, '--json'])).stdout);
      expect(found.map((a: { id: string }) => a.id)).toEqual([id]);
      const anonymous = JSON.parse((await run(['corpus', '--store', location, 'search', '--source-kind', 'collective', '--entity', 'Kharkov', '--json'])).stdout);
      expect(anonymous).toHaveLength(3);
      const near = await run(['corpus', '--store', location, 'search', '--near', '49.99,36.23,20']);
      expect(near.stdout.trim().split('\n')).toHaveLength(3);
      expect((await run(['corpus', '--store', location, 'search', '--near', '91,0,5'])).stderr).toMatch(/^unspin: --near must be LAT,LON,KM/);

      // added by today's analyzers: nothing to recompute
      const reanalyzed = await run(['corpus', '--store', location, 'reanalyze', '--jobs', '1', '--json']);
      expect(reanalyzed.code).toBe(0);
      expect(JSON.parse(reanalyzed.stdout)).toMatchObject({ articles: 3, upToDate: 3, reanalysed: 0, failed: 0, dryRun: false });
      expect(reanalyzed.stderr).toContain('3 up to date, 0 reanalysed, 0 failed (of 3)');

      expect((await run(['corpus', '--store', location, 'rm', id])).code).toBe(0);
      const stats = JSON.parse((await run(['corpus', '--store', location, 'stats', '--json'])).stdout);
      expect(stats).toMatchObject({ backend: backend.name, articles: 2, failed: 0 });
      const missing = await run(['corpus', '--store', location, 'show', id]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^unspin: no stored article has the id/);
    });

    it('keeps outlet records: the lexicon, and the user’s own over it', async () => {
      const { store, location } = await backend.open();
      await store.close();
      expect((await run(['corpus', '--store', location, 'outlet', 'set', 'tass.com', '--name', 'TASS', '--country', 'ru', '--kind', 'wire-agency'])).code).toBe(0);
      const outlets = JSON.parse((await run(['corpus', '--store', location, 'outlet', 'ls', '--json'])).stdout);
      expect(outlets.find((o: { domain: string }) => o.domain === 'tass.com')).toMatchObject({ country: 'RU', kind: 'wire-agency', source: 'user' });
      expect(outlets.find((o: { domain: string }) => o.domain === 'reuters.com')).toMatchObject({ kind: 'wire-agency', source: 'lexicon' });
      expect((await run(['corpus', '--store', location, 'outlet', 'set', 'not a domain', '--name', 'x'])).code).toBe(2);
    });

    it.skipIf(!existsSync(BIN))('killed with SIGKILL in the middle of add, then add again: every article stored exactly once', async () => {
      const { store, location } = await backend.open();
      const folder = join(dir, 'many');
      const add = () => spawn(process.execPath, [BIN, 'corpus', '--store', location, 'add', folder, '--jobs', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
      const child = add();
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      // wait until some articles are committed, then kill it without warning
      const deadline = Date.now() + 90_000;
      while ((await store.count()) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGKILL');
      await exited;
      const before = await store.count();
      expect(before).toBeGreaterThanOrEqual(3);
      expect(before).toBeLessThan(40);

      const again = add();
      let stderr = '';
      again.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((done) => again.on('exit', done));
      expect(code).toBe(0);
      expect(stderr).toContain(`${40 - before} added, ${before} already stored, 0 failed`);
      const stored = await store.list();
      expect(stored).toHaveLength(40);
      const origins = stored.map((a) => a.origin).sort();
      expect(origins).toEqual(Array.from({ length: 40 }, (_, i) => resolve(folder, `r${String(i + 1).padStart(2, '0')}.txt`)));
      for await (const article of store.articles()) expect(article.analysis.document.text).toBe(report(100 + Number(/r(\d+)\.txt$/.exec(article.origin)![1])));
      await store.close();
    });
  });
}
