/**
 * The fuzz suite: properties that must hold for any input, over generated hostile ones
 * (inputs.ts). A bounded run is part of `npm test` (under 3 minutes in all); `npm run fuzz`
 * runs the same properties for as long as UNSPIN_FUZZ_SECONDS says (30 minutes by default) and
 * prints how many cases ran. A failure prints fast-check's seed and the shrunk input.
 *
 *  - ingest: every input is read or refused with a one-line UserError, quickly, never a crash;
 *  - analysis (the compiled worker): within the budget + 1 s, a schema-valid report whose every
 *    span lies inside the text, or a UserError;
 *  - the CLI as a process: exit 0 or 1, and an error is one line, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Analysis } from '../core/schema.js';
import { ingest, type Input } from '../ingest/index.js';
import { built, describeWithBuild, runCli } from '../testing/built.js';
import { hostileBytes, hostileFile, hostileHtml, repeatedFragment, runOnText } from './inputs.js';

/** Seconds for the whole suite: a bounded run by default, `npm run fuzz` sets more. */
const SECONDS = Number(process.env.UNSPIN_FUZZ_SECONDS ?? 100);
const LONG = SECONDS > 300;
/** Each property's share of the time. */
const share = (fraction: number) => Math.round(SECONDS * 1000 * fraction);
const BUDGET_MS = 1000;
const ran: Record<string, number> = {};
/** How the analysis cases ended: a whole report, one cut at the deadline, or a one-line error. */
const ended = { whole: 0, cut: 0, error: 0 };

const settings = (name: string, fraction: number, numRuns: number) => {
  ran[name] = 0;
  return { numRuns: LONG ? Number.MAX_SAFE_INTEGER : numRuns, interruptAfterTimeLimit: share(fraction), ...(process.env.UNSPIN_FUZZ_SEED ? { seed: Number(process.env.UNSPIN_FUZZ_SEED) } : {}) };
};
const timeout = (fraction: number) => share(fraction) + 120_000;

afterAll(() => {
  console.log(`[fuzz] cases run in ${SECONDS} s: ${Object.entries(ran).map(([k, n]) => `${k} ${n}`).join(', ')} (analysis: ${ended.whole} whole, ${ended.cut} cut at the deadline, ${ended.error} one-line errors)`);
});

/** Every span-like object ({start, end} numbers) anywhere in the report lies inside the text. */
function badSpans(value: unknown, length: number, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => badSpans(v, length, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      const ok = Number.isInteger(o.start) && Number.isInteger(o.end) && o.start >= 0 && o.start <= o.end && o.end <= length;
      if (!ok) out.push(`${path} [${o.start}, ${o.end})`);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'document') badSpans(v, length, `${path}.${k}`, out);
  }
  return out;
}

describe('fuzz: ingest', () => {
  // the HTML parser and the language model load on first use: not the inputs' time
  beforeAll(async () => {
    await ingest({ kind: 'html', html: '<p>Міністерство оборони України заявило, що війська відійшли.</p>' });
  }, 120_000);

  it('reads or refuses any bytes, text or markup with one line, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileBytes().map((bytes) => ({ bytes })), hostileHtml().map((html) => ({ html })), runOnText().map((text) => ({ text }))), async (given) => {
        ran.ingest!++;
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        try {
          if ('bytes' in given) {
            const { PassThrough } = await import('node:stream');
            const stream = new PassThrough();
            stream.end(given.bytes);
            await ingest({ kind: 'stdin', stream });
          } else if ('html' in given) await ingest({ kind: 'html', html: given.html });
          else await ingest({ kind: 'text', text: given.text });
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          expect((err as Error).message).not.toContain('\n');
        }
        // in line there is no deadline: linear parsing is what bounds it, loosely (the 30-minute run
        // found ~20,000 nested <td> taking 30.6 s at load ~20 on 2 cores, niced); the CLI's worker deadline bounds it
        expect(performance.now() - t0).toBeLessThan(60_000);
        // and the work itself, in CPU time of this fork (load from others does not count): the
        // shapes found (20,000 nested <td>, nested lists of text) now take under 1.5 s of it
        const { user, system } = process.cpuUsage(cpu0);
        expect((user + system) / 1000).toBeLessThan(10_000);
      }),
      settings('ingest', 0.2, 300),
    );
  }, timeout(0.2));
});

describeWithBuild('fuzz: analysis within the budget (compiled worker)', () => {
  type Run = typeof import('../deadline/run.js');
  let run: Run;
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'analysis.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  beforeAll(async () => {
    run = await built<Run>('deadline/run.js');
    run.keepSpareWorker(); // one article after another, as in a batch of the CLI
    await run.warmAnalysisWorker(); // the process's start-up, not a case's
  }, 120_000);

  it(`returns a valid report within ${BUDGET_MS} ms + 1 s, or one clear error`, async () => {
    const article = fc.oneof(
      fc.oneof(runOnText(2000), repeatedFragment()).map((text): Input => ({ kind: 'text', text })),
      hostileHtml().map((html): Input => ({ kind: 'html', html })),
    );
    await fc.assert(
      fc.asyncProperty(article, async (input) => {
        ran.analysis!++;
        // no warm-up between cases: after a worker is stopped, waiting for its replacement is on the clock
        const t0 = performance.now();
        let analysis: Analysis;
        try {
          analysis = await run.analyzeWithin(input, { budgetMs: BUDGET_MS });
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
          expect((err as Error).name).toBe('UserError'); // the compiled module has its own class
          expect((err as Error).message).not.toContain('\n');
          ended.error++;
          return;
        } finally {
          expect(performance.now() - t0).toBeLessThan(BUDGET_MS + 1000);
        }
        ended[analysis.cut.length > 0 ? 'cut' : 'whole']++;
        expect(validate(analysis) ? [] : validate.errors).toEqual([]);
        expect(badSpans(analysis, analysis.document.text.length)).toEqual([]);
      }),
      settings('analysis', 0.5, 200),
    );
  }, timeout(0.5));

  it('runs the CLI on any file: exit 0 or 1, errors on one line, never a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'unspin-fuzz-'));
    await fc.assert(
      fc.asyncProperty(hostileFile(), async ({ name, bytes }) => {
        ran.cli!++;
        const file = join(dir, name);
        await writeFile(file, bytes);
        const r = await runCli(['analyze', file, '--json', '--budget', String(BUDGET_MS)]);
        expect([0, 1]).toContain(r.code);
        if (r.code === 0) expect((JSON.parse(r.stdout) as Analysis).document.id).toMatch(/^[0-9a-f]{16}$/);
        else expect(r.stderr).toMatch(/^unspin: [^\n]+\n$/);
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }),
      settings('cli', 0.3, 6),
    );
  }, timeout(0.3));
});
