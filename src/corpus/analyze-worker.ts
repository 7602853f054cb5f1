/** Worker-thread entry for `corpus add`: analyses the documents it is sent (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { analyzeDocument } from '../analyze.js';
import type { Job, JobResult } from './pool.js';

parentPort?.on('message', (job: Job) => {
  let result: JobResult;
  try {
    result = { id: job.id, analysis: analyzeDocument(job.info, job.warnings, { budgetMs: job.budgetMs }) };
  } catch (err) {
    result = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(result);
});
