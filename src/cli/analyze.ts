/**
 * `unspin analyze <inputs...>`: one article or a batch (files, folders, URLs, '-' for stdin).
 * Output: the terminal summary (default; a summary table after a batch), --json (pretty; an array
 * for a batch) or --jsonl (one line per article); --html writes the HTML report (a folder of them
 * for a batch), --geojson the places, --csv flat tables. In a batch a failed article is named on
 * stderr and skipped; the exit code is 1 if any failed, 3 if findings reach --fail-on.
 */
import { readEarlierReports } from './reuse.js';
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import type { Command } from 'commander';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { AnalyzeOptions } from '../analyze.js';
import { UsageError, UserError } from '../core/errors.js';
import type { Analysis, Finding } from '../core/schema.js';
import { analyzeWithin, keepSpareWorker, releaseAnalysisWorkers, warmAnalysisWorker } from '../deadline/run.js';
import { isIsoDay } from '../ingest/dates.js';
import { isKnownEncoding } from '../ingest/decode.js';
import { expandInputs, inputName } from '../ingest/index.js';
import { MAX_BYTES_CEILING, formatSize } from '../ingest/limits.js';
import type { Input } from '../ingest/types.js';
import { writeHtml } from '../report/html.js';
import { csvTables, placesGeoJson, toCsv } from '../report/exports.js';
import { SECTIONS, findingsAtLeast, renderBatchSummary, renderTerminal, type Section, type TerminalOptions } from '../report/terminal.js';
import { writeJson } from '../report/json-chunks.js';
import { showCandidates } from '../techniques/layer.js';
import { hideWeakAttributions } from '../attributions/confidence.js';
import { probability } from './techniques.js';

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
  geojson?: string;
  csv?: string;
  sections?: Section[];
  verbose?: boolean;
  failOn?: Finding['severity'];
  ext?: string[];
  published?: string;
  allowPrivate?: boolean;
  budget?: number;
  maxBytes?: number;
  reuse?: string;
  encoding?: string;
  keepChrome?: boolean;
  minConfidence?: number;
  color: boolean;
}

export function registerAnalyze(program: Command, io: CliIo = processIo()): void {
  program
    .command('analyze')
    .description('analyse one or more articles (files, folders, URLs, or - for stdin)')
    .argument('<inputs...>', 'text or HTML files, folders, http(s) URLs, or - for stdin')
    .option('--json', 'print the Analysis as JSON (an array for several articles)')
    .option('--jsonl', 'print one JSON line per article')
    .option('--html <path>', 'write the HTML report to this file (into this folder, for several articles)')
    .option('--geojson <file>', 'write the places (mentions, confidence, candidates) as GeoJSON')
    .option('--csv <dir>', 'write entities, attributions, times, techniques, findings and sentences (with their technique score) as CSV tables into this folder')
    .option('--sections <list>', `more terminal sections, comma-separated: ${SECTIONS.join(',')}`, sectionList)
    .option('--verbose', 'every terminal section')
    .option('--fail-on <severity>', 'exit 3 when a finding is at least this severe: info, warning or error', severity)
    .option('--ext <list>', 'more file extensions to read in folders, comma-separated (default .txt .html .htm)', (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .option('--published <date>', 'publication date, YYYY-MM-DD (sets or overrides the one found)')
    .option('--allow-private', 'let URLs reach loopback, private and link-local addresses')
    .option('--budget <ms>', 'time budget per article in ms; analyzers that do not fit are cut', positiveInteger('--budget'))
    .option('--max-bytes <n>', 'largest input accepted (bytes; k and M suffixes allowed; default 5M, at most 10M)', byteCount)
    .option('--reuse <file>', 'keep the layers of an earlier --json/--jsonl report of the same text that are still valid; recompute the rest')
    .option('--encoding <charset>', 'the inputs\' character encoding (windows-1251, koi8-r, latin1...), whatever they declare', encodingLabel)
    .option('--keep-chrome', 'keep page chrome (ad markers, calls to follow or subscribe, share bars, photo credits, related stories) in the text; by default it is cut and listed in document.removed')
    .option('--min-confidence <p>', 'in the terminal and HTML: also show technique candidates at least this confident (0-1), and hide attributions less confident than that (the JSON keeps all)', probability('--min-confidence'))
    .option('--no-color', 'plain terminal output (also when NO_COLOR is set; FORCE_COLOR forces colour)')
    .action((args: string[], flags: AnalyzeFlags) => runAnalyze(args, flags, io));
}

/** Exit code when findings reach --fail-on (1 is a failed article, 2 a usage error). */
export const EXIT_FINDINGS = 3;

async function runAnalyze(args: string[], flags: AnalyzeFlags, io: CliIo): Promise<void> {
  if (flags.published !== undefined && !isIsoDay(flags.published)) {
    throw new UsageError(`--published must be a real date written YYYY-MM-DD, not '${flags.published}'`);
  }
  if (flags.json && flags.jsonl) throw new UsageError('choose one of --json and --jsonl');
  const inputs = (await expandInputs(args, { extensions: flags.ext ?? [] })).map((input): Input => (input.kind === 'stdin' ? { kind: 'stdin', stream: io.stdin } : input));
  // models load on a worker thread while the outputs are checked and the first input read
  if (!flags.reuse) void warmAnalysisWorker({ html: inputs.some(mayBeHtml) });
  const batch = inputs.length > 1;
  // every output is checked before the first article is read: a usage error costs no analysis
  const html = flags.html ? await htmlTarget(flags.html, inputs) : null;
  for (const [flag, path] of [['--geojson', flags.geojson], ['--csv', flags.csv]] as const) if (path) refuseInputAsOutput(flag, path, inputs);
  if (flags.geojson && (await stat(flags.geojson).catch(() => null))?.isDirectory()) throw new UsageError(`--geojson ${flags.geojson} is a folder; name a file`);
  if (flags.csv && (await stat(flags.csv).catch(() => null))?.isFile()) throw new UsageError(`--csv ${flags.csv} is a file; name a folder for the tables`);
  if (html?.folder) await mkdir(html.path, { recursive: true });

  const options: AnalyzeOptions = {
    warmInParallel: true,
    ...(flags.published ? { published: flags.published } : {}),
    ...(flags.allowPrivate ? { allowPrivate: true } : {}),
    ...(flags.budget ? { budgetMs: flags.budget } : {}),
    ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
    ...(flags.reuse ? { reuse: await readEarlierReports(flags.reuse) } : {}),
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(flags.keepChrome ? { keepChrome: true } : {}),
  };
  const env = io.env ?? process.env;
  const color = useColor(flags.color, env, Boolean(io.stdout.isTTY));
  // the terminal summary is the default output; files written instead get one line each
  const terminal = !flags.json && !flags.jsonl && !flags.html && !flags.geojson && !flags.csv;
  const view: TerminalOptions = {
    color,
    width: terminalWidth(io.stdout, env),
    sections: new Set(flags.verbose ? SECTIONS : (flags.sections ?? [])),
  };

  const bars = batch && io.stderr.isTTY ? progressBars({ stream: io.stderr, format: ' {bar} {value}/{total} {name}', hideCursor: true }) : null;
  const bar = bars?.create(inputs.length, 0, { name: '' });
  const say = (line: string) => {
    if (!bars) return void io.stderr.write(`${line}\n`);
    bars.log(`${line}\n`); // printed above the bar at its next redraw, forced now
    bars.update();
  };
  const done: Analysis[] = [];
  const failures: { name: string; message: string }[] = [];
  const keep = batch && (flags.json || flags.geojson || flags.csv || terminal);
  let flagged = 0;
  if (batch && !flags.reuse) keepSpareWorker(); // an article stopped at its deadline does not make the next one wait
  try {
    for (const input of inputs) {
      const name = inputName(input);
      bar?.update({ name });
      try {
        const analysis = await analyzeWithin(input, options);
        if (!batch) await releaseAnalysisWorkers(); // the only article: its worker's memory is not needed for the report
        if (keep) done.push(analysis);
        if (flags.failOn) flagged += findingsAtLeast(analysis, flags.failOn);
        if (flags.json && !batch) writeJson((piece) => io.stdout.write(piece), analysis); // in pieces: a 5 MB article's is over 100 MB
        else if (flags.jsonl) io.stdout.write(`${JSON.stringify(analysis)}\n`);
        else if (terminal) io.stdout.write(`${renderTerminal(forReaders(analysis, flags.minConfidence), view)}${batch ? '\n' : ''}`);
        if (html) {
          const file = html.folder ? join(html.path, reportName(input, analysis)) : html.path;
          writeHtml(file, forReaders(analysis, flags.minConfidence)); // in pieces: a 5 MB article's page is over 60 MB
          say(`unspin: wrote ${file}`);
        }
        if (!batch) done.push(analysis);
      } catch (err) {
        if (!batch) throw err;
        const message = describeFailure(name, err);
        failures.push({ name, message });
        say(`unspin: ${message}`);
      }
      bar?.increment();
    }
  } finally {
    bars?.stop();
  }
  if (flags.json && batch) writeJson((piece) => io.stdout.write(piece), done);
  if (flags.geojson) {
    await writeInto(flags.geojson, `${JSON.stringify(placesGeoJson(done), null, 1)}\n`);
    say(`unspin: wrote ${flags.geojson}`);
  }
  if (flags.csv) {
    await mkdir(flags.csv, { recursive: true });
    for (const [file, table] of Object.entries(csvTables(done))) await writeFile(join(flags.csv, file), toCsv(table));
    say(`unspin: wrote ${Object.keys(csvTables([])).map((f) => join(flags.csv!, f)).join(', ')}`);
  }
  if (terminal && batch) io.stdout.write(renderBatchSummary(done, failures.map((f) => ({ name: f.name, message: f.message.replace(`${f.name}: `, '') })), { color }));
  if (failures.length > 0) throw new UserError(`${failures.length} of ${inputs.length} articles failed`);
  if (flags.failOn && flagged > 0) {
    throw new UserError(`${flagged} finding${flagged === 1 ? '' : 's'} at ${flags.failOn} or above (--fail-on ${flags.failOn})`, EXIT_FINDINGS);
  }
}

/**
 * Colour: never with --no-color or NO_COLOR; always with FORCE_COLOR (but FORCE_COLOR=0 or
 * false); else when stdout is a terminal.
 */
export function useColor(flag: boolean, env: NodeJS.ProcessEnv, tty: boolean): boolean {
  if (!flag || env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !/^(0|false)$/i.test(env.FORCE_COLOR);
  return tty;
}

/** Wrap to the terminal (or to COLUMNS); a pipe gets one line per row, for grep. */
function terminalWidth(stdout: CliIo['stdout'], env: NodeJS.ProcessEnv): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= 40) return columns;
  const tty = stdout as { isTTY?: boolean; columns?: number };
  return tty.isTTY ? Math.max(40, tty.columns ?? 100) : 0;
}

/**
 * Where --html writes: a file for one article, a folder for several (or when the path is a folder
 * already). A file named for several articles, or an input as the output, is a usage error.
 */
async function htmlTarget(path: string, inputs: readonly Input[]): Promise<{ path: string; folder: boolean }> {
  refuseInputAsOutput('--html', path, inputs);
  const existing = await stat(path).catch(() => null);
  const folder = inputs.length > 1 || Boolean(existing?.isDirectory()) || /[\\/]$/.test(path);
  if (folder) {
    if (existing && !existing.isDirectory()) throw new UsageError(`--html ${path}: several articles need a folder, and this is a file`);
    if (!existing && /\.x?html?$/i.test(path)) throw new UsageError(`--html ${path}: several articles need a folder, not a file name`);
    return { path, folder: true };
  }
  await mkdir(dirname(resolve(path)), { recursive: true });
  return { path, folder: false };
}

/** A page to download or a file not named .txt: the worker loads the HTML parser ahead (for text it need not). */
function mayBeHtml(input: Input): boolean {
  return input.kind === 'url' || input.kind === 'html' || (input.kind === 'file' && !/\.txt$/i.test(input.path));
}

/** An output path that is one of the inputs would overwrite the article. */
function refuseInputAsOutput(flag: string, path: string, inputs: readonly Input[]): void {
  const target = resolve(path);
  for (const input of inputs) {
    if (input.kind === 'file' && resolve(input.path) === target) throw new UsageError(`${flag} ${path} is one of the inputs; it would overwrite the article`);
  }
}

async function writeInto(file: string, content: string): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, content);
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

function sectionList(value: string): Section[] {
  const names = value.split(',').map((x) => x.trim()).filter(Boolean);
  for (const n of names) {
    if (!(SECTIONS as readonly string[]).includes(n)) throw new UsageError(`--sections: unknown section '${n}' (choose from ${SECTIONS.join(', ')})`);
  }
  return names as Section[];
}

function severity(value: string): Finding['severity'] {
  if (value !== 'info' && value !== 'warning' && value !== 'error') throw new UsageError(`--fail-on must be info, warning or error, not '${value}'`);
  return value;
}

export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new UsageError(`${flag} must be a positive whole number, not '${value}'`);
    return Number(value);
  };
}

/** "5000000", "800k", "20M" -> bytes. */
export function byteCount(value: string): number {
  const m = /^(\d{1,12})\s*([kKmM]?)[bB]?$/.exec(value.trim());
  const n = m ? Number(m[1]) * ({ k: 1024, m: 1024 * 1024 }[m[2]!.toLowerCase()] ?? 1) : 0;
  if (!m || n === 0) throw new UsageError(`--max-bytes must be a size such as 5000000, 800k or 8M, not '${value}'`);
  if (n > MAX_BYTES_CEILING) throw new UsageError(`--max-bytes can be at most ${formatSize(MAX_BYTES_CEILING)} (analysis needs about 200 times an article's size in memory), not '${value}'`);
  return n;
}

/** cli-progress is loaded only for a batch on a terminal: single runs do not pay for it. */
export function progressBars(options: CliProgress.Options): CliProgress.MultiBar {
  const { MultiBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  return new MultiBar(options, Presets.shades_classic);
}

function encodingLabel(value: string): string {
  if (!isKnownEncoding(value)) throw new UsageError(`--encoding must be a character encoding such as utf-8, windows-1251 or koi8-r, not '${value}'`);
  return value;
}

/** The report for the human-readable outputs: technique candidates at least `minConfidence` shown, attributions below it hidden. */
function forReaders(analysis: Analysis, minConfidence: number | undefined): Analysis {
  return showCandidates(hideWeakAttributions(analysis, minConfidence), minConfidence);
}
