/**
 * Country names, from the runtime's own ICU data: the one helper every layer uses ('Ukraine' for
 * 'UA'; is "Russia" a country's name?); and our own lists of the other words for countries.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** 'Ukraine' for 'UA'; the code itself when Intl does not know it; 'an unknown country' for none. */
export function countryName(code: string | null | undefined): string {
  if (!code) return 'an unknown country';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}

let countries: { code: string; name: string }[] | undefined;

/** Every two-letter region code Intl names, with its English name ('UA', 'Ukraine'), listed once. */
export function allCountries(): readonly { code: string; name: string }[] {
  if (countries) return countries;
  countries = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = regionNames.of(code);
      if (name && name !== code) countries.push({ code, name });
    }
  }
  return countries;
}

let countryNames: Set<string> | undefined;

/**
 * True for the English name of a country ("Russia", "Ukraine"), any case. A country named in a
 * story locates nothing within it, so the region rules and the events' place choice set countries aside.
 */
export function isCountryName(name: string): boolean {
  countryNames ??= new Set(allCountries().map((c) => c.name.toLowerCase()));
  return countryNames.has(name.toLowerCase());
}

/** data/geo/countries.json, by country code: extra names, demonyms ("Ukrainian", "Ukrainians") and metonyms ("Kremlin"). */
export interface CountryWords {
  aliases: Record<string, string[]>;
  demonyms: Record<string, string[]>;
  metonyms: Record<string, string[]>;
}

let words: CountryWords | undefined;

/** Our lists of the words for countries, read once. */
export function countryWords(): CountryWords {
  return (words ??= JSON.parse(readFileSync(dataPath('geo/countries.json'), 'utf8')) as CountryWords);
}
