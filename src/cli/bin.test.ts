import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import { CLI, describeWithBuild, runCli } from '../testing/built.js';

const WIRE = join(PACKAGE_ROOT, 'examples', 'wire-report.txt');

describeWithBuild('unspin as a process: inputs that are not files, a closed pipe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'unspin-bin-'));
  });

  // Issue 18: `mkfifo f.txt; unspin analyze f.txt examples/wire-report.txt` blocked forever.
  it('refuses a FIFO argument at once and goes on with the batch', async () => {
    const fifo = join(dir, 'f.txt');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['analyze', fifo, WIRE, '--jsonl'], { timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`unspin: ${fifo} is a named pipe (FIFO), not a regular file: only files are read (use - for standard input)\nunspin: 1 of 2 articles failed\n`);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  }, 90_000);

  // Issue 18: in folders, dangling links and FIFOs were skipped without a word and not counted.
  it('names and counts what a folder holds that cannot be read', async () => {
    const folder = join(dir, 'articles');
    await mkdir(folder);
    await writeFile(join(folder, 'a.txt'), 'The council voted on Tuesday to close the bridge, the mayor said.');
    execFileSync('mkfifo', [join(folder, 'b.txt')]);
    await symlink(join(folder, 'gone.txt'), join(folder, 'c.txt'));
    const r = await runCli(['analyze', folder, '--jsonl'], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `unspin: ${join(folder, 'b.txt')} is a named pipe (FIFO), not a regular file: only files are read (use - for standard input)`,
      `unspin: cannot read ${join(folder, 'c.txt')}: a symbolic link to nothing`,
      'unspin: 2 of 3 articles failed',
      '',
    ]);
  }, 90_000);

  // Issue 18: `| head -c100` printed a 16-line stack trace.
  it('ends quietly when the reader closes the pipe', async () => {
    const child = spawn(process.execPath, [CLI, 'analyze', WIRE, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  }, 90_000);

  it('takes --encoding, and refuses an unknown one as a usage error', async () => {
    const r = await runCli(['analyze', WIRE, '--encoding', 'klingon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("unspin: --encoding must be a character encoding such as utf-8, windows-1251 or koi8-r, not 'klingon'\n");
    const ru = join(dir, 'ru.txt');
    await writeFile(ru, Buffer.from('\u00cf\u00f0\u00e8\u00e2\u00e5\u00f2, \u00ec\u00e8\u00f0.', 'latin1')); // "Привет, мир." in Windows-1251
    const read = await runCli(['analyze', ru, '--json', '--encoding', 'windows-1251']);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).document.text).toBe('Привет, мир.');
  }, 90_000);
});
