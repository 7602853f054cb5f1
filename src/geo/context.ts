/**
 * Countries an article mentions without them being place entities: names ("Ukraine") and
 * demonyms ("Ukrainian", "the Kremlin"), found among capitalised word runs. Context only.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import { normalizeKey } from './normalize.js';

const englishName = new Intl.DisplayNames(['en'], { type: 'region' });

/** 'Ukraine' for 'UA' (the code itself when unknown). */
export const countryName = (cc: string): string => {
  try {
    return englishName.of(cc) ?? cc;
  } catch {
    return cc;
  }
};

let lexicon: Map<string, string> | undefined;

function countryLexicon(): Map<string, string> {
  if (lexicon) return lexicon;
  const file = JSON.parse(readFileSync(dataPath('geo/countries.json'), 'utf8')) as {
    aliases: Record<string, string[]>;
    demonyms: Record<string, string[]>;
  };
  const map = new Map<string, string>();
  for (const group of [file.aliases, file.demonyms]) {
    for (const [cc, words] of Object.entries(group)) for (const w of words) map.set(normalizeKey(w), cc);
  }
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const cc = String.fromCharCode(a, b);
      const name = englishName.of(cc);
      if (name && name !== cc && !map.has(normalizeKey(name))) map.set(normalizeKey(name), cc);
    }
  }
  return (lexicon = map);
}

// A run of up to four capitalised words (bounded: no backtracking blow-up on long inputs).
const CAPITALISED_RUN = /\p{Lu}[\p{L}’'.-]{0,30}(?:[ \t]+(?:of[ \t]+)?\p{Lu}[\p{L}’'.-]{0,30}){0,3}/gu;

/** Country code -> the first phrase by which the text mentions it. */
export function mentionedCountries(text: string): Map<string, string> {
  const lex = countryLexicon();
  const found = new Map<string, string>();
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const words = m[0].split(/[ \t]+/);
    // every sub-run of the capitalised run, longest first ("United States", "Russian")
    for (let len = words.length; len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        const phrase = words.slice(i, i + len).join(' ').replace(/(?:['’]s|['’.])$/u, '');
        const cc = lex.get(normalizeKey(phrase));
        if (cc && !found.has(cc)) found.set(cc, phrase);
      }
    }
  }
  return found;
}
