/**
 * The loaded vocabulary of the Russia-Ukraine war from both sides (data/techniques/war.tsv):
 * each entry names its technique and why it persuades; rules/war-vocabulary.ts marks its hits.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import { Lexicons } from './lexicons.js';
import { type TechniqueName, techniqueClass } from './names.js';

export interface WarEntry {
  phrase: string;
  technique: TechniqueName;
  cue: string;
  /** a sentence of our own where the entry persuades (the tests read them) */
  example: string;
}

/** The id of the detector of this vocabulary (rules/war-vocabulary.ts), which the guards and the calibrator look for. */
export const WAR_RULE = 'war-vocabulary';

export function parseWarLexicon(content: string, where = 'war.tsv'): WarEntry[] {
  const out: WarEntry[] = [];
  content.split('\n').forEach((line, n) => {
    if (line.startsWith('#') || line.trim() === '') return;
    const [phrase, label, cue, example] = line.split('\t');
    const technique = techniqueClass(label ?? '');
    if (!phrase || !technique || !cue || !example) throw new Error(`${where}:${n + 1}: expected phrase, technique, cue and example separated by tabs`);
    out.push({ phrase: phrase.trim().toLowerCase(), technique, cue, example });
  });
  return out;
}

let shipped: { entries: WarEntry[]; lexicon: Lexicons } | undefined;
/** The shipped war vocabulary, read once. */
export function loadWarLexicon(): { entries: WarEntry[]; lexicon: Lexicons } {
  if (shipped) return shipped;
  const entries = parseWarLexicon(readFileSync(dataPath('techniques/war.tsv'), 'utf8'));
  return (shipped = { entries, lexicon: new Lexicons(entries.map((e, cls) => ({ cls, phrase: e.phrase }))) });
}
