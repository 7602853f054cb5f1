/**
 * The hard deadline per article. Analyzers check `RunContext.expired()` in their loops and stop
 * early, but a check can be missed (a regex, a library call, a loop without one), so the
 * decoding, the HTML parsing and the pipeline run on a worker thread that is terminated at the
 * budget plus a small margin. Every layer is sent here as soon as it is done, so a stopped
 * article still reports what finished and names what was cut; in a batch the next article gets a
 * fresh worker. Reading (a file, a page) happens here, within the same budget.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyze, type AnalyzeOptions } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import { Doc, type Layers } from '../core/doc.js';
import { UserError } from '../core/errors.js';
import { cutMessage, type Message } from '../core/message.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { DEFAULT_BUDGET_MS, stoppedPartWay } from '../core/pipeline.js';
import { orderAnalyzers } from '../core/registry.js';
import { toAnalysis } from '../core/report.js';
import type { Provenance } from '../core/schema-parts.js';
import type { Analysis } from '../core/schema.js';
import { inputName, readInput, type Input } from '../ingest/index.js';
import { DEFAULT_TIMEOUT_MS } from '../ingest/limits.js';
import type { Job, WarmUpHints, WorkerMessage } from './messages.js';

/** How long past its budget a worker may run before it is stopped (it should have stopped itself). */
export const MARGIN_MS = 400;

// Only compiled code has a worker file to run; from the TypeScript sources (tests) the analysis
// runs in line, bounded by the cooperative checks alone.
const WORKER = join(PACKAGE_ROOT, 'dist', 'deadline', 'worker.js');
const COMPILED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'));

/** Heap for the worker: an input that would need more ends as that article's error, not the process's. */
const WORKER_HEAP_MB = 3072;

/**
 * The worker for the next article (at most one: articles are analysed one at a time), perhaps
 * still loading its models. `counted`: waiting for it is the next article's time, because it
 * replaces one stopped at a deadline (the first worker's loading is the process's start-up).
 */
let idle: { ready: Promise<Worker>; counted: boolean } | null = null;

/**
 * In a batch, a second worker kept warm to replace one stopped at a deadline: loading models
 * takes seconds (more on a busy machine), which the article after a stopped one would otherwise
 * spend waiting, out of its budget. It loads alongside the first worker, before any article.
 */
let spare: Promise<Worker> | null = null;
let keepSpare = false;
/**
 * A worker was stopped at a deadline and not yet replaced: the next article starts one, on its
 * clock. (Not started at once: a worker still loading its models holds up the process's exit by
 * as long, seconds, when the stopped article was the last.)
 */
let replacing = false;

/** Keeps a spare worker warm from now on (a batch: see `spare`); costs a worker's memory (~180 MB). */
export function keepSpareWorker(): void {
  if (!COMPILED || !existsSync(WORKER)) return;
  keepSpare = true;
  idle ??= { ready: spawn(), counted: false };
  spare ??= spawn();
}

/** What the last worker was told to warm; a fresh one (after a cut) is told the same. */
let hints: WarmUpHints = {};

/** Starts a worker and waits until its models are loaded. */
function spawn(): Promise<Worker> {
  const started = new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: hints });
    worker.unref(); // an idle worker does not keep the process alive
    const failed = (err: Error) => {
      off();
      reject(err);
    };
    const exited = () => failed(new Error('the analysis worker stopped while loading its models'));
    const ready = () => {
      off();
      resolve(worker);
    };
    // (removeAllListeners would also remove the worker's own hooks that keep its port listening)
    const off = () => worker.off('message', ready).off('error', failed).off('exit', exited);
    worker.on('message', ready).on('error', failed).on('exit', exited);
  });
  started.catch(() => {}); // a worker that failed to start fails the article that waits for it, not the process
  return started;
}

/**
 * Has a worker load its models ahead of the first article: the CLI starts this as soon as it
 * knows its inputs, so that loading overlaps with the rest of its start-up and the reading.
 */
export function warmAnalysisWorker(warm: WarmUpHints = {}): Promise<void> {
  if (!COMPILED || !existsSync(WORKER)) return Promise.resolve();
  hints = warm;
  idle ??= { ready: spawn(), counted: false };
  return idle.ready.then(() => undefined);
}

/**
 * Stops the idle and spare workers: after the last article, so that writing its report does not
 * hold a worker's memory beside it (a 5 MB article's worker keeps hundreds of MB resident). A later
 * article starts a worker again.
 */
export async function releaseAnalysisWorkers(): Promise<void> {
  const workers = [idle?.ready, spare].filter((w): w is Promise<Worker> => w !== null && w !== undefined);
  idle = null;
  spare = null;
  keepSpare = false;
  await Promise.all(workers.map((w) => w.then((worker) => worker.terminate(), () => undefined)));
}

/** `analyze` within a hard time budget (options.budgetMs, default 10 s) covering reading and decoding too. */
export async function analyzeWithin(input: Input, options: AnalyzeOptions = {}): Promise<Analysis> {
  // a custom pipeline, or layers reused from an earlier report, stay in this thread (neither crosses to a worker)
  if (!COMPILED || !existsSync(WORKER) || options.analyzers || options.reuse) return analyze(input, options);
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const next = idle ?? { ready: spawn(), counted: replacing };
  idle = null;
  replacing = false;
  if (keepSpare) spare ??= spawn(); // the spare used up by a stopped article loads again while this one runs
  // The clock starts with the reading (a page's download counts), except for stdin: waiting
  // for someone to type or pipe an article is not the article's time. Loading models is not
  // either, but for a worker replacing one stopped at a deadline (see `idle`).
  let started = input.kind === 'stdin' ? null : performance.now();
  const timeoutMs = Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, budget);
  const raw = await readInput(input, { ...options, timeoutMs }).catch((err: unknown) => {
    idle = next; // unused: the next article takes it
    throw err;
  });
  started ??= performance.now();
  const readMs = performance.now() - started;
  if (readMs >= budget) {
    idle = next;
    throw new UserError(`${inputName(input)}: the time budget of ${budget} ms ran out while it was read`);
  }
  const worker = next.counted ? await withinBudget(next, budget - readMs, inputName(input), budget) : await next.ready;
  const spentMs = next.counted ? performance.now() - started : readMs;
  const { analyzers: _none, warmInParallel: _cli, ...ingestOptions } = options;
  return runOnWorker(worker, { raw, options: ingestOptions, budgetMs: budget, spentMs }, inputName(input));
}

/** The replacement worker, if it is ready within what is left of the budget. */
function withinBudget(next: NonNullable<typeof idle>, leftMs: number, name: string, budget: number): Promise<Worker> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      idle = next; // still loading: the next article waits for it in turn
      reject(new UserError(`${name}: the time budget of ${budget} ms ran out while the analysis restarted (the article before was stopped at its deadline)`));
    }, leftMs);
  });
  return Promise.race([next.ready, late]).finally(() => clearTimeout(timer));
}

function runOnWorker(worker: Worker, job: Job, name: string): Promise<Analysis> {
  const budget = job.budgetMs;
  worker.ref();
  let doc: Doc | null = null;
  const analyzers = orderAnalyzers(defaultAnalyzers);
  const timings: Analysis['timings'] = [];
  const layers: Provenance[] = [];
  const partial: Message[] = []; // analyzers that stopped part way (their own check of the budget)
  const spent = `time budget of ${budget} ms spent`;

  return new Promise<Analysis>((resolve, reject) => {
    const finish = (outcome: () => Analysis) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      try {
        resolve(outcome());
      } catch (err) {
        reject(err);
      }
    };
    const keep = () => {
      worker.unref(); // an idle worker does not keep the process alive
      idle = { ready: Promise.resolve(worker), counted: false };
    };
    // A stopped worker is replaced by the spare when there is one, else by a worker the next
    // article starts (see `replacing`); the next article's clock counts any wait for it.
    const stop = () => {
      worker.on('error', () => {}); // whatever it says while being stopped
      void worker.terminate();
      if (spare) idle = { ready: spare, counted: true };
      else replacing = true;
      spare = null;
    };
    const timer = setTimeout(() => {
      finish(() => {
        if (!doc) throw new UserError(`${name}: the time budget of ${budget} ms ran out while it was decoded (HTML parsing included)`);
        const done = new Set(timings.map((t) => t.analyzer));
        const cut = [...partial, ...analyzers.filter((a) => !done.has(a.name)).map((a) => cutMessage('deadline', a, `${spent}; stopped`))];
        return toAnalysis(doc, { analyzers, timings, cut, layers });
      });
      stop();
    }, job.budgetMs - job.spentMs + MARGIN_MS);

    const onMessage = (m: WorkerMessage) => {
      switch (m.kind) {
        case 'ready':
          return;
        case 'ingested':
          doc = new Doc(m.info, m.warnings);
          return;
        case 'layer':
          if (m.layer !== undefined) doc!.set(m.name, m.layer as Layers[typeof m.name]);
          timings.push(m.timing);
          if (m.provenance) layers.push(m.provenance);
          else partial.push(stoppedPartWay({ name: m.timing.analyzer, adds: m.name }, budget));
          doc!.warnings.splice(0, Infinity, ...m.warnings);
          return;
        case 'done':
          keep();
          doc!.warnings.splice(0, Infinity, ...m.warnings);
          return finish(() => toAnalysis(doc!, { analyzers, timings, cut: m.cut, layers }));
        case 'failed':
          keep();
          return finish(() => {
            throw m.exitCode === undefined ? new Error(m.message) : new UserError(m.message, m.exitCode);
          });
      }
    };
    // The worker died: out of memory above all (its heap is capped so that the process is not).
    const onError = (err: Error & { code?: string }) => {
      finish(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') throw new UserError(`${name}: the analysis ran out of memory (${WORKER_HEAP_MB} MB); try a smaller --max-bytes`);
        throw err;
      });
      stop();
    };
    const onExit = () =>
      finish(() => {
        throw new Error('the analysis worker stopped unexpectedly');
      });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job);
  });
}
