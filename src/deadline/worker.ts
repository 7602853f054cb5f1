/**
 * Worker-thread entry: decodes one article and runs the pipeline over it, sending every layer to
 * the main thread the moment it is done, so that when the main thread stops this worker at the
 * deadline, what had finished is kept. Between articles the worker stays up (models stay loaded).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultAnalyzers } from '../analyzers.js';
import { Doc } from '../core/doc.js';
import { UserError } from '../core/errors.js';
import { collectIfGrown } from '../core/heap.js';
import { readAsEnglish } from '../core/language.js';
import { runPipeline } from '../core/pipeline.js';
import { decodeInput, ingest } from '../ingest/index.js';
import { SegmentingThread } from '../text/parallel.js';
import type { Job, WarmUpHints, WorkerMessage } from './messages.js';

/** Layers the report is made from (internal ones, tokens above all, stay here: copying them out would cost more than they tell). */
const REPORTED = new Set<string>(defaultAnalyzers.filter((a) => a.schema || a.attach || a.credit).map((a) => a.adds));

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/**
 * Loads everything (models, compiled code paths) by analysing a small text of our own, so that an
 * article's budget is spent on the article and not on a cold start. Texts are segmented on a
 * thread of our own: wink-nlp's model loads there while our models load here. The HTML parser (a
 * quarter of a second) is loaded too only when the main thread says an input may be HTML.
 */
const WARM_UP = 'The mayor of Kyiv said on Tuesday that the bridge would close, according to a statement. Officials denied the report.';
const segmenter = new SegmentingThread();
/**
 * Longer texts are segmented here, in line: the thread saves a cold start's model loading, not
 * time on a long text, and its million tokens for 5 MB, copied across, would be held twice.
 */
const SEGMENT_ON_THREAD_MAX = 200_000;


async function warmUp({ html }: WarmUpHints): Promise<void> {
  const segmented = segmenter.provide(WARM_UP, 'en');
  for (const a of defaultAnalyzers) a.warm?.('en');
  if (html) await ingest({ kind: 'html', html: `<p>${WARM_UP}</p>` });
  const { info } = await ingest({ kind: 'text', text: WARM_UP });
  await segmented;
  runPipeline(new Doc(info), defaultAnalyzers, { budgetMs: 60_000 });
}

void warmUp((workerData ?? {}) as WarmUpHints)
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
  const s0 = performance.now();
  if (readAsEnglish(info.language) && info.text.length <= SEGMENT_ON_THREAD_MAX) await segmenter.provide(info.text, info.language);
  // the sentences' timing counts the segmenting thread's work, which the pipeline does not see
  const segmentingMs = performance.now() - s0;
  const doc = new Doc(info, [...warnings]);
  const { cut } = runPipeline(doc, defaultAnalyzers, {
    budgetMs,
    spentMs: spentMs + (performance.now() - started),
    onLayer: (name, layer, timing, provenance) => {
      const spent = name === 'sentences' ? { ...timing, ms: timing.ms + segmentingMs } : timing;
      post({ kind: 'layer', name, ...(REPORTED.has(name) ? { layer } : {}), timing: spent, provenance, warnings: doc.warnings });
      collectIfGrown();
    },
  });
  post({ kind: 'done', cut, warnings: doc.warnings });
  // the article's layers are garbage here: collected now, while the main thread writes the report, not on top of it
  setImmediate(collectIfGrown);
}
