/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so that CI logs read the same whatever the runner.
 */
import type { Reporter } from 'vitest/node';

type Task = { type: string; mode: string; result?: { state?: string }; tasks?: Task[] };

export default class SummaryLine implements Reporter {
  onFinished(files: Task[] = []): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const visit = (task: Task) => {
      if (task.tasks) task.tasks.forEach(visit);
      if (task.type !== 'test') return;
      if (task.result?.state === 'pass') count.passed++;
      else if (task.result?.state === 'fail') count.failed++;
      else count.skipped++;
    };
    files.forEach(visit);
    process.stdout.write(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
