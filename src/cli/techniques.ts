/**
 * `unspin train techniques` rebuilds models/techniques.bin from the PTC training articles, its
 * calibration fitted on 5-fold cross-validation (whose scores it prints); `unspin eval techniques` scores it on
 * PTC-format data with the SemEval-2020 Task 11 measures; `unspin techniques` writes predictions
 * in the PTC label format, or labels the spans of a TC template.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { dataPath, modelPath, sharedPath } from '../core/paths.js';
import { formatPtcLabels, type PtcSpan, readPtcLabels, scoreFLC, scoreSI } from '../eval/ptc.js';
import { CLUSTER_FILE, formatClusters, learnClusters, unlabelledDocuments } from '../techniques/clusters.js';
import { loadArticles, loadPtcTraining } from '../techniques/corpus.js';
import { evaluatePtc, labelTemplate, predictPtc } from '../techniques/evaluate.js';
import { loadTechniqueModel, MODEL_FILE } from '../techniques/model.js';
import { techniqueClass } from '../techniques/names.js';
import { crossValidate, DEFAULT_TRAIN, PreparedCorpus } from '../techniques/train.js';

function integer(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not '${value}'`);
    return Number(value);
  };
}

/** A commander parser for a number from 0 to 1 (--min-confidence). */
export function probability(name: string) {
  return (value: string) => {
    const p = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || p > 1) throw new UsageError(`${name} must be a number from 0 to 1, not '${value}'`);
    return p;
  };
}

/** Gold labels with the 18 fine names of older releases mapped to the 14 classes. */
function readGold(path: string): PtcSpan[] {
  return readPtcLabels(path).spans.map((s) => ({ ...s, technique: techniqueClass(s.technique) ?? s.technique }));
}

const f3 = (x: number) => x.toFixed(3);

/** One line per measure: 'SI: P=0.263 R=0.526 F1=0.351'. */
function formatScores(result: Record<string, unknown>): string {
  return Object.entries(result)
    .map(([name, value]) => {
      if (typeof value !== 'object' || value === null) return `${name}: ${String(value)}`;
      const v = value as { precision?: number; recall?: number; f1: number };
      const pr = v.precision === undefined ? '' : `P=${f3(v.precision)} R=${f3(v.recall ?? 0)} `;
      return `${name.toUpperCase()}: ${pr}F1=${f3(v.f1)}`;
    })
    .join('\n')
    .concat('\n');
}

export function registerTechniques({ program, train, evaluate }: { program: Command; train: Command; evaluate: Command }): void {
  train
    .command('techniques')
    .description('train the technique model on the PTC training articles (SemEval-2020 Task 11)')
    .option('--ptc <dir>', 'PTC folder with train-articles/ and train-labels-TC/', sharedPath('data', 'ptc'))
    .option('--out <file>', 'model file to write', modelPath(MODEL_FILE))
    .option('--seed <n>', 'shuffling seed', integer('--seed'), DEFAULT_TRAIN.seed)
    .option('--cv <folds>', 'cross-validate by article with this many folds (the calibration is fitted on them), print the scores', integer('--cv'), 5)
    .option('--clusters', `first relearn the word clusters (data/${CLUSTER_FILE}) from the unlabelled text in ../shared/data`)
    .action((opts: { ptc: string; out: string; seed: number; cv: number; clusters?: boolean }) => {
      const started = Date.now();
      const log = (m: string) => process.stderr.write(`${m} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      if (opts.clusters) {
        // before anything reads the clusters: features load the file once
        const clusters = learnClusters(unlabelledDocuments(sharedPath('data')));
        writeFileSync(dataPath(CLUSTER_FILE), formatClusters(clusters));
        log(`learned ${clusters.size} word clusters`);
      }
      const articles = loadPtcTraining(opts.ptc);
      log(`read and segmented ${articles.length} articles`);
      const corpus = new PreparedCorpus(articles, { ...DEFAULT_TRAIN, seed: opts.seed });
      if (opts.cv < 2) throw new UsageError('--cv needs at least 2 folds');
      const { cv, calibration } = crossValidate(corpus, opts.cv, true, log);
      process.stdout.write(`${JSON.stringify(cv, null, 2)}\n`);
      const meta = { data: 'ptc/train-articles + train-labels-TC', articles: articles.length, seed: opts.seed, calibratedOn: `${opts.cv}-fold out-of-fold predictions` };
      const model = corpus.train(undefined, meta).withCalibration(calibration);
      const file = model.serialize();
      writeFileSync(opts.out, file);
      log(`wrote ${opts.out} (${(file.length / 1e6).toFixed(1)} MB)`);
    });

  evaluate
    .command('techniques')
    .description('score technique spans on PTC data: SI and FLC P/R/F1, TC micro-F1 (SemEval-2020 Task 11 scorers)')
    .requiredOption('--articles <dir>', 'folder of article<ID>.txt files')
    .requiredOption('--gold <path>', 'gold labels: one file or a folder of article<ID>...labels files')
    .option('--pred <file>', 'score this PTC-format prediction file (SI and FLC) instead of running the model')
    .option('--model <file>', 'model file', modelPath(MODEL_FILE))
    .option('--min-confidence <p>', "score the spans at least this confident (default: the model's threshold, what the report shows; 0: every candidate)", probability('--min-confidence'))
    .option('--json', 'print the scores as JSON')
    .action((opts: { articles: string; gold: string; pred?: string; model: string; minConfidence?: number; json?: boolean }) => {
      const gold = readGold(opts.gold);
      // SI label files have no technique column: then only SI can be scored.
      const labelled = gold.some((s) => s.technique !== 'propaganda');
      let result: Record<string, unknown>;
      if (opts.pred) {
        const predicted = readGold(opts.pred);
        const ids = new Set(loadArticles(opts.articles).map((a) => a.id));
        result = { si: scoreSI(predicted, gold, ids), ...(labelled ? { flc: scoreFLC(predicted, gold, ids) } : {}) };
      } else {
        const articles = loadArticles(opts.articles);
        if (!labelled) {
          const ids = new Set(articles.map((a) => a.id));
          result = { articles: articles.length, si: scoreSI(predictPtc(articles, loadTechniqueModel(opts.model), opts.minConfidence), gold, ids) };
        } else result = { ...evaluatePtc(articles, gold, loadTechniqueModel(opts.model), opts.minConfidence) };
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(formatScores(result));
    });

  program
    .command('techniques')
    .description('detect persuasion techniques in PTC-format articles and write PTC labels (id TAB technique TAB start TAB end)')
    .requiredOption('--articles <dir>', 'folder of article<ID>.txt files')
    .requiredOption('--out <file>', 'label file to write')
    .option('--tc-template <file>', "label the spans of this template (technique column '?') instead of finding spans")
    .option('--model <file>', 'model file', modelPath(MODEL_FILE))
    .option('--min-confidence <p>', "write the spans at least this confident (default: the model's threshold, what the report shows; 0: every candidate)", probability('--min-confidence'))
    .action((opts: { articles: string; out: string; tcTemplate?: string; model: string; minConfidence?: number }) => {
      const model = loadTechniqueModel(opts.model);
      const articles = loadArticles(opts.articles);
      const spans = opts.tcTemplate ? labelTemplate(articles, readPtcLabels(opts.tcTemplate).spans, model) : predictPtc(articles, model, opts.minConfidence);
      writeFileSync(opts.out, formatPtcLabels(spans));
      process.stderr.write(`wrote ${spans.length} spans for ${articles.length} articles to ${opts.out}\n`);
    });
}
