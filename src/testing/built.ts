/**
 * For tests of the compiled tool (the CLI as a process, the worker-thread deadline, which only
 * compiled code has): they run when dist/ is built (`npm run build`; CI builds on install) and
 * are skipped, with the reason printed once, when it is not.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';

export const CLI = join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js');
const NEEDED = [CLI, join(PACKAGE_ROOT, 'dist', 'deadline', 'worker.js')];
let told = false;

/** `describe` that runs only when the compiled tool is there. */
export function describeWithBuild(name: string, body: () => void): void {
  const present = NEEDED.every((f) => existsSync(f));
  if (!present && !told) {
    told = true;
    console.warn(`[skip] ${name}: dist/ is not built (run npm run build)`);
  }
  if (present) describe(name, body);
  else describe.skip(name, () => void it('needs dist/ (npm run build)', () => {}));
}

/** A compiled module, by its path under dist/ ('deadline/run.js'). */
export function built<T>(path: string): Promise<T> {
  return import(pathToFileURL(join(PACKAGE_ROOT, 'dist', path)).href) as Promise<T>;
}

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node dist/cli/bin.js ...args` as a process, with `stdin` piped in (or none). */
export function runCli(args: readonly string[], options: { stdin?: string | Buffer; cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? PACKAGE_ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => {}); // the tool may exit before reading all of it
    child.stdin.end(options.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - t0 });
    });
  });
}
