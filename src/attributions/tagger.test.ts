import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../core/paths.js';
import { Perceptron } from '../learn/perceptron.js';
import { segment } from '../text/segment.js';
import { decode, deserializeModel, LABELS, labelsToSpans, loadTagger, MODEL_FILE, serializeModel, spansToLabels } from './tagger.js';

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
