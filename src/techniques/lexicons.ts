/**
 * Our cue lexicons (data/techniques/*.txt) and their matcher over lowercased tokens. A hit is a
 * run of tokens equal to one entry; features and rules read the hits and each token's classes.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';

/** One file per cue class; the bit a class takes in a token's mask is its index here. */
export const LEXICON_CLASSES = [
  'loaded',
  'labels',
  'fear',
  'fear-triggers',
  'authority',
  'flag',
  'blackwhite',
  'doubt',
  'exaggeration',
  'hitler',
  'cliches',
  'causal',
  'whatabout',
] as const;
export type LexiconClass = (typeof LEXICON_CLASSES)[number];

/** What a class's hit says in a technique's cues. */
export const LEXICON_MEANING: Record<LexiconClass, string> = {
  loaded: 'loaded language',
  labels: 'label',
  fear: 'fear word',
  'fear-triggers': 'stirs a fear',
  authority: 'authority cue',
  flag: 'group identity',
  blackwhite: 'two-choice framing',
  doubt: 'doubt cue',
  exaggeration: 'intensifier',
  hitler: 'totalitarian comparison',
  cliches: 'cliche',
  causal: 'causal link',
  whatabout: 'turn to another subject',
};

export interface LexiconHit {
  cls: number;
  /** first and last token index of the match */
  first: number;
  last: number;
}

/** Entries by their first word, each as its word list; matched longest first. */
export class Lexicons {
  private readonly byFirst = new Map<string, { words: string[]; cls: number }[]>();

  constructor(entries: readonly { cls: number; phrase: string }[]) {
    for (const { cls, phrase } of entries) {
      for (const words of phraseForms(phrase)) {
        const list = this.byFirst.get(words[0]!) ?? [];
        list.push({ words, cls });
        this.byFirst.set(words[0]!, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every entry matching at each token (a token may start hits of several classes). */
  match(lower: readonly string[]): LexiconHit[] {
    const hits: LexiconHit[] = [];
    for (let i = 0; i < lower.length; i++) {
      const candidates = this.byFirst.get(lower[i]!);
      if (!candidates) continue;
      const seen = new Set<number>();
      for (const { words, cls } of candidates) {
        if (seen.has(cls) || i + words.length > lower.length) continue;
        let ok = true;
        for (let k = 1; k < words.length && ok; k++) ok = lower[i + k] === words[k];
        if (ok) {
          seen.add(cls);
          hits.push({ cls, first: i, last: i + words.length - 1 });
        }
      }
    }
    return hits;
  }
}

/**
 * An entry as token sequences: the tokenizer keeps some hyphenated words whole ('neo-nazi') and
 * splits others ('so', '-', 'called'), and splits clitics ("that", "'s"), so both forms are listed.
 */
export function phraseForms(phrase: string): string[][] {
  const whole = phrase.split(/\s+/).filter(Boolean);
  const split = phrase
    .replace(/-/g, ' - ')
    .replace(/'/g, " '")
    .split(/\s+/)
    .filter(Boolean);
  if (whole.length === 0) return [];
  return whole.join(' ') === split.join(' ') ? [whole] : [whole, split];
}

/** A token as the lexicons see it: lowercased, curly apostrophes straightened. */
export const lexiconForm = (token: string) => token.toLowerCase().replace(/\u2019/g, "'");

export function parseLexicon(content: string): string[] {
  return content
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().toLowerCase())
    .filter((l) => l.length > 0);
}

let shipped: Lexicons | undefined;
/** The lexicons under data/techniques, read once. */
export function loadLexicons(): Lexicons {
  if (shipped) return shipped;
  const entries: { cls: number; phrase: string }[] = [];
  LEXICON_CLASSES.forEach((name, cls) => {
    for (const phrase of parseLexicon(readFileSync(dataPath(`techniques/${name}.txt`), 'utf8'))) entries.push({ cls, phrase });
  });
  return (shipped = new Lexicons(entries));
}
