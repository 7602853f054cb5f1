import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Analysis } from '../core/schema.js';
import type { Input } from '../ingest/index.js';
import { DEFAULT_MAX_BYTES } from '../ingest/limits.js';
import { built, describeWithBuild, runCli } from '../testing/built.js';

type Run = typeof import('./run.js');
const WIRE = join(PACKAGE_ROOT, 'examples', 'wire-report.txt');
// Issue 18: 'officials said ' x 66,000 (1 MB) spent 42 s in attributions, past any budget.
const RUN_ON = `The Kremlin denied the report. ${'officials said '.repeat(66_000)}`;

describeWithBuild('the hard deadline (compiled worker)', () => {
  let run: Run;
  let dir: string;
  beforeAll(async () => {
    run = await built<Run>('deadline/run.js');
    run.keepSpareWorker(); // as the CLI does in a batch
    await run.warmAnalysisWorker();
    dir = await mkdtemp(join(tmpdir(), 'unspin-deadline-'));
  }, 60_000);

  it('stops an article at its budget, keeps what finished and names what was cut', async () => {
    const t0 = performance.now();
    const a: Analysis = await run.analyzeWithin({ kind: 'text', text: RUN_ON }, { budgetMs: 1500 });
    expect(performance.now() - t0).toBeLessThan(1500 + 1000);
    expect(a.document.text).toBe(RUN_ON);
    const ran = a.timings.map((t) => t.analyzer);
    expect(a.cut.length).toBeGreaterThan(0);
    expect(a.cut.every((c) => /^[a-z-]+ \(.*time budget of 1500 ms spent/.test(c.message))).toBe(true);
    expect([...ran, ...a.cut.map((c) => c.evidence?.analyzer as string)]).toEqual(expect.arrayContaining(['sentences', 'attributions', 'findings']));
  }, 30_000);

  it('goes on with the next article on a fresh worker', async () => {
    await run.warmAnalysisWorker(); // the worker replacing the one stopped above, off the clock
    await run.analyzeWithin({ kind: 'text', text: RUN_ON }, { budgetMs: 500 });
    const next = await run.analyzeWithin({ kind: 'file', path: WIRE } as Input, { budgetMs: 30_000 });
    expect(next.cut).toEqual([]);
    expect(next.attributions.length).toBeGreaterThan(0);
    expect(next.document.text).toBe(readFileSync(WIRE, 'utf8'));
  }, 60_000);

  it('in a batch of hostile articles, returns each within its budget + 1 s, the restart of a stopped worker included', async () => {
    const budgetMs = 2000;
    const batch: Input[] = [
      { kind: 'text', text: RUN_ON },
      { kind: 'text', text: '"a" '.repeat(125_000) }, // issue 18: overflowed the terminal formatter
      { kind: 'html', html: `${'<b>'.repeat(300_000)}The Kremlin denied the report on Tuesday, officials said.` }, // issue 18: 116 s of HTML parsing
      { kind: 'file', path: WIRE } as Input,
      { kind: 'text', text: RUN_ON },
    ];
    const outcomes: string[] = [];
    for (const input of batch) {
      const t0 = performance.now();
      try {
        const a = await run.analyzeWithin(input, { budgetMs });
        outcomes.push(a.cut.length > 0 ? 'cut' : 'whole');
      } catch (err) {
        // the errors allowed: the budget went on waiting for a worker that replaces a stopped one,
        // or on decoding the article itself (300,000 unclosed tags on a loaded machine)
        expect((err as Error).message).toMatch(/ran out while (the analysis restarted|it was decoded)/);
        outcomes.push('restart');
      }
      expect(performance.now() - t0).toBeLessThan(budgetMs + 1000);
    }
    expect(outcomes[0]).toBe('cut');
  }, 120_000);

  /**
   * Writes `content` to a file, analyses it as the CLI reads it, checks the report with `check`, and
   * asserts it all took at most the budget + 1 s. On a loaded machine the budget may run out while
   * a stopped worker is replaced, or during the parse: that one-line error is an answer too.
   */
  async function withinBudgetFromFile(name: string, content: string, budgetMs: number, check: (a: Analysis) => void): Promise<void> {
    const path = join(dir, name);
    await writeFile(path, content);
    const t0 = performance.now();
    try {
      check(await run.analyzeWithin({ kind: 'file', path } as Input, { budgetMs }));
    } catch (err) {
      expect((err as Error).message).toMatch(/ran out while (the analysis restarted|it was decoded)/);
    }
    expect(performance.now() - t0).toBeLessThan(budgetMs + 1000);
  }

  // Found by the 30-minute fuzz run: ~20,000 nested <td> and run-on text, 30.6 s of HTML ingest in line.
  it('returns nested cells, tables, lists and unclosed inline tags with run-on text within the budget + 1 s, read from a file as the CLI does', async () => {
    const budgetMs = 1000;
    const runOn = `The Kremlin denied the report. ${'officials said according to '.repeat(3000)}`;
    const pages = [
      `${'<td>'.repeat(20_000)}${runOn}`,
      `${'<table><tr><td>'.repeat(20_000)}${runOn}`,
      `${'<ul><li>according to '.repeat(40_000)}`,
      `${'<b>officials <i>said <span>the <a href="x">report '.repeat(40_000)}${runOn}`,
    ];
    await run.warmAnalysisWorker({ html: true });
    for (const [i, html] of pages.entries()) {
      await withinBudgetFromFile(`nested-${i}.html`, html, budgetMs, (a) => expect(a.document.text.length).toBeGreaterThan(1000));
    }
    const path = join(dir, 'nested-cli.html');
    await writeFile(path, pages[0]!);
    const r = await runCli(['analyze', path, '--json', '--budget', String(budgetMs)]);
    expect([0, 1]).toContain(r.code);
    if (r.code === 0) expect((JSON.parse(r.stdout) as Analysis).document.text).toContain('The Kremlin denied the report.');
    else expect(r.stderr).toMatch(/^unspin: [^\n]+ ran out while [^\n]+\n$/);
  }, 120_000);

  // Issue 18: 160 KB of 'according to' took 29 s, 1 MB past 300 s; repeated wire text at 2.5 MB
  // spent 48 s in findings against the 10 s default. Up to the size limit, within budget + 1 s.
  it('returns any text up to the size limit within the budget + 1 s, read from a file as the CLI does', async () => {
    const budgetMs = 2000;
    const wire = readFileSync(WIRE, 'utf8');
    const limit = DEFAULT_MAX_BYTES - 1024;
    const texts = [
      `The Kremlin denied the report. ${'according to '.repeat(12_500)}`, // 160 KB
      `The Kremlin denied the report. ${'according to '.repeat(80_000)}`, // 1 MB
      `${wire}\n\n`.repeat(Math.floor(2_500_000 / (wire.length + 2))), // 2.5 MB of wire text
      `${wire}\n\n`.repeat(Math.floor(limit / (Buffer.byteLength(wire) + 2))), // the size limit
    ];
    await run.warmAnalysisWorker();
    for (const [i, text] of texts.entries()) {
      await withinBudgetFromFile(`long-${i}.txt`, text, budgetMs, (a) => {
        expect(a.document.text.length).toBe(text.length);
        // finished or cut, as the machine's speed allows: each layer is there or named as cut
        const cut = new Set(a.cut.map((c) => c.evidence?.layer));
        for (const l of ['sentences', 'attributions', 'techniques', 'findings']) expect(a.layers.some((p) => p.layer === l) || cut.has(l), l).toBe(true);
      });
    }
  }, 120_000);

  it('analyses again after its workers were released (the CLI releases them after its only article)', async () => {
    await run.releaseAnalysisWorkers();
    await run.releaseAnalysisWorkers(); // nothing left to stop
    const a = await run.analyzeWithin({ kind: 'text', text: 'The ministry said on Monday that talks would resume.' });
    expect(a.sentences).toHaveLength(1);
  }, 60_000);

  it('reports the errors of an article as the in-line analysis does', async () => {
    await expect(run.analyzeWithin({ kind: 'text', text: ' \n ' })).rejects.toThrow('input: the article is only white space');
  }, 30_000);

  it('in a batch, reports a cut article and analyses the rest (the CLI as a process)', async () => {
    const slow = join(dir, 'run-on.txt');
    await writeFile(slow, RUN_ON);
    const r = await runCli(['analyze', slow, WIRE, '--budget', '2000', '--jsonl']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [first, second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Analysis);
    expect(first!.cut.length).toBeGreaterThan(0);
    // the next article is analysed (whole on a quiet machine; at load 20+ on 2 cores 2 s may cut it too)
    expect(second!.document.text).toBe(readFileSync(WIRE, 'utf8'));
    expect(second!.timings.map((t) => t.analyzer)).toContain('sentences');
  }, 120_000);
});
