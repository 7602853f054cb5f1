/**
 * The loaded vocabulary of the Russia-Ukraine war from both sides (data/techniques/war.tsv):
 * each entry names its technique and why it persuades, so a hit is a span with its own cue.
 */
import { readFileSync } from 'node:fs';
import type { Technique } from '../core/schema.js';
import { dataPath } from '../core/paths.js';
import type { ArticleContext } from './context.js';
import { Lexicons } from './lexicons.js';
import { type TechniqueName, techniqueClass } from './names.js';

export interface WarEntry {
  phrase: string;
  technique: TechniqueName;
  cue: string;
  /** a sentence of our own where the entry persuades (the tests read them) */
  example: string;
}

/** The id its spans' cues carry ('rule war-vocabulary: ...'). */
export const WAR_RULE = 'war-vocabulary';

/**
 * The confidence of a hit before calibration: PTC (US politics, 2017-18) has almost none of these
 * words, so the calibrator knows them only as rule spans of their technique.
 */
const RAW_CONFIDENCE = 0.28;

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

/** One span per hit of the war vocabulary, the longest entry where several start at a token. */
export function warVocabulary(ctx: ArticleContext): Technique[] {
  const { entries, lexicon } = loadWarLexicon();
  const out: Technique[] = [];
  let covered = -1;
  for (const h of lexicon.match(ctx.lower)) {
    if (h.first <= covered) continue;
    const e = entries[h.cls]!;
    covered = h.last;
    const words = ctx.text.slice(ctx.tokens[h.first]!.start, ctx.tokens[h.last]!.end);
    out.push({
      technique: e.technique,
      start: ctx.tokens[h.first]!.start,
      end: ctx.tokens[h.last]!.end,
      confidence: RAW_CONFIDENCE,
      cues: [`rule ${WAR_RULE}: '${words}' (${e.cue})`],
    });
  }
  return out;
}
