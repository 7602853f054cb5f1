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
import { fileURLToPath } from 'node:url';
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

  it('cuts page chrome from the text and lists it, says so in the terminal, and keeps it with --keep-chrome', async () => {
    const withChrome = `${STORY}\n\nAdvertisement\n\nFollow us on Telegram`;
    const path = join(dir, 'chrome.txt');
    await writeFile(path, withChrome);
    const cut = JSON.parse((await run(['analyze', '--json', path])).stdout) as Analysis;
    expect(cut.document.text).toBe(STORY);
    expect(cut.document.removed?.map((r) => [r.reason, r.text.trim()])).toEqual([
      ['advertisement', 'Advertisement'],
      ['call-to-action', 'Follow us on Telegram'],
    ]);
    for (const r of cut.document.removed!) expect(withChrome.slice(r.start, r.end)).toBe(r.text);
    expect((await run(['analyze', path])).stdout).toMatch(/page chrome cut: 2 lines \(advertisement 1, call-to-action 1\)/);
    const kept = JSON.parse((await run(['analyze', '--json', '--keep-chrome', path])).stdout) as Analysis;
    expect(kept.document.text).toBe(withChrome);
    expect(kept.document.removed).toBeUndefined();
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
    await writeFile(join(folder, 'sub', 'c.txt'), `Ferry. ${STORY}`);
    expect((await run(['analyze', '--jsonl', '--ext', 'md', folder])).stdout.trimEnd().split('\n')).toHaveLength(3);
    const r = await run(['analyze', '--jsonl', folder]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(lines.map((a) => a.document.source.path)).toEqual([join(folder, 'a.txt'), join(folder, 'sub', 'c.txt')]);
    const asArray = await run(['analyze', '--json', folder]);
    expect(asArray.code, asArray.stderr).toBe(0);
    expect((JSON.parse(asArray.stdout) as Analysis[]).map((a) => a.document.id)).toEqual(lines.map((a) => a.document.id));
  });

  it('writes the HTML report to a file, or one per article into a folder for a batch', async () => {
    const one = join(dir, 'report.html');
    const single = await run(['analyze', '--html', one, join(dir, 'story.txt')]);
    expect(single.code, single.stderr).toBe(0);
    expect(await readFile(one, 'utf8')).toMatch(/^<!doctype html>/i);
    // one line per written report instead of the terminal summary
    expect(single.stdout).toBe('');
    expect(single.stderr).toBe(`unspin: wrote ${one}\n`);
    const reports = join(dir, 'reports');
    const r = await run(['analyze', '--jsonl', '--html', reports, join(dir, 'story.txt'), join(dir, 'batch')]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(reports)).toHaveLength(3);
  });

  it('--html: a missing parent folder is created; an existing folder takes the report of one article', async () => {
    const nested = join(dir, 'new', 'deeper', 'r.html');
    expect((await run(['analyze', '--html', nested, join(dir, 'story.txt')])).code).toBe(0);
    expect(await readFile(nested, 'utf8')).toMatch(/^<!doctype html>/i);
    const folder = join(dir, 'existing');
    await mkdir(folder, { recursive: true });
    const r = await run(['analyze', '--html', folder, join(dir, 'story.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(folder)).toEqual([expect.stringMatching(/^story-[0-9a-f]{8}\.html$/)]);
  });

  it('--html: a file named for several articles, or an input as the output, is a usage error before any analysis', async () => {
    const t0 = performance.now();
    expectOneLineError(await run(['analyze', '--html', join(dir, 'one.html'), join(dir, 'story.txt'), join(dir, 'batch')]), 2, 'several articles need a folder');
    expect(await readdir(dir)).not.toContain('one.html');
    const page = join(dir, 'page.html');
    await writeFile(page, `<html><body><article><p>${STORY}</p></article></body></html>`);
    expectOneLineError(await run(['analyze', page, '--html', page]), 2, `--html ${page} is one of the inputs`);
    expect(await readFile(page, 'utf8')).toContain('<article>');
    expectOneLineError(await run(['analyze', join(dir, 'story.txt'), '--geojson', join(dir, 'story.txt')]), 2, 'is one of the inputs');
    expect(performance.now() - t0).toBeLessThan(3000); // no article was analysed
  });

  it('--html into a folder of articles: a second run does not analyse the first run\'s reports', async () => {
    const folder = join(dir, 'twice');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'a.txt'), STORY);
    await writeFile(join(folder, 'b.txt'), `Ferry. ${STORY}`);
    for (let i = 0; i < 2; i++) {
      const r = await run(['analyze', folder, '--html', folder]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
    }
    expect((await readdir(folder)).filter((f) => f.endsWith('.html'))).toHaveLength(2);
  });

  it('exports the places as GeoJSON and the layers as CSV tables, for one article or a batch', async () => {
    const geojson = join(dir, 'out', 'places.geojson');
    const csv = join(dir, 'out', 'tables');
    const r = await run(['analyze', '--geojson', geojson, '--csv', csv, join(dir, 'story.txt'), '-'], { stdin: `Ferry. ${STORY}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const geo = JSON.parse(await readFile(geojson, 'utf8')) as { type: string; features: unknown[] };
    expect(geo.type).toBe('FeatureCollection');
    expect((await readdir(csv)).sort()).toEqual(['attributions.csv', 'entities.csv', 'findings.csv', 'sentences.csv', 'techniques.csv', 'times.csv']);
    const header = (await readFile(join(csv, 'attributions.csv'), 'utf8')).split('\r\n')[0];
    expect(header).toBe('article,id,source,source_kind,cue,claim,claim_start,claim_end,mode,via,confidence');
    expectOneLineError(await run(['analyze', '--csv', geojson, join(dir, 'story.txt')]), 2, 'is a file; name a folder');
  });

  it('prints a summary table after a batch, and names stdin <stdin>', async () => {
    const r = await run(['analyze', join(dir, 'story.txt'), join(dir, 'batch')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nsummary: 3 articles, 3 analysed, 0 failed, \d+ findings\n/);
    expect(r.stdout).toContain(`${join(dir, 'story.txt')}\n`);
    const piped = await run(['analyze', '-'], { stdin: STORY });
    expect(piped.stdout.split('\n')[0]).toBe('<stdin>');
  });

  it('shows more sections with --sections or --verbose', async () => {
    const story = join(dir, 'story.txt');
    const plain = (await run(['analyze', story])).stdout;
    expect(plain).not.toMatch(/^(entities|times|timings)$/m);
    const some = (await run(['analyze', '--sections', 'entities,times', story])).stdout;
    expect(some).toMatch(/^entities$/m);
    expect(some).toMatch(/^times$/m);
    expect(some).not.toMatch(/^timings$/m);
    expect((await run(['analyze', '--verbose', story])).stdout).toMatch(/^timings$/m);
    expectOneLineError(await run(['analyze', '--sections', 'entities,gossip', story]), 2, "unknown section 'gossip'");
  });

  it('--min-confidence shows the technique candidates at least that confident, in the terminal and the HTML; the JSON keeps them apart', async () => {
    const wire = fileURLToPath(new URL('../../examples/wire-report.txt', import.meta.url));
    const json = JSON.parse((await run(['analyze', '--json', wire])).stdout) as Analysis;
    const shown = json.techniques.length;
    const candidates = (json.candidates ?? []).map((c) => c.confidence);
    expect(candidates.length, 'the example has candidates below the threshold').toBeGreaterThan(0);
    expect(json.techniqueSummary?.sentenceScores).toHaveLength(json.sentences.length);
    const cut = [...candidates].sort((a, b) => b - a)[1]!; // the two most confident candidates
    const rows = (out: string) => out.split('\n').filter((l) => /^\S+:\d+:\d+\s+technique\s/.test(l)).length;
    expect(rows((await run(['analyze', '--sections', 'techniques', wire])).stdout)).toBe(shown);
    const extra = candidates.filter((c) => c >= cut).length;
    expect(rows((await run(['analyze', '--sections', 'techniques', '--min-confidence', String(cut), wire])).stdout)).toBe(shown + extra);
    const html = join(dir, 'min-confidence.html');
    await run(['analyze', '--html', html, '--min-confidence', String(cut), wire]);
    const carried = JSON.parse(/<script type="application\/json" id="unspin-data">([^<]*)<\/script>/.exec(await readFile(html, 'utf8'))![1]!) as { analysis: Analysis };
    expect(carried.analysis.techniques).toHaveLength(shown + extra);
    expectOneLineError(await run(['analyze', '--min-confidence', '2', wire]), 2, '--min-confidence must be a number from 0 to 1');
  });

  it('--min-confidence hides the attributions less confident than that from the terminal; the JSON keeps them all', async () => {
    const story = join(dir, 'story.txt');
    const json = JSON.parse((await run(['analyze', '--json', story])).stdout) as Analysis;
    expect(json.attributions.length).toBeGreaterThan(0);
    expect(json.attributions.every((a) => a.confidence !== undefined)).toBe(true);
    const all = (await run(['analyze', '--sections', 'attributions', story])).stdout;
    expect((all.match(/ confidence \d\.\d\d/g) ?? []).length).toBe(json.attributions.length);
    const top = Math.max(...json.attributions.map((a) => a.confidence!));
    const shown = (await run(['analyze', '--sections', 'attributions', '--min-confidence', String(top), story])).stdout;
    expect((shown.match(/ confidence \d\.\d\d/g) ?? []).length).toBe(json.attributions.filter((a) => a.confidence! >= top).length);
    expect(JSON.parse((await run(['analyze', '--json', '--min-confidence', String(top), story])).stdout).attributions).toHaveLength(json.attributions.length);
  });

  it('--fail-on makes findings set the exit code (3)', async () => {
    const story = join(dir, 'story.txt');
    const json = JSON.parse((await run(['analyze', '--json', story])).stdout) as Analysis;
    const worst = json.findings.some((f) => f.severity === 'error') ? 'error' : json.findings.some((f) => f.severity === 'warning') ? 'warning' : json.findings.length ? 'info' : null;
    expect(worst, 'the story has a finding').not.toBeNull();
    const r = await run(['analyze', '--fail-on', worst!, story]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^unspin: \\d+ findings? at ${worst} or above \\(--fail-on ${worst}\\)\n$`));
    if (worst !== 'error') expect((await run(['analyze', '--fail-on', 'error', story])).code).toBe(0);
    expectOneLineError(await run(['analyze', '--fail-on', 'severe', story]), 2, '--fail-on must be info, warning or error');
  });

  it('honours FORCE_COLOR when stdout is not a terminal (but not over NO_COLOR or --no-color)', async () => {
    const story = join(dir, 'story.txt');
    expect((await run(['analyze', story], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\x1b\[/);
    expect((await run(['analyze', story], { ttyStdout: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['analyze', story], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
  });

  it('wraps to the terminal width on a terminal, never inside a quotation; a pipe gets one line per row', async () => {
    const story = join(dir, 'story.txt');
    const piped = (await run(['analyze', '--verbose', story])).stdout;
    const narrow = (await run(['analyze', '--verbose', story], { env: { COLUMNS: '60' } })).stdout;
    const quotes = (text: string) => text.match(/“[^”]*”/g) ?? [];
    expect(quotes(narrow)).toEqual(quotes(piped));
    expect(narrow.split('\n').length).toBeGreaterThan(piped.split('\n').length);
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
  // Issue 18: 200 MB let through --max-bytes ended in a V8 fatal error (exit 133) after 3.7 GB.
  it('--max-bytes above its ceiling, before anything is read', async () => {
    expectOneLineError(await run(['analyze', '--max-bytes', '200M', join(dir, 'story.txt')]), 2, "--max-bytes can be at most 10.0 MB (analysis needs about 200 times an article's size in memory), not '200M'");
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
