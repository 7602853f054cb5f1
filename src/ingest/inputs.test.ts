import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_GENERATOR, expandInputs } from './inputs.js';

describe('expandInputs', () => {
  it('walks folders recursively, sorted, skipping hidden files, node_modules, other extensions and our reports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'unspin-inputs-'));
    for (const f of ['b.txt', 'a.html', 'sub/c.md', 'sub/deeper/d.htm', '.hidden.txt', 'node_modules/x.txt', 'notes.pdf', '.git/e.txt', 'sub/f.TXT', 'README.md']) {
      await mkdir(join(dir, f, '..'), { recursive: true });
      await writeFile(join(dir, f), 'x');
    }
    await writeFile(join(dir, 'a-report.html'), `<!doctype html><html><head><meta charset="utf-8">${REPORT_GENERATOR}0.1.0"></head></html>`);
    const names = (inputs: Awaited<ReturnType<typeof expandInputs>>) => inputs.map((i) => (i.kind === 'file' ? i.path.slice(dir.length + 1) : i.kind));
    expect(names(await expandInputs([dir]))).toEqual(['a.html', 'b.txt', 'sub/deeper/d.htm', 'sub/f.TXT']);
    // --ext md adds Markdown files, with or without the dot
    expect(names(await expandInputs([dir], { extensions: ['md'] }))).toEqual(['README.md', 'a.html', 'b.txt', 'sub/c.md', 'sub/deeper/d.htm', 'sub/f.TXT']);
  });

  it('tells stdin, URLs and files apart, keeping the order given', async () => {
    expect(await expandInputs(['-', 'https://example.org/a', 'ftp://example.org/b', 'missing.txt'])).toEqual([
      { kind: 'stdin' },
      { kind: 'url', url: 'https://example.org/a' },
      { kind: 'url', url: 'ftp://example.org/b' },
      { kind: 'file', path: 'missing.txt' },
    ]);
  });

  it('refuses a folder with no articles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'unspin-empty-'));
    await writeFile(join(dir, 'photo.jpg'), 'x');
    await expect(expandInputs([dir])).rejects.toThrow(`no articles in ${dir}`);
  });
});
