/** Worker-thread entry for `corpus add` and `reanalyze`: analyses and packs the documents it is sent (see pool.ts). */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './pool.js';

parentPort?.on('message', (job: Job) => {
  let result: JobResult;
  try {
    result = { id: job.id, ...runJob(job) };
  } catch (err) {
    result = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(result);
});
