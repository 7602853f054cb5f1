/**
 * Countries an article mentions without them being place entities: names ("Ukraine") and
 * demonyms and metonyms ("Ukrainian", "the Kremlin"), found among capitalised word runs. Context only.
 */
import { allCountries, countryWords } from './countries.js';
import { normalizeKey } from './normalize.js';

let lexicon: Map<string, string> | undefined;

function countryLexicon(): Map<string, string> {
  if (lexicon) return lexicon;
  const file = countryWords();
  const map = new Map<string, string>();
  for (const group of [file.aliases, file.demonyms, file.metonyms]) {
    for (const [cc, words] of Object.entries(group)) for (const w of words) map.set(normalizeKey(w), cc);
  }
  for (const { code, name } of allCountries()) if (!map.has(normalizeKey(name))) map.set(normalizeKey(name), code);
  return (lexicon = map);
}

// A run of up to four capitalised words (bounded: no backtracking blow-up on long inputs).
const CAPITALISED_RUN = /\p{Lu}[\p{L}’'.-]{0,30}(?:[ \t]+(?:of[ \t]+)?\p{Lu}[\p{L}’'.-]{0,30}){0,3}/gu;

/** Country code -> the first phrase by which the text mentions it. */
export function mentionedCountries(text: string): Map<string, string> {
  return new Map([...countryPhrases(text)].map(([cc, phrases]) => [cc, phrases[0]!]));
}

/**
 * Country code -> every phrase by which the text mentions it, in order of first use: a place
 * that is itself one of them ("Washington" for the US) is still in a country the article
 * mentions when another phrase names it too ("the United States").
 */
export function countryPhrases(text: string): Map<string, string[]> {
  const lex = countryLexicon();
  const found = new Map<string, string[]>();
  for (const m of text.matchAll(CAPITALISED_RUN)) {
    const words = m[0].split(/[ \t]+/);
    // every sub-run of the capitalised run, longest first ("United States", "Russian")
    for (let len = words.length; len >= 1; len--) {
      for (let i = 0; i + len <= words.length; i++) {
        const phrase = words.slice(i, i + len).join(' ').replace(/(?:['’]s|['’.])$/u, '');
        const cc = lex.get(normalizeKey(phrase));
        if (!cc) continue;
        const phrases = found.get(cc);
        if (!phrases) found.set(cc, [phrase]);
        else if (!phrases.includes(phrase)) phrases.push(phrase);
      }
    }
  }
  return found;
}
