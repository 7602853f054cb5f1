/**
 * Command-line arguments -> inputs: '-' is stdin, a scheme:// argument a URL, a folder the
 * article files under it (recursively, sorted, hidden files and node_modules skipped), anything
 * else a file (a missing one fails when it is read, as that article's own error).
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Input } from './types.js';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

export async function expandInputs(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') inputs.push({ kind: 'stdin' });
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) inputs.push({ kind: 'url', url: arg });
    else if ((await stat(arg).catch(() => null))?.isDirectory()) {
      const files = await articleFiles(arg);
      if (files.length === 0) {
        throw new UserError(`no articles in ${arg} (looked for ${[...ARTICLE_EXTENSIONS].join(' ')} files)`);
      }
      inputs.push(...files.map((path) => ({ kind: 'file' as const, path })));
    } else inputs.push({ kind: 'file', path: arg });
  }
  return inputs;
}

/** Article files under a folder, sorted by path. Symlinked folders are not followed (no loops). */
async function articleFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile());
        if (isFile) found.push(path);
      }
    }
  }
  return found.sort();
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
