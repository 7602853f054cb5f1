import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../core/paths.js';
import { segment } from '../text/segment.js';
import { extractGroups } from './extract.js';
import { loadTagger, MODEL_FILE } from './tagger.js';

describe.runIf(existsSync(modelPath(MODEL_FILE)))('extractGroups with the shipped model', () => {
  it('reads the tagger with a beam: a long source phrase is found whole, not from its last word', () => {
    const text = 'The chairman of the Danish Council on Ethics also said that the rule would be reviewed next year.';
    const { sentences, tokens } = segment(text, 'en');
    const groups = extractGroups(loadTagger(), text, sentences, tokens);
    expect(groups.map((g) => g.source && text.slice(g.source.start, g.source.end))).toEqual(['The chairman of the Danish Council on Ethics']);
  });
});

describe.runIf(existsSync(modelPath(MODEL_FILE)))('extractGroups: passive cues', () => {
  it('takes the agent after "by" as the source, not the subject before the cue', () => {
    for (const [text, source] of [
      ['Ana Berg is supported by far fewer councillors.', 'far fewer councillors'],
      ['The ferry deal was first reported by the Kaleva Times.', 'the Kaleva Times'],
    ] as const) {
      const { sentences, tokens } = segment(text, 'en');
      const groups = extractGroups(loadTagger(), text, sentences, tokens);
      expect(groups.map((g) => g.source && text.slice(g.source.start, g.source.end))).toEqual([source]);
    }
  });
});
