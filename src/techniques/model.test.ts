import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../core/paths.js';
import { CodePointMap } from '../eval/ptc.js';
import { type CorpusArticle, articleContext, tokenRange } from './corpus.js';
import { detectTechniques } from './detect.js';
import { hashFeature } from '../learn/perceptron.js';
import { classifyGiven } from './evaluate.js';
import { featureHash } from './features.js';
import { Lexicons, phraseForms } from './lexicons.js';
import { MODEL_FILE, TechniqueModel, loadTechniqueModel, sentenceHulls, spansFromMargins } from './model.js';
import { TECHNIQUES, techniqueClass } from './names.js';
import { DEFAULT_TRAIN, PreparedCorpus } from './train.js';

/** A tiny corpus written for this test: loaded words marked as Loaded_Language, a slogan as Slogans. */
function toyCorpus(): CorpusArticle[] {
  const texts = [
    'The brutal crackdown shocked the town.\nCouncil members met on Monday to discuss the budget.\nBuild the bridge now!',
    'A vicious attack hit the market.\nThe committee approved the plan for new schools.\nBuild the bridge now!',
    'The ruthless raid angered residents.\nThe mayor opened the library on Friday.\nBuild the bridge now!',
  ];
  return texts.map((text, i) => {
    const gold = [];
    for (const w of ['brutal crackdown', 'vicious attack', 'ruthless raid']) {
      const at = text.indexOf(w);
      if (at >= 0) gold.push({ technique: 'Loaded_Language' as const, start: at, end: at + w.length });
    }
    const slogan = text.indexOf('Build the bridge now');
    gold.push({ technique: 'Slogans' as const, start: slogan, end: slogan + 'Build the bridge now'.length });
    return { id: String(i + 1), ctx: articleContext(text), map: new CodePointMap(text), gold };
  });
}

describe('the technique model', () => {
  const options = { ...DEFAULT_TRAIN, taggerBits: 12, classifierBits: 12, taggerEpochs: 8, classifierEpochs: 8, threshold: 0 };
  const articles = toyCorpus();
  const model = new PreparedCorpus(articles, options).train();

  it('learns the spans and techniques of its training articles', () => {
    const found = detectTechniques(articles[0]!.ctx, model, { rules: false });
    const text = articles[0]!.ctx.text;
    expect(found.some((t) => t.technique === 'Loaded_Language' && text.slice(t.start, t.end).includes('crackdown'))).toBe(true);
    expect(found.some((t) => t.technique === 'Slogans' && text.slice(t.start, t.end).includes('bridge'))).toBe(true);
  });

  it('survives a save and a load with the same predictions', () => {
    const again = TechniqueModel.deserialize(model.serialize());
    expect(again.options).toEqual(model.options);
    const a = articles[1]!.ctx;
    const before = Array.from(model.margins(a));
    const after = Array.from(again.margins(a));
    after.forEach((m, i) => expect(m).toBeCloseTo(before[i]!, 1));
    expect(classifyGiven(again, articles[1]!, articles[1]!.gold)).toEqual(classifyGiven(model, articles[1]!, articles[1]!.gold));
  });

  it('gives a span listed twice its two most likely techniques', () => {
    const s = articles[2]!.gold[0]!;
    const labels = classifyGiven(model, articles[2]!, [s, s]);
    expect(labels[0]).not.toBe(labels[1]);
    expect(TECHNIQUES).toContain(labels[1]);
  });
});

describe('span repair', () => {
  const ctx = articleContext('They hit the poor old town, and then left.\nNothing else.');
  it('fills a one-token gap, trims punctuation and keeps runs inside a sentence', () => {
    const margins = new Float32Array(ctx.tokens.length).fill(-5);
    // 'hit the [poor] old town ,' with 'poor' below the threshold, and the comma above it
    for (const w of ['hit', 'the', 'old', 'town', ',']) margins[ctx.lower.indexOf(w)] = 5;
    const spans = spansFromMargins(ctx, margins, 0);
    expect(spans.map((s) => ctx.text.slice(ctx.tokens[s.first]!.start, ctx.tokens[s.last]!.end))).toEqual(['hit the poor old town']);
  });

  it('joins the runs of one sentence into its hull', () => {
    const margins = new Float32Array(ctx.tokens.length).fill(-5);
    margins[ctx.lower.indexOf('hit')] = 5;
    margins[ctx.lower.indexOf('left')] = 5;
    margins[ctx.lower.indexOf('nothing')] = 5;
    const hulls = sentenceHulls(ctx, spansFromMargins(ctx, margins, 0));
    expect(hulls.map((h) => ctx.text.slice(ctx.tokens[h.first]!.start, ctx.tokens[h.last]!.end))).toEqual(['hit the poor old town, and then left', 'Nothing']);
  });

  it('finds the tokens of a character span', () => {
    const at = ctx.text.indexOf('old town');
    const r = tokenRange(ctx, at, at + 'old town'.length)!;
    expect(ctx.lower.slice(r.first, r.last + 1)).toEqual(['old', 'town']);
    expect(tokenRange(ctx, ctx.text.indexOf('\n'), ctx.text.indexOf('\n') + 1)).toBeNull();
  });
});

describe('lexicons and names', () => {
  it('match hyphenated and clitic forms both whole and split', () => {
    expect(phraseForms('so-called')).toEqual([['so-called'], ['so', '-', 'called']]);
    const lex = new Lexicons([{ cls: 0, phrase: 'so-called' }, { cls: 1, phrase: 'sent shockwaves' }]);
    expect(lex.match(['the', 'so', '-', 'called', 'plan', 'sent', 'shockwaves'])).toEqual([
      { cls: 0, first: 1, last: 3 },
      { cls: 1, first: 5, last: 6 },
    ]);
  });

  it('maps the 18 fine PTC names to the 14 classes', () => {
    expect(techniqueClass('Straw_Men')).toBe('Whataboutism,Straw_Men,Red_Herring');
    expect(techniqueClass('Reductio_ad_hitlerum')).toBe('Bandwagon,Reductio_ad_hitlerum');
    expect(techniqueClass('Doubt')).toBe('Doubt');
    expect(techniqueClass('Obfuscation,Intentional_Vagueness,Confusion')).toBeUndefined();
  });
});

describe.skipIf(!existsSync(modelPath(MODEL_FILE)))('the shipped model', () => {
  it('loads with the 14 PTC classes and a threshold from cross-validation', () => {
    const model = loadTechniqueModel();
    expect(model.classifier.labels).toEqual([...TECHNIQUES]);
    expect(model.hullClassifier.labels).toEqual([...TECHNIQUES]);
    expect(Number.isFinite(model.options.threshold)).toBe(true);
  });
});

describe('feature hashing', () => {
  it('hashes a feature built in parts as the perceptron hashes the whole string', () => {
    expect(featureHash('ww-=', 'the', '|', 'crackdown')).toBe(hashFeature('ww-=the|crackdown'));
    expect(featureHash('w=', 'ünïcode’s')).toBe(hashFeature('w=ünïcode’s'));
    expect(featureHash('q')).toBe(hashFeature('q'));
  });
});
