/**
 * `unspin eval rewrites`: the rewrite benchmark (src/stories/bench/): stories, sentence alignment and
 * the cross-article finding rules, scored against what the generating script did.
 */
import type { Command } from 'commander';
import { PACKAGE_ROOT } from '../core/paths.js';
import { UsageError } from '../core/errors.js';
import { evaluateRewrites, loadReprints, type RewriteScores } from '../stories/bench/evaluate.js';
import { join } from 'node:path';

const whole = (name: string) => (v: string) => {
  if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, not '${v}'`);
  return Number(v);
};

export function formatRewriteScores(s: RewriteScores): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `seed ${s.seed}: ${s.articles} articles (${s.rewrites} generated rewrites), ${s.goldStories} gold stories, ${s.predictedStories} predicted stories of 2+`,
    `stories   pairwise P ${f(s.pairwise.precision)} R ${f(s.pairwise.recall)} F1 ${f(s.pairwise.f1)}   B-cubed P ${f(s.bcubed.precision)} R ${f(s.bcubed.recall)} F1 ${f(s.bcubed.f1)}`,
    `alignment accuracy ${f(s.alignment.accuracy)} (${s.alignment.correct} of ${s.alignment.items} sentences)`,
    'rule                  P      R      F1     tp   fp   fn',
    ...Object.entries(s.rules).map(([rule, r]) => `${rule.padEnd(20)} ${f(r.precision)}  ${f(r.recall)}  ${f(r.f1)}  ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}`),
    `findings between real reprints (not scored): ${s.onRealReprints}`,
  ];
  return lines.join('\n');
}

export function registerRewrites({ evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  evaluate
    .command('rewrites')
    .description('score stories, alignment and cross-article findings on the rewrite benchmark built from ../shared/data')
    .option('--seed <n>', 'benchmark seed (1, 2 and 4-8 were read in development; report others)', whole('--seed'), 3)
    .option('--origins <n>', 'real articles rewritten', whole('--origins'), 60)
    .option('--rewrites <n>', 'rewrites of each origin', whole('--rewrites'), 2)
    .option('--distractors <n>', 'other real articles mixed in', whole('--distractors'), 120)
    .option('--json', 'print the scores as JSON')
    .action(async (opts: { seed: number; origins: number; rewrites: number; distractors: number; json?: boolean }) => {
      const reprints = loadReprints(join(PACKAGE_ROOT, 'test', 'gold', 'warnews-reprints.json'));
      const scores = await evaluateRewrites(
        { seed: opts.seed, origins: opts.origins, rewritesPerOrigin: opts.rewrites, distractors: opts.distractors, reprints },
        process.stderr.isTTY ? (d, t) => process.stderr.write(`\ranalysed ${d}/${t}`) : undefined,
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(opts.json ? `${JSON.stringify(scores, null, 2)}\n` : `${formatRewriteScores(scores)}\n`);
    });
}
