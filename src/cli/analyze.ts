import type { Command } from 'commander';
import { analyze } from '../analyze.js';
import { UsageError } from '../core/errors.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse one or more articles (files, folders, URLs, or - for stdin)')
    .argument('<inputs...>', 'text or HTML files, folders, http(s) URLs, or - for stdin')
    .option('--json', 'print the Analysis as JSON')
    .option('--published <date>', 'publication date, YYYY-MM-DD (sets or overrides the one found)')
    .action(async (inputs: string[], opts: { json?: boolean; published?: string }) => {
      if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) {
        throw new UsageError(`--published must be YYYY-MM-DD, not '${opts.published}'`);
      }
      for (const path of inputs) {
        const analysis = await analyze({ kind: 'file', path }, { published: opts.published });
        process.stdout.write(`${JSON.stringify(analysis, null, opts.json ? 2 : 0)}\n`);
      }
    });
}
