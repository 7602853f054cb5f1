/** `unspin eval times --timeml DIR`: the TempEval-3 Task A scores of the times layer on TimeML gold. */
import type { Command } from 'commander';
import { sharedPath } from '../core/paths.js';
import { formatTimexScores } from '../eval/timeml.js';
import { evaluateTimeml, loadTimeml } from '../times/timeml.js';

export function registerTimes({ evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  evaluate
    .command('times')
    .description('score the times layer on TimeML (TimeBank/AQUAINT): strict and relaxed extent P/R/F1, value and type (TempEval-3)')
    .option('--timeml <dir>', 'folder of .tml files (sub-folders are read too)', sharedPath('data', 'timeml'))
    .option('--json', 'print the scores as JSON')
    .action((opts: { timeml: string; json?: boolean }) => {
      const scores = evaluateTimeml(loadTimeml(opts.timeml));
      if (opts.json) process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
      else process.stdout.write(`${scores.documents} documents\n${formatTimexScores(scores)}`);
    });
}
