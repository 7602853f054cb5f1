/**
 * A cold start does two slow things that do not depend on each other: loading wink-nlp's model
 * to segment the text (~250 ms) and loading our own models (~250 ms). The text layer is computed on
 * a worker thread while the main thread warms the models, then handed to `segment`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analyzer } from '../core/analyzer.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { provideSegmentation, type TextLayer } from './segment.js';

// The compiled worker, used only by compiled code: run from the TypeScript sources (tests), all runs
// in line, so that a stale dist/ never segments for newer sources.
const WORKER = join(PACKAGE_ROOT, 'dist', 'text', 'segment-worker.js');
const COMPILED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'));

let warmed = false;

/**
 * Segments on a worker while `analyzers` warm their models here, once per process (later articles
 * find everything loaded); any failure falls back to in-line work.
 */
export async function warmInParallel(text: string, language: string, analyzers: readonly Analyzer[]): Promise<void> {
  if (warmed) return;
  warmed = true;
  const pending = COMPILED && existsSync(WORKER) ? segmentOnWorker(text, language) : Promise.resolve(null);
  for (const a of analyzers) a.warm?.(language);
  const layer = await pending;
  if (layer) provideSegmentation(text, language, layer);
}

function segmentOnWorker(text: string, language: string): Promise<TextLayer | null> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER);
    const done = (layer: TextLayer | null) => {
      resolve(layer);
      void worker.terminate();
    };
    worker.once('message', (layer: TextLayer) => done(layer));
    worker.once('error', () => done(null));
    worker.once('exit', () => done(null));
    worker.postMessage({ text, language });
  });
}
