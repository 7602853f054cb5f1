/**
 * Worker-thread entry: decodes one article and runs the pipeline over it, sending every layer to
 * the main thread the moment it is done, so that when the main thread stops this worker at the
 * deadline, what had finished is kept. Between articles the worker stays up (models stay loaded).
 */
import { parentPort } from 'node:worker_threads';
import { defaultAnalyzers } from '../analyzers.js';
import { Doc } from '../core/doc.js';
import { UserError } from '../core/errors.js';
import { runPipeline } from '../core/pipeline.js';
import { decodeInput, ingest } from '../ingest/index.js';
import type { Job, WorkerMessage } from './messages.js';

/** Layers the report is made from (internal ones, tokens above all, stay here: copying them out would cost more than they tell). */
const REPORTED = new Set<string>(defaultAnalyzers.filter((a) => a.schema || a.attach || a.credit).map((a) => a.adds));

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/**
 * Loads everything (models, the HTML parser, compiled code paths) by analysing a small page of
 * our own, so that an article's budget is spent on the article and not on a cold start.
 */
const WARM_UP = '<p>The mayor of Kyiv said on Tuesday that the bridge would close, according to a statement.</p><p>Officials denied the report.</p>';

async function warmUp(): Promise<void> {
  const { info } = await ingest({ kind: 'html', html: WARM_UP });
  for (const a of defaultAnalyzers) a.warm?.(info.language);
  runPipeline(new Doc(info), defaultAnalyzers, { budgetMs: 60_000 });
}

void warmUp()
  .catch(() => {}) // a failed warm-up only costs the first article time; its own run reports any real fault
  .then(() => {
    post({ kind: 'ready' });
    parentPort?.on('message', (job: Job) => {
      void run(job).catch((err: unknown) => {
        post(err instanceof UserError ? { kind: 'failed', message: err.message, exitCode: err.exitCode } : { kind: 'failed', message: (err as Error)?.message ?? String(err) });
      });
    });
  });

async function run({ raw, options, budgetMs, spentMs }: Job): Promise<void> {
  const started = performance.now();
  const { info, warnings } = await decodeInput(raw, options);
  post({ kind: 'ingested', info, warnings });
  const doc = new Doc(info, [...warnings]);
  const { cut } = runPipeline(doc, defaultAnalyzers, {
    budgetMs,
    spentMs: spentMs + (performance.now() - started),
    onLayer: (name, layer, timing, provenance) => post({ kind: 'layer', name, ...(REPORTED.has(name) ? { layer } : {}), timing, provenance, warnings: doc.warnings }),
  });
  post({ kind: 'done', cut, warnings: doc.warnings });
}
