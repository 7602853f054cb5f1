/**
 * Context that separates propaganda from reporting: words that look loaded but are a name, a
 * piece of history, the plain vocabulary of war reporting (in a short span, or in a report of a
 * war, a span of any length whose only loaded words are that vocabulary), or page chrome carry
 * no technique.
 * Each guard reads only the article context (tokens, POS tags, lines), so it is measured the same
 * way on PTC cross-validation and on warnews (models/techniques.md gives what each one drops).
 */
import type { TechniqueSpan } from './schema.js';
import type { ArticleContext } from './context.js';
import { isContentWord } from './features.js';
import { lowerBound } from '../core/search.js';
import { WAR_RULE } from './war.js';
import { LEXICON_CLASSES, loadLexicons } from './lexicons.js';

export type GuardId = 'name' | 'history' | 'plain-war' | 'war-report' | 'chrome';

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

/**
 * In a report of a war the words it reports with are plain too, though elsewhere they colour a
 * text ('an aggressive pursuit', 'a blast'); a label ('invader') stays a label.
 */
const REPORT_WAR = new Set([...PLAIN_WAR, 'aggressive', 'aggressively', 'blast', 'blasts']);
/**
 * An article is a report of a war when at least this share of its content words, and this many,
 * are plain war vocabulary (PTC train: 32 of 371 articles; warnews: 355 of 428).
 */
const WAR_REPORT_SHARE = 0.02;
const WAR_REPORT_WORDS = 4;
/** Nouns after which 'criminal' is the law's word, not a label ('a criminal investigation'). */
const LEGAL_NOUNS = new Set(
  'court courts tribunal tribunals investigation investigations case cases proceedings charge charges code liability responsibility prosecution prosecutions law justice offence offense probe inquiry'.split(' '),
);

/** A year before the Soviet Union's end: a sentence with one is told as history. */
const HISTORY_YEAR = /\b(1[0-8]\d\d|19[0-8]\d|1990)\b/;
const HISTORY_WORDS = /\b(World War|WWII|WW2|Second World War|Great Patriotic War|in the 1930s|in the 1940s|Nuremberg)\b/;

/**
 * A line that asks the reader to follow, share or read on, or the editor's note on the author: page
 * chrome (bounded: looks at its head).
 */
const CHROME_LINE = /^\s*(?:follow|subscribe|join|share|sign up|click|read (?:more|also)|related|watch|download|advertisement|editor['’]s note|©)\b/i;
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
  if (content.length === 0) return undefined;
  // history is history whatever the span's length ('the last time German tanks moved east was in 1941, when Hitler...')
  if (span.technique === 'Bandwagon,Reductio_ad_hitlerum' && historical(ctx, ctx.tokens[first]!.sentence)) return 'history';
  if (content.length > 6) return reportsWar(ctx, span, first, last) ? 'war-report' : undefined;
  // a lexicon word ('Nazis', 'Banderites') is a name only inside a longer one ('Nazi Germany')
  const lexical = span.rules?.includes(WAR_RULE) ?? false;
  // a headline in title case capitalises every word: there capitals say nothing of names;
  // nor are the names of the worst regimes' men ('Hitler', 'Stalin') a name that hides a technique
  if (!titleCase(ctx, ctx.tokens[first]!.sentence) && content.every((i) => !(ctx.lexMask[i]! & HITLER) && inName(ctx, i, lexical || ctx.lexMask[i] !== 0, first, last))) return 'name';
  if ((span.technique === 'Loaded_Language' || span.technique === 'Appeal_to_fear-prejudice') && content.every((i) => PLAIN_WAR.has(ctx.lower[i]!))) return 'plain-war';
  return reportsWar(ctx, span, first, last) ? 'war-report' : undefined;
}

const bit = (c: (typeof LEXICON_CLASSES)[number]) => 1 << LEXICON_CLASSES.indexOf(c);
const LOADED_CLASS = LEXICON_CLASSES.indexOf('loaded');
const LOADED = 1 << LOADED_CLASS;
const LABELS = bit('labels');
const HITLER = bit('hitler');
/** The lexicon classes whose words make a span of the technique (the others, 'our', 'said', do not). */
const COLOURING: Record<string, number> = {
  Loaded_Language: LOADED | LABELS | HITLER,
  'Name_Calling,Labeling': LOADED | LABELS | HITLER,
  'Appeal_to_fear-prejudice': LOADED | LABELS | HITLER | bit('fear') | bit('fear-triggers'),
};

/**
 * In a report of a war, a loaded-language, fear or label span (any length: a sentence-wide hull
 * too) whose only colouring words are the plain vocabulary of war or the law's 'criminal' tells
 * what happened: 'since Russia's full-scale invasion began', 'the crime of aggression'. A label
 * word, or any other loaded word, keeps it ('illegal and brutal invasion' is kept by 'brutal';
 * 'barbarously', a loaded word's adverb, counts as loaded).
 */
function reportsWar(ctx: ArticleContext, span: TechniqueSpan, first: number, last: number): boolean {
  const colouring = COLOURING[span.technique];
  if (colouring === undefined || !warReport(ctx)) return false;
  let plain = 0;
  for (let i = first; i <= last; i++) {
    const w = ctx.lower[i]!;
    const mask = ctx.lexMask[i]! & colouring;
    if (mask === 0) {
      if (w.length > 4 && w.endsWith('ly') && loadLexicons().match([w.slice(0, -2)]).some((h) => h.cls === LOADED_CLASS)) return false;
      continue;
    }
    if (w.startsWith('criminal') && LEGAL_NOUNS.has(ctx.lower[i + 1] ?? '')) plain++;
    else if (REPORT_WAR.has(w) && !(mask & LABELS)) plain++;
    else return false;
  }
  return plain > 0;
}

const warReports = new WeakMap<ArticleContext, boolean>();
/** True when the article is a report of a war, by its share of plain war vocabulary (once per article). */
function warReport(ctx: ArticleContext): boolean {
  let report = warReports.get(ctx);
  if (report === undefined) {
    let content = 0;
    let war = 0;
    for (const w of ctx.lower) {
      if (!isContentWord(w)) continue;
      content++;
      if (REPORT_WAR.has(w)) war++;
    }
    report = war >= WAR_REPORT_WORDS && war >= WAR_REPORT_SHARE * content;
    warReports.set(ctx, report);
  }
  return report;
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
