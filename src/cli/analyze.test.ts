/**
 * The `analyze` command run in-process, as a user would run it. Each bad input must give one
 * line on stderr naming the problem, a non-zero exit (2 for usage errors) and no stack trace.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../core/schema.js';
import { SEED_PATH, SEED_PUBLISHED, describeWithShared } from '../testing/shared.js';
import { main } from './main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  stdin?: string;
  /** pretend stdout / stderr is a terminal */
  ttyStdout?: boolean;
  ttyStderr?: boolean;
  env?: NodeJS.ProcessEnv;
}

async function run(args: string[], { stdin: stdinText, ttyStdout = false, ttyStderr = false, env = {} }: RunOptions = {}): Promise<Run> {
  const stdout = Object.assign(new PassThrough(), { isTTY: ttyStdout });
  const stderr = Object.assign(new PassThrough(), { isTTY: ttyStderr });
  const stdin = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  stdin.end(stdinText ?? '');
  const code = await main(['node', 'unspin', ...args], { stdout, stderr, stdin, env });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** One line, no stack trace, matching `message`. */
function expectOneLineError(r: Run, code: number, message: RegExp | string): void {
  expect(r.code).toBe(code);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^unspin: /);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const STORY =
  'The council voted on Tuesday to close the old bridge for repairs, the mayor said on Wednesday. ' +
  'Residents will use a ferry until the work is done, according to a statement from the city.';

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'unspin-cli-'));
  await writeFile(join(dir, 'story.txt'), STORY);
  server = http.createServer((req, res) => {
    if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body><article><p>${STORY}</p></article></body></html>`);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('unspin analyze: output', () => {
  it('prints the terminal summary by default, without colour when not on a TTY', async () => {
    const r = await run(['analyze', join(dir, 'story.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours a terminal, unless --no-color or NO_COLOR says not to', async () => {
    const story = join(dir, 'story.txt');
    expect((await run(['analyze', story], { ttyStdout: true })).stdout).toMatch(/\x1b\[/);
    expect((await run(['analyze', '--no-color', story], { ttyStdout: true })).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['analyze', story], { ttyStdout: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });

  it('prints the Analysis with --json, its text the file exactly', async () => {
    const r = await run(['analyze', '--json', '--published', '2025-12-17', join(dir, 'story.txt')]);
    expect(r.code, r.stderr).toBe(0);
    const analysis = JSON.parse(r.stdout) as Analysis;
    expect(analysis.document).toMatchObject({ text: STORY, publishedAt: '2025-12-17', publishedAtSource: 'option', language: 'en' });
    expect(analysis.sentences.length).toBeGreaterThan(0);
  });

  it('reads stdin for -', async () => {
    const r = await run(['analyze', '--json', '-'], { stdin: STORY });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Analysis).document.source).toEqual({ kind: 'stdin' });
  });

  it('fetches a URL (a local server here, hence --allow-private)', async () => {
    const r = await run(['analyze', '--json', '--allow-private', `${base}/story`]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Analysis).document).toMatchObject({ text: STORY, url: `${base}/story`, outlet: '127.0.0.1' });
  });

  it('writes one JSON line per article of a folder with --jsonl', async () => {
    const folder = join(dir, 'batch');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await writeFile(join(folder, 'a.txt'), STORY);
    await writeFile(join(folder, 'sub', 'b.md'), `# Ferry\n\n${STORY}`);
    const r = await run(['analyze', '--jsonl', folder]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(lines.map((a) => a.document.source.path)).toEqual([join(folder, 'a.txt'), join(folder, 'sub', 'b.md')]);
    const asArray = await run(['analyze', '--json', folder]);
    expect(asArray.code, asArray.stderr).toBe(0);
    expect((JSON.parse(asArray.stdout) as Analysis[]).map((a) => a.document.id)).toEqual(lines.map((a) => a.document.id));
  });

  it('writes the HTML report to a file, or one per article into a folder for a batch', async () => {
    const one = join(dir, 'report.html');
    const single = await run(['analyze', '--html', one, join(dir, 'story.txt')]);
    expect(single.code, single.stderr).toBe(0);
    expect(await readFile(one, 'utf8')).toMatch(/^<!doctype html>/i);
    const reports = join(dir, 'reports');
    const r = await run(['analyze', '--jsonl', '--html', reports, join(dir, 'story.txt'), join(dir, 'batch')]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(reports)).toHaveLength(3);
  });

  it('reports a failed article of a batch on one line, keeps the rest, and exits 1', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    const r = await run(['analyze', '--jsonl', join(dir, 'empty.txt'), join(dir, 'story.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect((JSON.parse(r.stdout) as Analysis).document.text).toBe(STORY);
    expect(r.stderr).toBe(`unspin: ${join(dir, 'empty.txt')}: the article is empty\nunspin: 1 of 2 articles failed\n`);
  });

  it('shows a progress bar on a terminal for a batch, with failures logged above it', async () => {
    const r = await run(['analyze', '--jsonl', join(dir, 'empty.txt'), join(dir, 'story.txt')], { ttyStderr: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2\/2/);
    expect(r.stderr).toContain(`unspin: ${join(dir, 'empty.txt')}: the article is empty`);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('unspin analyze: bad input', () => {
  it('an empty file', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    expectOneLineError(await run(['analyze', join(dir, 'empty.txt')]), 1, 'the article is empty');
  });
  it('a whitespace-only file', async () => {
    await writeFile(join(dir, 'blank.txt'), '  \n\n\t ');
    expectOneLineError(await run(['analyze', join(dir, 'blank.txt')]), 1, 'the article is only white space');
  });
  it('a binary file', async () => {
    const png = join(dir, 'x.png');
    await writeFile(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR'), Buffer.alloc(200, 3)]));
    expectOneLineError(await run(['analyze', png]), 1, `${png} looks like a binary file (PNG image), not an article`);
  });
  it('a 20 MB text, refused quickly; --max-bytes raises the limit', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, Buffer.alloc(20 * 1024 * 1024, 'a'));
    const t0 = performance.now();
    expectOneLineError(await run(['analyze', big]), 1, `${big} is 20.0 MB, over the 5.0 MB limit (use --max-bytes to raise it)`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expectOneLineError(await run(['analyze', '--max-bytes', '100', join(dir, 'story.txt')]), 1, 'over the 100 bytes limit');
  });
  it('an HTML page with no article', async () => {
    const page = join(dir, 'nav.html');
    await writeFile(page, '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    expectOneLineError(await run(['analyze', page]), 1, `no article text found in ${page}`);
  });
  it('a missing file', async () => {
    expectOneLineError(await run(['analyze', join(dir, 'nope.txt')]), 1, `cannot read ${join(dir, 'nope.txt')}: no such file`);
  });
  it('a folder with no articles', async () => {
    const folder = join(dir, 'photos');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.jpg'), 'x');
    expectOneLineError(await run(['analyze', folder]), 1, `no articles in ${folder}`);
  });
  it('a URL answering 404', async () => {
    expectOneLineError(await run(['analyze', '--allow-private', `${base}/gone`]), 1, `${base}/gone: HTTP 404`);
  });
  it('a URL to 127.0.0.1 without --allow-private', async () => {
    expectOneLineError(await run(['analyze', `${base}/story`]), 1, 'refused: 127.0.0.1 is a loopback address (use --allow-private to allow it)');
  });
  it('a URL to 10.0.0.1, refused before connecting', async () => {
    expectOneLineError(await run(['analyze', 'http://10.0.0.1/news']), 1, 'refused: 10.0.0.1 is a private address (use --allow-private to allow it)');
  });
  it('an invalid --published (usage error, exit 2)', async () => {
    expectOneLineError(await run(['analyze', '--published', '2025-02-30', join(dir, 'story.txt')]), 2, "--published must be a real date written YYYY-MM-DD, not '2025-02-30'");
    expectOneLineError(await run(['analyze', '--published', '15/12/2025', join(dir, 'story.txt')]), 2, '--published');
  });
  it('an unknown option, a missing argument, a bad number (exit 2)', async () => {
    expectOneLineError(await run(['analyze', '--jsn', join(dir, 'story.txt')]), 2, "unknown option '--jsn'");
    expectOneLineError(await run(['analyze']), 2, "missing required argument 'inputs'");
    expectOneLineError(await run(['analyze', '--budget', 'soon', join(dir, 'story.txt')]), 2, '--budget must be a positive whole number');
  });
});

describeWithShared(['seed'], 'unspin analyze on the seed article', () => {
  it('keeps the seed text exactly and takes the given publication date', async () => {
    const r = await run(['analyze', '--json', '--published', SEED_PUBLISHED, SEED_PATH]);
    expect(r.code, r.stderr).toBe(0);
    const analysis = JSON.parse(r.stdout) as Analysis;
    expect(analysis.document.text).toBe(readFileSync(SEED_PATH, 'utf8').replace(/^\ufeff/, ''));
    expect(analysis.document).toMatchObject({ language: 'en', publishedAt: SEED_PUBLISHED });
  });
});
