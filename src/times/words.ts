/** English calendar words shared by the date rules (months: text/months.ts). */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const WEEKDAY_PATTERN = WEEKDAYS.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|');
/** 0 = Sunday */
export const weekdayNumber = (word: string): number => WEEKDAYS.indexOf(word.toLowerCase());

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'one hundred': 100,
};
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A count in figures or words, up to "ninety-nine" and "a hundred" (bounded: no repetition). */
export const COUNT_PATTERN = String.raw`\d{1,3}(?:,\d{3})?|(?:${TENS})(?:[- ](?:${UNITS}))?|(?:a|one) hundred|an?|${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`;
/** The number a count stands for; NaN when it is not one. */
export const countNumber = (word: string): number => {
  const w = word.toLowerCase().replace(/,/g, '');
  if (w in NUMBERS) return NUMBERS[w]!;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  if (compound && compound[1]! in NUMBERS && compound[2]! in NUMBERS) return NUMBERS[compound[1]!]! + NUMBERS[compound[2]!]!;
  return Number(w);
};
/** Counts that are not numbers: "a few weeks", "several years", "many months" give an X in the value. */
export const VAGUE_COUNT_PATTERN = 'a few|few|several|many|some|a couple of|a number of';

export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
/**
 * A year said in words, as broadcast transcripts write it: "nineteen ninety-six", "nineteen oh
 * five", "two thousand", "two thousand and eight", "twenty twenty-two". Bounded alternations only.
 */
export const SPOKEN_YEAR_PATTERN = String.raw`(?:nineteen|twenty)[ -](?:(?:${TENS})(?:[- ](?:${UNITS}))?|${TEENS}|oh[ -](?:${UNITS})|hundred)|two[ -]thousand(?:[ -](?:and[ -])?(?:${TEENS}|${UNITS}))?`;

/** The year a spoken year stands for: "nineteen ninety-six" -> 1996; NaN when it is not one. */
export function spokenYear(words: string): number {
  const w = words.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  const thousand = /^two thousand(?: (?:and )?(.+))?$/.exec(w);
  if (thousand) return 2000 + (thousand[1] ? countNumber(thousand[1]) : 0);
  const m = /^(nineteen|twenty) (.+)$/.exec(w);
  if (!m) return NaN;
  const century = m[1] === 'nineteen' ? 1900 : 2000;
  if (m[2] === 'hundred') return century;
  const rest = m[2]!.replace(/^oh /, '');
  return century + countNumber(rest);
}

