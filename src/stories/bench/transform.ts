/**
 * The transformations a rewriting desk applies, each on one sentence (or on the document's
 * paragraphs), each saying what it did so the benchmark knows the gold: which origin sentence a
 * rewrite sentence comes from, and which cross-article findings it should raise.
 */
import { CONFIRMATIONS, HEDGE_WORDS, LOADED_ADJECTIVES, LOADED_OPENERS, PARAPHRASES, SPELLINGS } from './lexicon.js';

export type GoldRule = 'attribution-dropped' | 'source-laundered' | 'number-changed' | 'hedge-removed' | 'spelling-switched' | 'technique-added';

export interface Unit {
  /** index of the origin sentence it comes from; null for a sentence the rewrite added */
  origin: number | null;
  text: string;
  paragraph: number;
  gold: Set<GoldRule>;
}

// the seeded generator (mulberry32) the trainers use: the same seed makes the same benchmark
export { seededRandom as rng } from '../../learn/perceptron.js';

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (w: string, flags = 'u') => new RegExp(`(?<![\\p{L}\\p{N}])${esc(w)}(?![\\p{L}\\p{N}])`, flags);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// only an opening function word loses its capital: names keep theirs
const lower = (s: string) => (/^(?:The|A|An|It|This|These|That|Those|Its|Their|In|On|At|By|For|After|Before|Some|Many|Most|More|One|Two|Three)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** Swaps up to `n` words for their paraphrase. */
export function paraphrase(u: Unit, r: () => number, n = 2): boolean {
  const swaps = PARAPHRASES.filter(([from]) => word(from, 'iu').test(u.text));
  if (swaps.length === 0) return false;
  for (let i = 0; i < n && swaps.length > 0; i++) {
    const [from, to] = swaps.splice(Math.floor(r() * swaps.length), 1)[0]!;
    u.text = u.text.replace(word(from, 'iu'), (m) => (m[0] === m[0]!.toUpperCase() ? capital(to) : to));
  }
  return true;
}

// "According to X, ..." and "..., X said." as written in wire copy
const ACCORDING_TO = /^According to [^,]{3,80}, (?=\S)/u;
const SAID_TAIL =
  /, (?:(?:the|a|an|[A-Z][\p{L}’'.-]*)(?: [\p{L}’'.-]+){0,6}) (?:said|says|reported|added|claimed|stated|told (?:reporters|journalists|[A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+){0,3}))(?: on \p{L}+day)?\.$/u;

/** Removes an "according to" opener or a ", X said." tail; the claim stays, its source goes. */
export function dropAttribution(u: Unit): boolean {
  if (ACCORDING_TO.test(u.text)) {
    u.text = capital(u.text.replace(ACCORDING_TO, ''));
  } else if (SAID_TAIL.test(u.text)) {
    u.text = u.text.replace(SAID_TAIL, '.');
  } else return false;
  u.gold.add('attribution-dropped');
  return true;
}

/** Drops the source and presents the claim as established. */
export function launder(u: Unit, r: () => number): boolean {
  if (!dropAttribution(u)) return false;
  u.text = pick(r, CONFIRMATIONS) + lower(u.text);
  u.gold.add('source-laundered');
  return true;
}

export function removeHedge(u: Unit): boolean {
  for (const h of HEDGE_WORDS) {
    const re = new RegExp(`(,\\s*)?(?<![\\p{L}])${h}(?![\\p{L}])(\\s*,)?\\s?`, 'iu');
    if (!re.test(u.text)) continue;
    u.text = capital(u.text.replace(re, (m, a, b) => (a && b ? ', ' : '')).replace(/\s{2,}/g, ' '));
    u.gold.add('hedge-removed');
    return true;
  }
  return false;
}

const MONTHS = /(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s$/;

/** Changes a figure that counts something ("3 soldiers" -> "30 soldiers"). */
export function changeNumber(u: Unit, r: () => number): boolean {
  const re = /(?<![\p{L}\p{N},.$€£])(\d{1,3}(?:,\d{3})+|\d{1,6})(?![\p{N},.%:])(\s+)([a-z]{3,})/gu;
  for (let m = re.exec(u.text); m; m = re.exec(u.text)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    if (n >= 1900 && n <= 2100) continue;
    if (MONTHS.test(u.text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const to = r() < 0.5 ? n * 10 : n + 1 + Math.floor(r() * 9);
    const shown = m[1]!.includes(',') ? to.toLocaleString('en-US') : String(to);
    u.text = u.text.slice(0, m.index) + shown + u.text.slice(m.index + m[1]!.length);
    u.gold.add('number-changed');
    return true;
  }
  return false;
}

/** Writes a place the other side's way (Kyiv -> Kiev, Bakhmut -> Artemovsk). */
export function switchSpelling(u: Unit): boolean {
  for (const [a, b] of SPELLINGS) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      if (!word(from).test(u.text)) continue;
      u.text = u.text.replace(word(from), to);
      u.gold.add('spelling-switched');
      return true;
    }
  }
  return false;
}

/** Loads the sentence: an opener, or an adjective before "forces", "troops", "regime"... */
export function insertLoaded(u: Unit, r: () => number): boolean {
  const noun = /(?<![\p{L}])(the |their |its )(forces|troops|regime|attack|attacks|government|army|militants)(?![\p{L}])/u;
  if (noun.test(u.text) && r() < 0.6) u.text = u.text.replace(noun, (_, det, n) => `${det}${pick(r, LOADED_ADJECTIVES)} ${n}`);
  else u.text = pick(r, LOADED_OPENERS) + lower(u.text);
  u.gold.add('technique-added');
  return true;
}
