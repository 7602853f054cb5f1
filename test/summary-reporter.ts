/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so that CI logs read the same whatever the runner. A file or suite that fails outside
 * its tests (an error while collecting it) counts as a failed test.
 */
import type { Reporter } from 'vitest/node';

type Task = { type: string; mode: string; result?: { state?: string }; tasks?: Task[] };

export default class SummaryLine implements Reporter {
  onFinished(files: Task[] = []): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    // returns the failed tests under the task; a file or suite that failed with none (an error
    // while collecting it, in a hook) counts as one failure, so that the line never hides it
    const visit = (task: Task): number => {
      if (task.type === 'test') {
        if (task.result?.state === 'pass') count.passed++;
        else if (task.result?.state === 'fail') count.failed++;
        else count.skipped++;
        return task.result?.state === 'fail' ? 1 : 0;
      }
      const failed = (task.tasks ?? []).reduce((n, t) => n + visit(t), 0);
      if (failed === 0 && task.result?.state === 'fail') {
        count.failed++;
        return 1;
      }
      return failed;
    };
    files.forEach(visit);
    process.stdout.write(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
