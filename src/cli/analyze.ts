/**
 * `unspin analyze <inputs...>`: one article or a batch (files, folders, URLs, '-' for stdin).
 * Output: the terminal summary (default), --json (pretty; an array for a batch) or --jsonl (one
 * line per article); --html writes the HTML report (a folder of them for a batch). In a batch a
 * failed article is named on stderr and skipped; the exit code is 1 if any failed.
 */
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import type { Command } from 'commander';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { AnalyzeOptions } from '../analyze.js';
import { UsageError, UserError } from '../core/errors.js';
import { analyzeWithin } from '../deadline/run.js';
import type { Analysis } from '../core/schema.js';
import { isIsoDay } from '../ingest/dates.js';
import { expandInputs, inputName } from '../ingest/index.js';
import type { Input } from '../ingest/types.js';
import { renderHtml } from '../report/html.js';
import { renderTerminal } from '../report/terminal.js';

/** Where the CLI reads and writes: the process's streams, or test doubles. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env?: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

interface AnalyzeFlags {
  json?: boolean;
  jsonl?: boolean;
  html?: string;
  published?: string;
  allowPrivate?: boolean;
  budget?: number;
  maxBytes?: number;
  color: boolean;
}

export function registerAnalyze(program: Command, io: CliIo = processIo()): void {
  program
    .command('analyze')
    .description('analyse one or more articles (files, folders, URLs, or - for stdin)')
    .argument('<inputs...>', 'text or HTML files, folders, http(s) URLs, or - for stdin')
    .option('--json', 'print the Analysis as JSON (an array for several articles)')
    .option('--jsonl', 'print one JSON line per article')
    .option('--html <path>', 'write the HTML report to this file (a folder, for several articles)')
    .option('--published <date>', 'publication date, YYYY-MM-DD (sets or overrides the one found)')
    .option('--allow-private', 'let URLs reach loopback, private and link-local addresses')
    .option('--budget <ms>', 'time budget per article in ms; analyzers that do not fit are cut', positiveInteger('--budget'))
    .option('--max-bytes <n>', 'largest input accepted (bytes; k and M suffixes allowed; default 5M)', byteCount)
    .option('--no-color', 'plain terminal output (also when NO_COLOR is set)')
    .action((args: string[], flags: AnalyzeFlags) => runAnalyze(args, flags, io));
}

async function runAnalyze(args: string[], flags: AnalyzeFlags, io: CliIo): Promise<void> {
  if (flags.published !== undefined && !isIsoDay(flags.published)) {
    throw new UsageError(`--published must be a real date written YYYY-MM-DD, not '${flags.published}'`);
  }
  if (flags.json && flags.jsonl) throw new UsageError('choose one of --json and --jsonl');
  const inputs = (await expandInputs(args)).map((input): Input => (input.kind === 'stdin' ? { kind: 'stdin', stream: io.stdin } : input));
  const batch = inputs.length > 1;
  if (batch && flags.html) await ensureFolder(flags.html);
  const options: AnalyzeOptions = {
    warmInParallel: true,
    ...(flags.published ? { published: flags.published } : {}),
    ...(flags.allowPrivate ? { allowPrivate: true } : {}),
    ...(flags.budget ? { budgetMs: flags.budget } : {}),
    ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
  };
  const env = io.env ?? process.env;
  const color = flags.color && !env.NO_COLOR && Boolean(io.stdout.isTTY);

  const bars = batch && io.stderr.isTTY ? progressBars({ stream: io.stderr, format: ' {bar} {value}/{total} {name}', hideCursor: true }) : null;
  const bar = bars?.create(inputs.length, 0, { name: '' });
  const say = (line: string) => {
    if (!bars) return void io.stderr.write(`${line}\n`);
    bars.log(`${line}\n`); // printed above the bar at its next redraw, forced now
    bars.update();
  };
  const collected: Analysis[] = [];
  let failed = 0;
  try {
    for (const input of inputs) {
      const name = inputName(input);
      bar?.update({ name });
      try {
        const analysis = await analyzeWithin(input, options);
        if (flags.json) {
          if (batch) collected.push(analysis);
          else io.stdout.write(`${JSON.stringify(analysis, null, 2)}\n`);
        } else if (flags.jsonl) io.stdout.write(`${JSON.stringify(analysis)}\n`);
        else io.stdout.write(`${renderTerminal(analysis, { color })}\n`);
        if (flags.html) {
          const file = batch ? join(flags.html, reportName(input, analysis)) : flags.html;
          await writeFile(file, renderHtml(analysis));
          say(`unspin: wrote ${file}`);
        }
      } catch (err) {
        if (!batch) throw err;
        failed++;
        say(`unspin: ${describeFailure(name, err)}`);
      }
      bar?.increment();
    }
  } finally {
    bars?.stop();
  }
  if (flags.json && batch) io.stdout.write(`${JSON.stringify(collected, null, 2)}\n`);
  if (failed > 0) throw new UserError(`${failed} of ${inputs.length} articles failed`);
}

/** One line for a failed article of a batch, naming it (ingest messages usually do already). */
function describeFailure(name: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = err instanceof UserError ? message : `internal error: ${message}`;
  return line.includes(name) ? line : `${name}: ${line}`;
}

/** report file name for one article of a batch: its input's name and the document id (unique). */
function reportName(input: Input, analysis: Analysis): string {
  const base = input.kind === 'file' ? basename(input.path, extname(input.path)) : input.kind === 'url' ? input.url.replace(/^\w+:\/\//, '') : input.kind;
  const slug = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'article';
  return `${slug}-${analysis.document.id.slice(0, 8)}.html`;
}

async function ensureFolder(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`--html ${path}: several articles need a folder, and this is a file`);
  await mkdir(path, { recursive: true });
}

function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new UsageError(`${flag} must be a positive whole number, not '${value}'`);
    return Number(value);
  };
}

/** "5000000", "800k", "20M" -> bytes. */
function byteCount(value: string): number {
  const m = /^(\d{1,12})\s*([kKmM]?)[bB]?$/.exec(value.trim());
  const n = m ? Number(m[1]) * ({ k: 1024, m: 1024 * 1024 }[m[2]!.toLowerCase()] ?? 1) : 0;
  if (!m || n === 0) throw new UsageError(`--max-bytes must be a size such as 5000000, 800k or 20M, not '${value}'`);
  return n;
}

/** cli-progress is loaded only for a batch on a terminal: single runs do not pay for it. */
function progressBars(options: CliProgress.Options): CliProgress.MultiBar {
  const { MultiBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  return new MultiBar(options, Presets.shades_classic);
}
