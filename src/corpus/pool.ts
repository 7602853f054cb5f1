/**
 * Analysis on worker threads for `corpus add --jobs N`: each worker loads the models once and
 * analyses the documents it is sent, one at a time. Run from the TypeScript sources (tests), or
 * with one job, documents are analysed in line. A worker that dies fails its document and is
 * replaced.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeDocument } from '../analyze.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Analysis, DocumentInfo, Message } from '../core/schema.js';

export interface Job {
  id: number;
  info: DocumentInfo;
  warnings: Message[];
  budgetMs?: number;
}

export type JobResult = { id: number; analysis: Analysis } | { id: number; error: string };

const WORKER = join(PACKAGE_ROOT, 'dist', 'corpus', 'analyze-worker.js');
const COMPILED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'));

export const defaultJobs = () => availableParallelism();

interface Slot {
  worker: Worker;
  busy?: { job: Job; resolve: (a: Analysis) => void; reject: (e: Error) => void };
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: Job; resolve: (a: Analysis) => void; reject: (e: Error) => void }[] = [];
  private nextId = 0;

  constructor(
    private readonly jobs: number,
    private readonly budgetMs?: number,
  ) {}

  /** Workers are used when there is more than one job and the compiled worker exists. */
  private get threaded(): boolean {
    return this.jobs > 1 && COMPILED && existsSync(WORKER);
  }

  analyze(info: DocumentInfo, warnings: Message[]): Promise<Analysis> {
    if (!this.threaded) {
      return new Promise((resolve) => resolve(analyzeDocument(info, warnings, this.budgetMs ? { budgetMs: this.budgetMs } : {})));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, info, warnings, ...(this.budgetMs ? { budgetMs: this.budgetMs } : {}) }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.jobs) slot = this.spawn();
      if (!slot) return;
      const next = this.queue.shift()!;
      slot.busy = next;
      slot.worker.postMessage(next.job);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER) };
    slot.worker.on('message', (result: JobResult) => {
      const busy = slot.busy;
      slot.busy = undefined;
      if (busy) {
        if ('analysis' in result) busy.resolve(result.analysis);
        else busy.reject(new Error(result.error));
      }
      this.dispatch();
    });
    const lost = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      slot.busy?.reject(new Error(`the analysis worker stopped: ${why}`));
      slot.busy = undefined;
      this.dispatch();
    };
    slot.worker.on('error', (err) => lost(err.message));
    slot.worker.on('exit', (code) => lost(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
