/** English calendar words shared by the dateline and the news rules. */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Month names and abbreviations, capitalised as in running text (longest first for the regex). */
export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}|${w.toUpperCase()}`)
  .join('|');

export const monthNumber = (word: string): number | null => MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const WEEKDAY_PATTERN = WEEKDAYS.map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`).join('|');
/** 0 = Sunday */
export const weekdayNumber = (word: string): number => WEEKDAYS.indexOf(word.toLowerCase());

const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};
export const COUNT_PATTERN = String.raw`\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`;
export const countNumber = (word: string): number => NUMBERS[word.toLowerCase()] ?? Number(word);

export const SEASONS: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};
