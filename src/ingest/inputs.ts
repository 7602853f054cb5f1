/**
 * Command-line arguments -> inputs: '-' is stdin, a scheme:// argument a URL, a folder the
 * article files under it (recursively, sorted, hidden files and node_modules skipped, and never
 * an HTML report unspin wrote there), anything else a file (a missing one fails when it is read,
 * as that article's own error).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Input } from './types.js';

/** What a folder is searched for; `extensions` adds to it (a README.md beside articles is not one). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.html', '.htm'];

export async function expandInputs(args: readonly string[], options: { extensions?: readonly string[] } = {}): Promise<Input[]> {
  const wanted = new Set([...ARTICLE_EXTENSIONS, ...(options.extensions ?? [])].map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()));
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') inputs.push({ kind: 'stdin' });
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) inputs.push({ kind: 'url', url: arg });
    else if ((await stat(arg).catch(() => null))?.isDirectory()) {
      const files = await articleFiles(arg, wanted);
      if (files.length === 0) {
        throw new UserError(`no articles in ${arg} (looked for ${[...wanted].join(' ')} files)`);
      }
      inputs.push(...files.map((path) => ({ kind: 'file' as const, path })));
    } else inputs.push({ kind: 'file', path: arg });
  }
  return inputs;
}

/**
 * Article files under a folder, sorted by path. Symlinked folders are not followed (no loops);
 * anything else named like an article (a FIFO, a dangling link) is listed, to fail when read.
 */
async function articleFiles(dir: string, extensions: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (extensions.has(extname(entry.name).toLowerCase())) {
        const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : null;
        if (entry.isFile() || target?.isFile()) {
          if (!(await isOurReport(path))) found.push(path);
        } else if (!target?.isDirectory()) found.push(path); // a FIFO, socket, device or dangling link: refused when read, and counted
      }
    }
  }
  return found.sort();
}

/** Our own HTML reports name their generator in the head (html.ts): a second run must not analyse them. */
export const REPORT_GENERATOR = '<meta name="generator" content="unspin ';

async function isOurReport(path: string): Promise<boolean> {
  if (!/\.x?html?$/i.test(path)) return false;
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const head = Buffer.alloc(2048);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(REPORT_GENERATOR);
  } finally {
    await file.close();
  }
}

/** How an input is named in messages. */
export function inputName(input: Input): string {
  switch (input.kind) {
    case 'file':
      return input.path;
    case 'url':
      return input.url;
    case 'stdin':
      return 'stdin';
    default:
      return input.path ?? (input.kind === 'html' ? input.url : undefined) ?? 'input';
  }
}
