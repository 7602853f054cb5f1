/**
 * Context that separates propaganda from reporting: words that look loaded but are a name, a
 * piece of history, the plain vocabulary of war reporting, or page chrome carry no technique.
 * Each guard reads only the article context (tokens, POS tags, lines), so it is measured the same
 * way on PTC cross-validation and on warnews (models/techniques.md gives what each one drops).
 */
import type { TechniqueSpan } from './schema.js';
import type { ArticleContext } from './context.js';
import { isContentWord } from './features.js';
import { lowerBound } from '../core/search.js';
import { WAR_RULE } from './war.js';
import { LEXICON_CLASSES } from './lexicons.js';

export type GuardId = 'name' | 'history' | 'plain-war' | 'chrome';

/** Why a guard holds a span back, for the reader of a candidate's cues. */
/**
 * Nouns and verbs every report of a war uses for what happened (our list). A span whose content
 * words are all among them describes, it does not persuade: 'the offensive began', 'the bridge
 * was destroyed'.
 */
const PLAIN_WAR = new Set(
  `attack attacks attacked attacking invasion invade invaded invading offensive counteroffensive counter-offensive
  strike strikes struck shelling shelled shell shells destroy destroyed destroying destruction damage damaged
  killed kill killing wounded injured casualties troops forces war fighting fight fought battle battles
  missile missiles drone drones bombing bombed airstrike airstrikes artillery occupation occupied occupy
  capture captured retreat retreated withdraw withdrew withdrawal advance advanced assault mobilisation
  mobilization conflict invaders aggression sanctions`.split(/\s+/),
);

/** A year before the Soviet Union's end: a sentence with one is told as history. */
const HISTORY_YEAR = /\b(1[0-8]\d\d|19[0-8]\d|1990)\b/;
const HISTORY_WORDS = /\b(World War|WWII|WW2|Second World War|Great Patriotic War|in the 1930s|in the 1940s|Nuremberg)\b/;

/** A line that asks the reader to follow, share or read on: page chrome (bounded: looks at its head). */
const CHROME_LINE = /^\s*(?:follow|subscribe|join|share|sign up|click|read (?:more|also)|related|watch|download|advertisement|©)\b/i;
const CHROME_CHANNEL = /\b(?:telegram|twitter|facebook|instagram|youtube|whatsapp|newsletter)\b/i;

/** The technique spans that no guard holds back, and the others with the guard that held each. */
export function applyGuards(ctx: ArticleContext, spans: readonly TechniqueSpan[]): { kept: TechniqueSpan[]; held: { span: TechniqueSpan; guard: GuardId }[] } {
  const kept: TechniqueSpan[] = [];
  const held: { span: TechniqueSpan; guard: GuardId }[] = [];
  for (const span of spans) {
    const guard = guardFor(ctx, span);
    if (guard) held.push({ span, guard });
    else kept.push(span);
  }
  return { kept, held };
}

/** The first guard that holds the span back, if any. */
export function guardFor(ctx: ArticleContext, span: TechniqueSpan): GuardId | undefined {
  const first = lowerBound(ctx.tokens, (t) => t.end <= span.start);
  let last = first - 1;
  for (let i = first; i < ctx.tokens.length && ctx.tokens[i]!.start < span.end; i++) last = i;
  if (last < first) return undefined;
  if (inChromeLine(ctx, span.start)) return 'chrome';
  const content: number[] = [];
  // a hull can run over a whole sentence; the guards judge short spans by their words
  for (let i = first; i <= last && content.length <= 6; i++) if (isContentWord(ctx.lower[i]!)) content.push(i);
  if (content.length === 0 || content.length > 6) return undefined;
  // a lexicon word ('Nazis', 'Banderites') is a name only inside a longer one ('Nazi Germany')
  const lexical = span.rules?.includes(WAR_RULE) ?? false;
  // a headline in title case capitalises every word: there capitals say nothing of names;
  // nor are the names of the worst regimes' men ('Hitler', 'Stalin') a name that hides a technique
  if (!titleCase(ctx, ctx.tokens[first]!.sentence) && content.every((i) => !(ctx.lexMask[i]! & HITLER) && inName(ctx, i, lexical || ctx.lexMask[i] !== 0, first, last))) return 'name';
  if (span.technique === 'Bandwagon,Reductio_ad_hitlerum' && historical(ctx, ctx.tokens[first]!.sentence)) return 'history';
  if ((span.technique === 'Loaded_Language' || span.technique === 'Appeal_to_fear-prejudice') && content.every((i) => PLAIN_WAR.has(ctx.lower[i]!))) return 'plain-war';
  return undefined;
}

/**
 * True when the token is a capitalised word inside a name: a proper noun that is no lexicon word,
 * or a capitalised word next to another capitalised noun (not the sentence's first word), as in
 * 'Liberation Square'.
 */
function inName(ctx: ArticleContext, i: number, lexical: boolean, first: number, last: number): boolean {
  const t = ctx.tokens[i]!;
  if (!/^\p{Lu}/u.test(t.text)) return false;
  const initial = i === ctx.sentenceStart[t.sentence];
  if (t.pos === 'PROPN' && !initial && !lexical) return true;
  // a neighbour that makes a name with it: a capitalised noun, not a nationality ('Ukrainian
  // neo-Nazis'); a lexicon entry's own words ('Slava Ukraini') do not make it a name
  const capitalised = (k: number) =>
    k >= 0 &&
    (!lexical || k < first || k > last) &&
    k < ctx.tokens.length &&
    ctx.tokens[k]!.sentence === t.sentence &&
    k !== ctx.sentenceStart[t.sentence] &&
    /^\p{Lu}/u.test(ctx.tokens[k]!.text) &&
    (ctx.tokens[k]!.pos === 'PROPN' || ctx.tokens[k]!.pos === 'NOUN');
  return capitalised(i - 1) || capitalised(i + 1) ? !initial || capitalised(i + 1) : false;
}

const HITLER = 1 << LEXICON_CLASSES.indexOf('hitler');

/**
 * True when most of the sentence's longer common words (not proper nouns, not its first word) are
 * capitalised, as in a title-case headline (looks at 40 tokens at most).
 */
function titleCase(ctx: ArticleContext, s: number): boolean {
  let words = 0;
  let capitals = 0;
  for (let i = ctx.sentenceStart[s]! + 1; i < Math.min(ctx.sentenceStart[s + 1]!, ctx.sentenceStart[s]! + 40); i++) {
    const t = ctx.tokens[i]!;
    if (t.text.length < 4 || t.pos === 'PROPN' || !/^\p{L}/u.test(t.text)) continue;
    words++;
    if (/^\p{Lu}/u.test(t.text)) capitals++;
  }
  return words >= 2 && capitals >= 0.6 * words;
}

/** A sentence dated before 1991 or naming the Second World War tells history. */
function historical(ctx: ArticleContext, s: number): boolean {
  const { start, end } = ctx.sentences[s]!;
  const text = ctx.text.slice(start, Math.min(end, start + 2000));
  return HISTORY_YEAR.test(text) || HISTORY_WORDS.test(text);
}

/** True when the offset lies on a short line that is a call to follow, share or read on. */
function inChromeLine(ctx: ArticleContext, offset: number): boolean {
  // only lines of at most 300 characters count, so look no further than that either way
  const lo = Math.max(0, offset - 300);
  const back = ctx.text.slice(lo, offset).lastIndexOf('\n');
  if (back < 0 && lo > 0) return false;
  const from = lo + back + 1;
  const ahead = ctx.text.slice(offset, from + 301);
  const forward = ahead.indexOf('\n');
  const to = forward >= 0 ? offset + forward : offset + ahead.length;
  if (forward < 0 && to < ctx.text.length) return false;
  const line = ctx.text.slice(from, to);
  return CHROME_LINE.test(line) || (CHROME_CHANNEL.test(line) && /\b(?:follow|subscribe|join|channel)\b/i.test(line));
}
