/**
 * `unspin eval unattributed-claim`: the rule over a folder of real articles (warnews by default):
 * factual sentences, firings and the rate, each sentence's verdict; `--sample N` lists N firings
 * drawn with `--seed` (at most 3 from one article) as lines to judge by hand.
 */
import type { Command } from 'commander';
import { readingFolder } from './reading.js';
import { sharedPath } from '../core/paths.js';
import { auditUnattributed, formatUnattributedAudit, sampleFirings } from '../findings/audit.js';

export function registerFindingsAudit({ evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  evaluate
    .command('unattributed-claim')
    .description('run the pipeline on a folder of real articles: how often unattributed-claim fires, per factual sentence, and a seeded sample of its firings')
    .option('--dir <dir>', 'folder of .txt articles', sharedPath('data', 'warnews', 'articles'))
    .option('--sample <n>', 'list n firings drawn at random (tab-separated: file, start, end, claim)', (v) => Number(v))
    .option('--seed <n>', 'the seed of the sample', (v) => Number(v), 12)
    .option('--json', 'print the audit as JSON')
    .action(async (opts: { dir: string; sample?: number; seed: number; json?: boolean }) => {
      const audit = await readingFolder(() => auditUnattributed(opts.dir, { onArticle: (done, total) => done % 100 === 0 && process.stderr.write(`${done}/${total} articles\n`) }), `cannot read ${opts.dir}`);
      if (opts.json) return void process.stdout.write(`${JSON.stringify(audit, null, 2)}\n`);
      process.stdout.write(`${formatUnattributedAudit(audit)}\n`);
      if (opts.sample) {
        const rows = sampleFirings(audit.firings, opts.sample, opts.seed).map((f) => [f.file, f.start, f.end, f.claim.replace(/\s+/g, ' ')].join('\t'));
        process.stdout.write(`\nsample of ${rows.length} (seed ${opts.seed}):\n${rows.join('\n')}\n`);
      }
    });
}
