import { describe, expect, it } from 'vitest';
import { techniqueMessage } from './message.js';
import { MODEL_DOC } from './rules/index.js';
import { soCalled } from './rules/so-called.js';

const text = 'Officials blamed the so-called "peacekeepers" for the attack.';
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('a technique span as a message', () => {
  it('names the hand-written detector that found it before the model, with its doc', () => {
    const m = techniqueMessage(text, { technique: 'Doubt', ...at('so-called "peacekeepers"'), confidence: 0.456, rules: ['model', 'so-called'] });
    expect(m).toMatchObject({ rule: 'so-called', source: 'techniques', severity: 'info', docs: soCalled.doc, spans: [at('so-called "peacekeepers"')] });
    expect(m.message).toBe(`Doubt: 'so-called "peacekeepers"' (confidence 0.46)`);
    expect(m.rules).toEqual(['model', 'so-called']);
  });

  it("is the model's when no rule found it, and keeps the span's own fields", () => {
    const span = { technique: 'Name_Calling,Labeling', ...at('peacekeepers'), confidence: 0.7, cues: ['lexicon'], holder: { kind: 'outlet' as const } };
    const m = techniqueMessage(text, span);
    expect(m).toMatchObject({ ...span, rule: 'model', docs: MODEL_DOC });
    expect(m.message).toBe("Name calling / labelling: 'peacekeepers' (confidence 0.70)");
  });

  it('quotes only the head of a long span', () => {
    const long = 'word '.repeat(1_000);
    expect(techniqueMessage(long, { technique: 'Repetition', start: 0, end: long.length, confidence: 0.2 }).message.length).toBeLessThan(120);
  });
});
