/** `unspin eval chrome`: what ingest cuts as page chrome from a folder of articles, per reason, with a seeded sample to read. */
import type { Command } from 'commander';
import { readingFolder } from './reading.js';
import { sharedPath } from '../core/paths.js';
import { auditChrome, formatChromeAudit, sampleCuts } from '../ingest/chrome-audit.js';

export function registerChromeAudit({ evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  evaluate
    .command('chrome')
    .description('list what ingest cuts as page chrome from a folder of articles: counts per reason, and a seeded sample to read by hand')
    .option('--dir <dir>', 'folder of .txt articles', sharedPath('data', 'warnews', 'articles'))
    .option('--sample <n>', 'list n cuts drawn at random (tab-separated: file, start, end, reason, text)', (v) => Number(v))
    .option('--seed <n>', 'the seed of the sample', (v) => Number(v), 30)
    .option('--json', 'print the audit as JSON')
    .action(async (opts: { dir: string; sample?: number; seed: number; json?: boolean }) => {
      const audit = await readingFolder(() => auditChrome(opts.dir), `cannot read ${opts.dir}`);
      if (opts.json) return void process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
      process.stdout.write(`${formatChromeAudit(audit)}\n`);
      if (opts.sample) {
        const rows = sampleCuts(audit.cuts, opts.sample, opts.seed).map((c) => [c.file, c.start, c.end, c.reason, c.text.replace(/\s+/g, ' ').slice(0, 160)].join('\t'));
        process.stdout.write(`\nsample of ${rows.length} (seed ${opts.seed}):\n${rows.join('\n')}\n`);
      }
    });
}
