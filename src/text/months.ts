/** English month names and their abbreviations: read by datelines (text) and by every date rule (times). */

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
