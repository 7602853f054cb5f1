/**
 * The `unspin` command. Subcommands are thin shells over the library; a UserError is printed as
 * one line (no stack trace) with its exit code.
 */
import { Command, CommanderError } from 'commander';
import { UserError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { processIo, registerAnalyze, type CliIo } from './analyze.js';
import { registerAttribution } from './attribution.js';
import { registerCorpus } from './corpus.js';
import { registerChromeAudit } from './chrome-audit.js';
import { registerFindingsAudit } from './findings-audit.js';
import { registerNer } from './ner.js';
import { registerPlaces } from './places.js';
import { registerRewrites } from './rewrites.js';
import { registerRules } from './rules.js';
import { registerTechniques } from './techniques.js';
import { registerTimes } from './times.js';

export function buildProgram(io: CliIo = processIo()): Command {
  const program = new Command('unspin')
    .description('Reads a news article and lays out who claims what, who and where, when, how it persuades, and where it contradicts itself.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (str) => io.stdout.write(str),
      writeErr: (str) => io.stderr.write(str),
      // commander's own errors (unknown option, missing argument) as one line, like ours
      outputError: (str, write) => write(`unspin: ${str.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });
  registerAnalyze(program, io);
  registerRules(program, io);
  registerCorpus(program, io);
  // Each layer with a model or a tool of its own adds its subcommands here:
  // `train <what>` rebuilds a shipped model, `eval <what>` scores one on gold data.
  const train = program.command('train').description('rebuild a shipped model from the corpora in ../shared/data');
  const evaluate = program.command('eval').description('score a model on a gold-standard file or folder');
  for (const register of [registerNer, registerPlaces, registerAttribution, registerTechniques, registerTimes, registerRewrites, registerFindingsAudit, registerChromeAudit] as ((c: { program: Command; train: Command; evaluate: Command }) => void)[]) {
    register({ program, train, evaluate });
  }
  return program;
}

/** Runs the CLI; `io` lets tests run it in-process and read what it printed. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UserError) {
      io.stderr.write(`unspin: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`unspin: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.UNSPIN_DEBUG) io.stderr.write(`${(err as Error)?.stack}\n`);
    return 70;
  }
}
