import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../core/paths.js';
import { Perceptron } from '../learn/perceptron.js';
import { segment } from '../text/segment.js';
import { decode, decodeBeam, deserializeModel, LABELS, labelsToSpans, learnBeam, legalLabels, loadTagger, MODEL_FILE, serializeModel, spansToLabels } from './tagger.js';

const text = 'The mayor said on Monday that the bridge will reopen.';
const { tokens } = segment(text, 'en');
const span = (role: 'source' | 'cue' | 'content', piece: string) => ({ role, start: text.indexOf(piece), end: text.indexOf(piece) + piece.length });

describe('tagger labels', () => {
  it('turns gold spans into BIO labels and back', () => {
    const gold = [span('source', 'The mayor'), span('cue', 'said'), span('content', 'the bridge will reopen')];
    const labels = spansToLabels(tokens, gold);
    expect(labels.slice(0, 3).map((l) => LABELS[l])).toEqual(['B-source', 'I-source', 'B-cue']);
    expect(labelsToSpans(tokens, labels)).toEqual(gold);
  });
});

describe('tagger model file', () => {
  it('round-trips through serialize/deserialize with its lexicon and gives the same labels', () => {
    const model = { perceptron: new Perceptron(LABELS, 12), lexicon: { say: 0.8 } };
    const gold = spansToLabels(tokens, [span('source', 'The mayor'), span('cue', 'said')]);
    for (let epoch = 0; epoch < 5; epoch++) decode(model, tokens, text, gold);
    model.perceptron.average();
    const { model: loaded, meta } = deserializeModel(serializeModel(model, { corpus: 'test' }));
    expect(meta.corpus).toBe('test');
    expect(loaded.lexicon).toEqual({ say: 0.8 });
    expect(decode(loaded, tokens, text)).toEqual(decode(model, tokens, text));
  });

  it.runIf(existsSync(modelPath(MODEL_FILE)))('loads the shipped model, which finds a plain attribution', () => {
    const model = loadTagger();
    expect(model.perceptron.labels).toEqual(LABELS);
    expect(Object.keys(model.lexicon).length).toBeGreaterThan(100);
    const roles = labelsToSpans(tokens, decode(model, tokens, text)).map((s) => s.role);
    expect(roles).toContain('cue');
    expect(roles).toContain('source');
  });
});

describe('beam training', () => {
  it('makes gold labels reachable by the beam: an I- label that continues no span of its role starts one', () => {
    expect(legalLabels([0, 2, 2, 4, 6, 5, 6])).toEqual([0, 1, 2, 3, 5, 5, 6]);
  });

  it('learns what the beam then reads, and keeps the outside handicap in the model file', () => {
    const model = { perceptron: new Perceptron(LABELS, 12), lexicon: { say: 0.8 } };
    const gold = spansToLabels(tokens, [span('source', 'The mayor'), span('cue', 'said'), span('content', 'the bridge will reopen')]);
    for (let epoch = 0; epoch < 5; epoch++) learnBeam(model, tokens, text, gold, 3);
    model.perceptron.average();
    expect(decodeBeam(model, tokens, text, 3)).toEqual(gold);
    const { model: loaded } = deserializeModel(serializeModel({ ...model, outside: 2.5 }, {}));
    expect(loaded.outside).toBe(2.5);
  });
});

describe('beam decoding', () => {
  it('never gives an I- label that does not continue its own role', () => {
    const model = { perceptron: new Perceptron(LABELS, 12), lexicon: {} };
    // a model that prefers I-source everywhere: the beam must open it with B-source first
    for (let b = 0; b < model.perceptron.weights.length; b += 7) model.perceptron.weights[b + 2] = 1;
    const labels = decodeBeam(model, tokens, text, 3);
    labels.forEach((l, i) => {
      if (l > 0 && l % 2 === 0) expect([l, l - 1]).toContain(labels[i - 1]);
    });
    expect(LABELS[labels[0]!]).toBe('B-source');
  });

  it.runIf(existsSync(modelPath(MODEL_FILE)))('reads a long source phrase whole where the greedy tagger starts it at its last word', () => {
    const model = loadTagger();
    const sentence = 'The chairman of the Danish Council on Ethics also said that the rule would be reviewed next year.';
    const toks = segment(sentence, 'en').tokens;
    const sources = (labels: number[]) => labelsToSpans(toks, labels).filter((s) => s.role === 'source').map((s) => sentence.slice(s.start, s.end));
    expect(sources(decode(model, toks, sentence))).toEqual(['Ethics']);
    expect(sources(decodeBeam(model, toks, sentence, 3))).toEqual(['The chairman of the Danish Council on Ethics']);
  });

  it.runIf(existsSync(modelPath(MODEL_FILE)))('gives the same margins as labels: one per token, none negative', () => {
    const model = loadTagger();
    const margins = new Float64Array(tokens.length).fill(-1);
    decodeBeam(model, tokens, text, 3, margins);
    expect([...margins].every((m) => m >= 0)).toBe(true);
  });
});
