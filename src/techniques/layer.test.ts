import { describe, expect, it } from 'vitest';
import type { Attribution } from '../core/schema.js';
import type { TechniqueSpan } from './schema.js';
import { articleContext } from './corpus.js';
import { techniqueLayer, withHolders } from './layer.js';
import { loadTechniqueModel } from './model.js';

const span = (text: string, words: string): TechniqueSpan => {
  const start = text.indexOf(words);
  return { technique: 'Name_Calling,Labeling', start, end: start + words.length, confidence: 0.6 };
};

describe('the techniques layer', () => {
  it("a loaded word inside a quotation is the quoted speaker's, linked to the attribution", () => {
    const text = 'The spokesman said the Kyiv regime was to blame. The Kyiv regime denied it.';
    const content = { start: text.indexOf('the Kyiv'), end: text.indexOf('.') };
    const attribution: Attribution = { id: 'a1', source: { start: 4, end: 13, text: 'spokesman', kind: 'unknown' }, content };
    const [quoted, own] = withHolders(articleContext(text), [span(text, 'Kyiv regime'), { ...span(text, 'Kyiv regime'), start: text.lastIndexOf('Kyiv'), end: text.lastIndexOf('Kyiv') + 11 }], [attribution]);
    expect(quoted!.holder).toEqual({ kind: 'quoted', attributionId: 'a1', source: 'spokesman' });
    expect(quoted!.cues?.at(-1)).toMatch(/spokesman says/);
    expect(own!.holder).toEqual({ kind: 'outlet' });
  });

  it('quotation marks without an attribution still mark the words as quoted', () => {
    const text = 'Posters read “Death to the orcs” across the city.';
    const [t] = withHolders(articleContext(text), [span(text, 'orcs')], []);
    expect(t!.holder).toEqual({ kind: 'quoted' });
  });

  it('splits shown spans from candidates at the model threshold and scores every sentence', () => {
    const model = loadTechniqueModel();
    const text = 'Mayor slams brutal crackdown\n\nThe so-called "reform" sent shockwaves through the town, and stoked fears of a wider collapse.\n\nThe council meets on Tuesday.\n';
    const ctx = articleContext(text);
    const layer = techniqueLayer(ctx, model);
    const threshold = model.calibration!.threshold;
    for (const t of layer.shown) expect(t.confidence).toBeGreaterThanOrEqual(threshold);
    for (const t of layer.candidates) expect(t.confidence).toBeLessThan(threshold);
    expect(layer.shown.length + layer.candidates.length).toBeGreaterThan(0);
    const summary = layer.summary!;
    expect(summary.sentenceScores).toHaveLength(ctx.sentences.length);
    // the loaded sentence is likelier to carry a technique than the plain one
    expect(summary.sentenceScores[1]!).toBeGreaterThan(summary.sentenceScores[2]!);
    expect(summary.threshold).toBe(threshold);
  });
});
