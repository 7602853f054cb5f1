/**
 * A cold start does two slow things that do not depend on each other: loading wink-nlp's model
 * to segment the text (~250 ms) and loading our own models (~350 ms). The text layer is computed
 * on a thread of its own while the calling thread warms the models, then handed to `segment`.
 * The analysis worker (src/deadline) keeps such a thread for all its articles; an in-line
 * analysis at a cold start uses one for its first article.
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

/** What the segmenting thread is sent, and answers. */
export interface SegmentRequest {
  id: number;
  text: string;
  language: string;
}
export interface SegmentReply {
  id: number;
  layer: TextLayer;
}

/**
 * A thread that segments texts one request at a time, having loaded wink once. Whatever goes
 * wrong with it (it cannot start, it dies), `segment` answers null and the caller segments in line.
 */
export class SegmentingThread {
  private worker: Worker | null;
  private next = 0;
  private readonly waiting = new Map<number, (layer: TextLayer | null) => void>();

  constructor() {
    this.worker = COMPILED && existsSync(WORKER) ? new Worker(WORKER) : null;
    if (!this.worker) return;
    this.worker.unref(); // idle, it never keeps a process alive (see segment and answer)
    this.worker.on('message', ({ id, layer }: SegmentReply) => this.answer(id, layer));
    const gone = () => {
      this.worker = null;
      for (const id of [...this.waiting.keys()]) this.answer(id, null);
    };
    this.worker.on('error', gone).on('exit', gone);
  }

  segment(text: string, language: string): Promise<TextLayer | null> {
    if (!this.worker) return Promise.resolve(null);
    const id = this.next++;
    const request: SegmentRequest = { id, text, language };
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker!.ref(); // a pending answer does
      this.worker!.postMessage(request);
    });
  }

  /** Segments `text` there and hands the layer to `segment` here (or leaves it to be computed in line). */
  async provide(text: string, language: string): Promise<void> {
    const layer = await this.segment(text, language);
    if (layer) provideSegmentation(text, language, layer);
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private answer(id: number, layer: TextLayer | null): void {
    this.waiting.get(id)?.(layer);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
  }
}

let warmed = false;

/**
 * Segments on a thread while `analyzers` warm their models here, once per process (later articles
 * find everything loaded); any failure falls back to in-line work.
 */
export async function warmInParallel(text: string, language: string, analyzers: readonly Analyzer[]): Promise<void> {
  if (warmed) return;
  warmed = true;
  const thread = new SegmentingThread();
  const pending = thread.provide(text, language);
  for (const a of analyzers) a.warm?.(language);
  await pending;
  thread.close();
}
