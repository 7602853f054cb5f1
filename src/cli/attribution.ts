/**
 * `unspin train attribution` rebuilds models/attribution.bin from PolNeAR train;
 * `unspin eval attribution --data DIR` scores the attribution stage on any PolNeAR-format folder
 * (text/ + attributions/): exact and overlap P/R/F1 per role and over all spans.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { modelPath, sharedPath } from '../core/paths.js';
import { UsageError } from '../core/errors.js';
import type { Scores } from '../eval/attribution.js';
import { evaluateReport, evaluateTagger, hasKinds, type KindScores } from '../attributions/evaluate.js';
import { buildAttributions } from '../attributions/build.js';
import { extractGroups } from '../attributions/extract.js';
import { analyzeDocument } from '../analyze.js';
import { entitiesAnalyzer } from '../entities/analyzer.js';
import { readBratFolder } from '../eval/brat.js';
import { ingest } from '../ingest/index.js';
import { inputOffset } from '../ingest/chrome.js';
import type { Attribution, DocumentInfo } from '../core/schema.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { segment } from '../text/segment.js';
import type { TaggerModel } from '../attributions/tagger.js';
import { BEAM_WIDTH, loadTagger, MODEL_FILE } from '../attributions/tagger.js';
import { trainTagger } from '../attributions/train.js';
import { calibration, collectRows, fitConfidence } from '../attributions/calibrate.js';
import { CONFIDENCE_FILE, predict } from '../attributions/confidence.js';

function integer(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not '${value}'`);
    return Number(value);
  };
}

export function formatScores(scores: Scores & { documents: number; kinds?: KindScores }): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const rows = (['source', 'cue', 'content', 'all'] as const).map((k) => {
    const { exact, overlap } = scores[k];
    return `${k.padEnd(8)} ${pct(exact.precision)} ${pct(exact.recall)} ${pct(exact.f1)}   ${pct(overlap.precision)} ${pct(overlap.recall)} ${pct(overlap.f1)}   ${String(exact.gold).padStart(5)} ${String(exact.predicted).padStart(5)}`;
  });
  const kinds = scores.kinds
    ? [`kind accuracy on exactly matched sources: ${pct(scores.kinds.accuracy).trim()}% of ${scores.kinds.matched}`,
       ...Object.entries(scores.kinds.confusions).sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n}`)]
    : [];
  return [`${scores.documents} documents`, 'role      exact P     R    F1   overlap P   R    F1    gold  pred', ...rows, ...kinds].join('\n');
}

/**
 * The report's attributions for a text, as `unspin analyze` gives them (ingest, sentences,
 * tokens, entities, then the attribution stage with `model`).
 */
export function reportAttributions(model: TaggerModel) {
  return async (text: string) => {
    const { info } = await ingest({ kind: 'text', text });
    const analysis = analyzeDocument(info, [], { analyzers: [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer] });
    const { tokens } = segment(info.text, info.language);
    const groups = extractGroups(model, info.text, analysis.sentences, tokens);
    const attributions = buildAttributions(info.text, analysis.sentences, groups, analysis.entities);
    // gold offsets are the file's: spans of the text after the chrome cut are placed back in it
    return info.removed ? attributions.map((a) => inInput(a, info.removed!)) : attributions;
  };
}

function inInput(a: Attribution, removed: NonNullable<DocumentInfo['removed']>): Attribution {
  const span = <S extends { start: number; end: number }>(s: S): S => ({ ...s, start: inputOffset(removed, s.start), end: inputOffset(removed, s.end, true) });
  return { ...a, source: a.source ? span(a.source) : null, ...(a.cue ? { cue: span(a.cue) } : {}), content: span(a.content) };
}

export function registerAttribution({ train, evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  train
    .command('attribution')
    .description('train the SOURCE / CUE / CONTENT tagger on PolNeAR train')
    .option('--data <dir>', 'PolNeAR-format training folder', sharedPath('data', 'polnear', 'train'))
    .option('--out <file>', 'model file to write', modelPath(MODEL_FILE))
    .option('--epochs <n>', 'passes over the data', integer('--epochs'), 40)
    .option('--seed <n>', 'shuffling seed', integer('--seed'), 7)
    .option('--beam <n>', "the training decoder's beam (0: greedy)", integer('--beam'), BEAM_WIDTH)
    .action((opts: { data: string; out: string; epochs: number; seed: number; beam: number }) => {
      const started = Date.now();
      const { file, documents, tokens } = trainTagger(opts.data, {
        epochs: opts.epochs,
        seed: opts.seed,
        beam: opts.beam,
        onEpoch: (epoch, accuracy) => process.stderr.write(`epoch ${epoch}/${opts.epochs}: token accuracy ${(100 * accuracy).toFixed(2)}%\n`),
      });
      writeFileSync(opts.out, file);
      process.stderr.write(
        `wrote ${opts.out} (${(file.length / 1e6).toFixed(1)} MB) from ${documents} documents, ${tokens} tokens, in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      );
    });

  train
    .command('attribution-confidence')
    .description('fit the attribution confidence on PolNeAR dev (logistic, 5-fold cross-validated by article) and write models/attribution-confidence.json')
    .option('--data <dir>', 'PolNeAR-format folder to fit on', sharedPath('data', 'polnear', 'dev'))
    .option('--check <dir>', 'a gold set with kinds to measure it on as well', fileURLToPath(new URL('../../test/gold/attribution/warnews', import.meta.url)))
    .option('--model <file>', 'the tagger', modelPath(MODEL_FILE))
    .option('--out <file>', 'model file to write', modelPath(CONFIDENCE_FILE))
    .option('--seed <n>', 'seed of the folds', integer('--seed'), 11)
    .action(async (opts: { data: string; check: string; model: string; out: string; seed: number }) => {
      const tagger = loadTagger(opts.model);
      const rows = await collectRows(readBratFolder(opts.data), tagger);
      const run = fitConfidence(rows, opts.seed);
      const checkRows = existsSync(opts.check) ? await collectRows(readBratFolder(opts.check), tagger) : [];
      const check = checkRows.length ? calibration(checkRows.map((r) => predict(run.model, r.x)), checkRows.map((r) => r.y)) : null;
      const meta = { data: opts.data.replace(/^.*\/shared\//, '../shared/'), seed: opts.seed, folds: 5, crossValidated: run.crossValidated, inSample: run.inSample, ...(check ? { check: { data: 'test/gold/attribution/warnews', ...check } } : {}) };
      writeFileSync(opts.out, `${JSON.stringify({ ...run.model, meta }, null, 1)}\n`);
      const line = (name: string, c: typeof run.crossValidated) =>
        `${name}: ${c.rows} attributions, ${c.right} right; ECE ${c.ece}; given >= 0.8: ${c.high.count}, ${(100 * c.high.share).toFixed(1)}% right`;
      process.stderr.write(`${[line('cross-validated', run.crossValidated), line('in sample', run.inSample), ...(check ? [line('check', check)] : []), `wrote ${opts.out}`].join('\n')}\n`);
    });

  evaluate
    .command('attribution')
    .description(
      'score the attribution stage on a PolNeAR-format folder (exact and overlap P/R/F1 per role); on a gold set with source kinds (test/gold/attribution/warnews) the report\'s attributions and their kinds',
    )
    .option('--data <dir>', 'PolNeAR-format folder with text/ and attributions/', sharedPath('data', 'polnear', 'dev'))
    .option('--model <file>', 'model file', modelPath(MODEL_FILE))
    .option('--json', 'print the scores as JSON')
    .action(async (opts: { data: string; model: string; json?: boolean }) => {
      const model = loadTagger(opts.model);
      const docs = readBratFolder(opts.data);
      const scores = hasKinds(docs) ? await evaluateReport(docs, reportAttributions(model)) : evaluateTagger(docs, model);
      process.stdout.write(opts.json ? `${JSON.stringify(scores, null, 2)}\n` : `${formatScores(scores)}\n`);
    });
}
