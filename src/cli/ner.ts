/**
 * `unspin train ner` rebuilds models/ner.bin from CoNLL-2003 eng.train; `unspin eval ner` scores
 * a model on a CoNLL file (eng.testa is the dev split) with conlleval's exact-match P/R/F1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { modelPath, sharedPath } from '../core/paths.js';
import { UsageError, UserError } from '../core/errors.js';
import { formatConllScore } from '../eval/conll.js';
import { evaluateNer } from '../entities/ner/evaluate.js';
import { loadNerModel } from '../entities/ner/tagger.js';
import { trainNer } from '../entities/ner/train.js';

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read ${path}`);
  }
}

function integer(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not '${value}'`);
    return Number(value);
  };
}

export function registerNer({ train, evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  train
    .command('ner')
    .description('train the named-entity tagger on CoNLL-2003 eng.train')
    .option('--data <file>', 'CoNLL-2003 training file', sharedPath('data', 'conll2003', 'eng.train'))
    .option('--out <file>', 'model file to write', modelPath('ner.bin'))
    .option('--epochs <n>', 'passes over the data', integer('--epochs'), 12)
    .option('--seed <n>', 'shuffling seed', integer('--seed'), 1)
    .action((opts: { data: string; out: string; epochs: number; seed: number }) => {
      const started = Date.now();
      const model = trainNer(readInput(opts.data), {
        epochs: opts.epochs,
        seed: opts.seed,
        onEpoch: (epoch, mistakes, sentences) =>
          process.stderr.write(`epoch ${epoch}/${opts.epochs}: ${mistakes} token errors over ${sentences} sentences\n`),
      });
      const file = model.save({ data: opts.data.split(/[\\/]/).slice(-2).join('/'), epochs: opts.epochs, seed: opts.seed });
      writeFileSync(opts.out, file);
      process.stderr.write(`wrote ${opts.out} (${(file.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    });

  evaluate
    .command('ner')
    .description('score the named-entity tagger on a CoNLL-2003 file (exact-match P/R/F1, as conlleval)')
    .requiredOption('--gold <file>', 'CoNLL-2003 file with gold NER tags (e.g. eng.testa)')
    .option('--model <file>', 'model file', modelPath('ner.bin'))
    .option('--json', 'print the scores as JSON')
    .action((opts: { gold: string; model: string; json?: boolean }) => {
      const score = evaluateNer(readInput(opts.gold), loadNerModel(opts.model));
      process.stdout.write(opts.json ? `${JSON.stringify(score, null, 2)}\n` : `${formatConllScore(score)}\n`);
    });
}
