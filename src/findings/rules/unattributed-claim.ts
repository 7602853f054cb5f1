/**
 * unattributed-claim: a sentence that tells an event of the war (a strike, a battle, a capture, a
 * deployment, deaths) as fact in the outlet's own voice, with a source nowhere a reader would look
 * for one: not in the sentence, not in the sentence before it (whose source a follow-on sentence
 * continues), not in the lead. Or a claim attributed with an agentless passive ("it was reported
 * that..."). Everything else stays silent: the rule is read by fact-checkers, and a rule that
 * fires on every second sentence is one they stop reading.
 */
import type { Attribution, Event, Sentence, TimeExpr } from '../../core/schema.js';
import { lowerBound } from '../../core/search.js';
import { TRIGGERS } from '../../events/lexicon.js';
import { findDateline } from '../../text/dateline.js';
import { valueStart } from '../../times/calendar.js';
import { type FindingContext, type FindingRule, quote, type RuleFinding } from '../context.js';

/** Event types that assert a fact about the fighting (statements and denials are attributed by nature). */
const FACTUAL = new Set(['battle', 'shelling', 'territory-taken', 'deployment', 'casualties']);

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/**
 * A factual sentence: one that asserts something, as opposed to a heading, a caption, a list item,
 * a call to action or a question. Counted as: at least 6 words; ends with a full stop or an
 * exclamation mark (a closing quotation mark or bracket may follow); not a question; not set in
 * capitals; not a "Read also" / "Follow us" / "Subscribe" line. This is the denominator of the
 * rule's firing rate on a corpus.
 */
export function isFactualSentence(text: string, s: { start: number; end: number }): boolean {
  const t = text.slice(s.start, s.end).trim();
  // the cheap tests first: this runs on every sentence of every article
  if (!/[.!…]["'”’»)\]]*$/u.test(t)) return false;
  WORD.lastIndex = 0;
  let words = 0;
  while (words < 6 && WORD.exec(t)) words++;
  if (words < 6) return false;
  let letters = 0;
  let upper = 0;
  for (const c of t) {
    if (c.toLowerCase() !== c) (upper++, letters++);
    else if (c.toUpperCase() !== c) letters++;
  }
  if (upper / letters > 0.5) return false;
  if (/^(?:read (?:also|more)|see also|follow us|join us|subscribe|sign up|click|share this|photo|watch)\b/i.test(t)) return false;
  return true;
}

/** A trigger that names a weapon, a kind of unit or a status, not an event: "battle groups", "occupied Crimea", "air bombs". */
const MODIFIER_AFTER =
  /^(?:[ \t]+(?:(?:and|or)[ \t]+[\p{L} -]{0,25}(?:missiles|drones|weapons|aircraft|systems)|group|groups|missiles?|munitions?|missions?|capacity|operations|tank|tanks|helicopters?|drones?|aircraft|jets?|weapons?|capabilit(?:y|ies)|force|forces|rifles?|vehicles?|submarines?|systems?|plans?|potential|posture|brigades?|units?|a deal|a balance|a chord|line|lines|zones?|end|ends|lock|locked|territor(?:y|ies)|areas?|regions?|lands?|parts?|cities|towns?|villages?|Ukraine|Crimea|Donbas|Donbass|Kherson|Zaporizhzhia|Luhansk|Donetsk|peninsula))\b/iu;
const MODIFIER_BEFORE = /\b(?:recent|last|latest|previous|earlier|past|ongoing|continued|continuing|renewed|summer|spring|autumn|fall|winter|hunger|general|pre-?emptive|possible|potential|future|nuclear|chemical|any|an?|no|new|imminent|next|further|major|large-scale|full-scale|planned|feared|expected|alleged|reported|likely)[ \t]+$/i;

/**
 * Not a claim that something happened: a condition, a possibility, a plan, a fear, a purpose ("if
 * it seizes", "could attack", "in an effort to capture", "fears of an attack").
 */
const IRREALIS =
  /\b(?:if|unless|whether|could|would|might|may|will|won['’]t|shall|should|must|can|cannot|can['’]t|to|plans?|planned|planning|aims?|aimed|seek(?:s|ing)?|sought|tr(?:y|ies|ying|ied)|attempt(?:s|ed|ing)?|threat(?:en|ens|ened|ening)?|fears?|feared|risk(?:s|ed)?|possible|possibility|potential(?:ly)?|likely|unlikely|prepar(?:e|es|ed|ing)|ready|readiness|intend(?:s|ed)?|intention|expect(?:s|ed)?|want(?:s|ed)?|prevent(?:s|ed|ing)?|deter(?:s|red|ring)?|avoid(?:s|ed|ing)?|event of|case of|order to|effort to|ability to|capable of)\b[^,;:—–]*$/i;

/** Words that place a sentence in history told as background, not news the article reports. */
const HISTORY = /\b(?:Soviet|USSR|World War|Cold War|Nazis?|Red Army|Wehrmacht|Third Reich|Stalin|Hitler|Hiroshima|Holodomor|Great Patriotic War|Napoleon|Chechnya|Chechen war|Afghanistan in|in the (?:19|18)\d0s|centur(?:y|ies) ago|decades ago)\b/i;

/** Cues of reporting a sentence may carry that the attribution layer did not take (agentless passives excluded). */
const SPEECH = /\b(?:said|says|told|according to|reported|reports|stated|states|announced|(?:claimed|claims)(?![ \t]+(?:the[ \t]+)?(?:lives|more than|over|at least|\d))|confirmed|quoted|wrote|writes|tweeted|posted|added|noted|warned|estimated|estimates|assessed|believes?)\b/i;
const AGENTLESS = /\b(?:is|are|was|were|been|being|be)[ \t]+(?:\p{L}+ly[ \t]+)?(?:said|told|reported|stated|announced|claimed|confirmed|believed|thought|understood|rumou?red|alleged|estimated|accused|suspected)\b/iu;

/** A source named at the end with its verb lost in translation: "..., the Regional Military Administration." */
const TRAILING_SOURCE = /(?:,|[ \t][–—-])[ \t]+(?:the[ \t]+)?(?:[\p{Lu}][\p{L}'’.-]*[ \t]+){0,5}(?:Administration|Ministry|Command|Staff|Service|Office|Police|Council|Agency|Forces|Army|Guard|Committee|Governor|Prosecutor['’]s Office)[.!]?["”]?\s*$/u;

/** Passive cues that do claim something (reported, believed) rather than describe (seen, expected). */
const PASSIVE_CLAIM = /^(?:(?:it|this)[ \t]+)?(?:is|are|was|were|has been|have been|had been|been|being|be)?[ \t]*(?:\p{L}+ly[ \t]+)?(?:said|reported|claimed|alleged|believed|thought|understood|rumou?red|accused|suspected|estimated|confirmed)\b/iu;
/** Before a passive cue, no claim of an unnamed source: a turn of phrase ("That being said"), a condition ("would not have been said"). */
const NOT_AGENTLESS = /(?:\b(?:that|this)[ \t]+being[ \t]*$|\b(?:would|could|might|should|must|may|will)[ \t]+(?:not[ \t]+|never[ \t]+)?(?:have[ \t]+)?been[ \t]+$)/iu;
/** Before a passive cue, its source: "In the report of the General Staff, it was reported that ...". */
const SOURCE_BEFORE = /\b(?:report|statement|update|briefing|summary)[ \t]+(?:of|from|by)[ \t]+(?:the[ \t]+)?\p{Lu}/u;
/** "was said in ... by": the passive names its source after the cue. */
const AGENT_AFTER = /^[ \t]*(?:by|in|on|at|from)\b/i;

/** The speaker's own voice: a speech, an address, an op-ed in the first person makes its own claims. */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]urs?|us|me|[Mm]y|[Mm]yself|[Oo]urselves)\b(?![.-]?[A-Z])/;

const ACTIONS = TRIGGERS.filter((c) => FACTUAL.has(c.type)).map((c) => new RegExp(`^(?:${c.pattern.source})$`, 'i'));
const isActionWord = (cue: string) => {
  const last = /[\p{L}-]+$/u.exec(cue.trim())?.[0] ?? '';
  return ACTIONS.some((r) => r.test(last) || r.test(cue.trim()));
};

/** What a source reports when the sentences after it may be its details: events of the fighting, or figures. */
const REPORTED = new RegExp(`\\d|${TRIGGERS.filter((c) => FACTUAL.has(c.type)).map((c) => c.pattern.source).join('|')}|\\b(?:destroyed|damaged|shot down|intercepted|explosions?)\\b`, 'i');

/** The share of first-person sentences that makes an article a speech or an op-ed in its author's voice. */
const VOICED_SHARE = 0.25;

const HISTORY_DAYS = 60;
const DAY = 86_400_000;

interface Claim {
  sentence: Sentence;
  events: Event[];
}

/** What the rule concluded about one sentence: it fires on 'unsourced' and 'agentless' only. */
export type Verdict =
  | 'not-factual' // a heading, caption, question or call to action
  | 'no-claim' // no event told as done
  | 'voiced' // quoted speech, or a first-person voice
  | 'sourced' // a source is given in the sentence
  | 'continued' // it continues the sourced sentence before it
  | 'lead' // the lead gives the source of this kind of event
  | 'vague' // no figure, place, time or armed side to check
  | 'background' // history told as background
  | 'agentless' // a passive attribution with no source
  | 'unsourced'; // an event told as fact with no source anywhere a reader would look

export interface SentenceVerdict {
  index: number;
  sentence: Sentence;
  verdict: Verdict;
  /** the events the sentence tells as done (after the filters of a claim) */
  events: Event[];
  passive?: Attribution;
}

/** The rule's reading of every sentence of the article (the check reports the 'unsourced' and 'agentless' ones). */
export function sentenceVerdicts(ctx: FindingContext, attributions: readonly Attribution[]): SentenceVerdict[] {
  const cover = coverage(ctx, attributions);
  const lead = leadCoverage(ctx, attributions, cover);
  const bySentence = eventsBySentence(ctx);
  return ctx.sentences.map((sentence, index): SentenceVerdict => {
    const v = (verdict: Verdict, events: Event[] = [], passive?: Attribution) => ({ index, sentence, verdict, events, ...(passive ? { passive } : {}) });
    if (!cover.factual[index]) return v('not-factual');
    const events = (bySentence.get(sentence.start) ?? []).filter((e) => notAClaim(ctx, sentence, e) === null);
    const passive = cover.agentless[index];
    if (events.length === 0 && !passive) return v('no-claim');
    if (cover.voiced[index]) return v('voiced', events);
    if (cover.sourced[index]) return v('sourced', events);
    if (passive) return v('agentless', events, passive);
    if (cover.continued[index]) return v('continued', events);
    if (lead.covers(index, events)) return v('lead', events);
    if (!concrete(ctx, sentence, events)) return v('vague', events);
    if (background(ctx, index)) return v('background', events);
    return v('unsourced', events);
  });
}

export const unattributedClaim: FindingRule = {
  id: 'unattributed-claim',
  doc: 'A sentence that tells a strike, a battle, a capture, a deployment or deaths as fact, in the outlet\'s own voice, with no source in the sentence, in the sentence before it (a follow-on sentence continues that source) or in the lead; or a claim attributed with an agentless passive ("it was reported that..."). Quotations, first-person speech, conditions, plans, weapons named ("battle tanks") and history told as background are not claims of the kind. Silent when attributions were not analysed.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    if (!ctx.attributions) return [];
    const findings: RuleFinding[] = [];
    for (const { verdict, sentence, events, passive } of sentenceVerdicts(ctx, ctx.attributions)) {
      if (verdict === 'unsourced') findings.push(eventFinding(this.id, ctx, { sentence, events }));
      else if (verdict === 'agentless' && passive) {
        const cue = passive.cue ? quote(ctx, passive.cue) : 'a passive verb';
        findings.push({
          rule: this.id,
          severity: 'warning',
          message: `${quote(ctx, passive.content)} is attributed with ${cue} but to no one, here or in the sentence before: the reader cannot tell who makes this claim or check it.`,
          spans: [...(passive.cue ? [{ start: passive.cue.start, end: passive.cue.end }] : []), { start: passive.content.start, end: passive.content.end }],
          evidence: { attributionId: passive.id, mode: passive.mode },
        });
      }
    }
    return findings;
  },
};

function eventFinding(rule: string, ctx: FindingContext, { sentence, events }: Claim): RuleFinding {
  const claim = claimSpan(ctx.text, sentence);
  const what = [...new Set(events.map((e) => KIND[e.type] ?? e.type))].join(' and ');
  const words = events.map((e) => quote(ctx, e.trigger!)).join(', ');
  return {
    rule,
    severity: 'info',
    message: `Unsourced claim: ${quote(ctx, claim, 160)} tells ${what} (${words}) as fact, and no source is given for it in this sentence, the one before it or the lead.`,
    spans: [claim],
    evidence: { claim: ctx.text.slice(claim.start, claim.end), eventIds: events.map((e) => e.id), types: events.map((e) => e.type), triggers: events.map((e) => e.trigger!.text) },
  };
}

const KIND: Record<string, string> = {
  battle: 'fighting',
  shelling: 'a strike',
  'territory-taken': 'a capture',
  deployment: 'a movement of forces',
  casualties: 'deaths or injuries',
  damage: 'damage',
  'air-defence': 'a shooting down',
  explosion: 'explosions',
  launch: 'a launch',
  arrest: 'an arrest',
  'force-count': 'a count of troops',
};

/** The claim of a sentence: the sentence without the article's dateline or a leading quotation mark, and without trailing spaces. */
function claimSpan(text: string, s: Sentence) {
  // only the first sentences can hold the dateline (text/dateline.ts reads the first lines only)
  const dateline = s.start < 600 ? findDateline(text) : null;
  const after = dateline && dateline.start >= s.start && dateline.end < s.end ? dateline.end : s.start;
  const start = after + /^[\s"“«>]*/.exec(text.slice(after, s.end))![0].length;
  const end = s.start + text.slice(s.start, s.end).trimEnd().length;
  return { start: Math.min(start, end), end };
}

/**
 * Outcomes of the fighting the events layer has no type for, as this rule reads them: what was
 * destroyed, damaged or hit, shot down, exploded, launched, who was detained.
 */
const OUTCOMES: { type: string; pattern: RegExp }[] = [
  { type: 'damage', pattern: /\b(?:destroyed|damaged|(?:was|were|been) hit)\b/gi },
  { type: 'air-defence', pattern: /\b(?:shot down|downed|intercepted|sank|sunk)\b/gi },
  // what a weapon hit: "Grad rockets hit Mariupol", "the missile hit a school" (not "sanctions hit the economy")
  { type: 'damage', pattern: /(?<=\b(?:missiles?|rockets?|drones?|shells?|projectiles?|bombs?|shaheds?)[ \t]+(?:(?:also|again|just|directly)[ \t]+)?)hit\b/giu },
  { type: 'explosion', pattern: /\b(?:exploded|explosions?|blasts?)\b/gi },
  { type: 'launch', pattern: /\blaunched(?=[ \t]+(?:[\p{L}\d,-]+[ \t]+){0,4}(?:missiles|drones|rockets|shahed))/giu },
  { type: 'arrest', pattern: /\b(?:detained|arrested)\b/gi },
  // a count of troops: "more than 100,000 troops", "30,000 Russian soldiers"
  { type: 'force-count', pattern: /\b\d[\d,.]*(?:[ \t]+(?:thousand|million))?[ \t]+(?:(?:more|additional|extra|Russian|Ukrainian|Belarusian|American|British|U\.S\.|US|NATO|Nato)[ \t]+){0,2}(?:troops|soldiers|servicemen)\b/g },
];

function eventsBySentence(ctx: FindingContext): Map<number, Event[]> {
  const out = new Map<number, Event[]>();
  let k = 0;
  const events = ctx.events.filter((e) => FACTUAL.has(e.type) && e.trigger).sort((a, b) => a.trigger!.start - b.trigger!.start);
  for (const s of ctx.sentences) {
    while (k < events.length && events[k]!.trigger!.start < s.start) k++;
    const here: Event[] = [];
    for (let j = k; j < events.length && events[j]!.trigger!.start < s.end; j++) here.push(events[j]!);
    const body = ctx.text.slice(s.start, s.end);
    for (const { type, pattern } of OUTCOMES) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (here.some((e) => e.trigger!.start < end && start < e.trigger!.end)) continue;
        here.push({ id: `${type}@${start}`, type, start: s.start, end: s.end, trigger: { start, end, text: m[0] }, actors: [] });
      }
    }
    if (here.length) out.set(s.start, here.sort((x, y) => x.trigger!.start - y.trigger!.start));
  }
  return out;
}

/** Verb forms that tell an event as done ("shelled", "were killed", "struck", "retook"); other triggers are nouns. */
const DONE = /(?:ed|en)$|^(?:struck|fought|retook|overran|overrun|fell to|took control|taken control|withdrew|lost their lives|died|dead|sent |sank|sunk|shot down|(?:was|were|been) hit)/i;

/**
 * A verb that tells the event its noun names as done, right before it (an article and two words
 * between at most): "repelled a Russian attack", "came under an unprovoked attack", "carried out
 * strikes". Plans and conditions are still caught by IRREALIS ("to carry out an attack").
 */
const GOVERNED =
  /\b(?:repelled|repulsed|beat back|beaten back|fought off|thwarted|foiled|halted|came under|come under|carried out|conducted|staged|mounted|launched)[ \t]+(?:(?:a|an|the|another|two|three|several|multiple|new|fresh|their|its)[ \t]+)?(?:[\p{L}-]{1,20}[ \t]+){0,2}$/iu;

/** A subordinate clause opens before the trigger: a relative or temporal clause is background to the sentence's claim. */
const SUBORDINATE = /(?:^|[\s(,])(?:that|who|whom|whose|which|where|when|whenever|after|before|since|as|while|until|once|because|although|though|despite|amid)\b[^,;:—–]*$/i;

/** The trigger is a claim that the event happened: not a weapon or a status, not a back-reference, not a plan, a fear or a background clause. */
/** Why a trigger is no claim that its event happened, or null when it is one. */
export function notAClaim(ctx: FindingContext, s: Sentence, e: Event): string | null {
  const t = e.trigger!;
  const word = ctx.text.slice(t.start, t.end);
  const after = ctx.text.slice(t.end, Math.min(s.end, t.end + 40));
  const before = ctx.text.slice(Math.max(s.start, t.start - 40), t.start);
  // a noun governed by a verb that tells it as done: "repelled a Russian attack", "came under fire"
  const verb = DONE.test(word);
  const done = verb || GOVERNED.test(before);
  // a word inside quotation marks is someone's (a title, a slogan, a quoted phrase), not the outlet's claim
  if (insideQuotes(ctx.text.slice(s.start, t.start))) return 'quoted';
  // occupation is a state the war is in, not an event the sentence reports; shells and bombs are ammunition
  if (/^occup|^shells$|^bombs?$/i.test(word)) return 'state or ammunition';
  if (!done && MODIFIER_AFTER.test(after)) return 'modifier';
  if (MODIFIER_BEFORE.test(before) && !GOVERNED.test(before)) return 'qualified';
  // a named event ("the offensive", "Russia's summer offensive") is referred to, not claimed
  if (/(?:\b(?:the|this|that|these|those|its|their|his|her|such)|\p{L}['’]s?)[ \t]+(?:[\p{L}-]{1,20}[ \t]+){0,2}$/iu.test(before) && !done) return 'named event';
  if (/\b(?:the|this|that|these|those|its|their|his|her|such)[ \t]+$/i.test(before) && !GOVERNED.test(before)) return 'named event';
  // a count of troops is a figure the sentence gives, whatever its article, unless planned or background
  if (e.type === 'force-count') {
    const lead = ctx.text.slice(Math.max(s.start, t.start - 80), t.start);
    return IRREALIS.test(lead) ? 'irrealis' : SUBORDINATE.test(lead) ? 'subordinate' : null;
  }
  // "a Russian attack": an event spoken of, not told
  if (!done && /\b(?:a|an)[ \t]+(?:[\p{L}-]{1,20}[ \t]+){0,2}$/iu.test(before)) return 'named event';
  // "the number of liberated territories", "with destroyed cities": a participle as an adjective
  if (verb && /\b(?:of|with|for|about|among|against)[ \t]+$/i.test(before)) return 'modifier';
  const clause = ctx.text.slice(Math.max(s.start, t.start - 80), t.start);
  if (IRREALIS.test(clause)) return 'irrealis';
  if (SUBORDINATE.test(clause)) return 'subordinate';
  // a participle after its noun, with its agent after it, describes the noun ("equipment captured by Ukraine")
  if (verb && /^[ \t]+(?:by|from)\b/i.test(after) && !/\b(?:is|are|was|were|been|be|being|has|have|had|got|get)[ \t]+(?:\p{L}+ly[ \t]+)?$/iu.test(before)) return 'reduced relative';
  // forces move: "journalists deployed" is not a deployment
  if (e.type === 'deployment' && !ARMED.test(ctx.text.slice(s.start, s.end))) return 'unarmed';
  if (done) return null;
  // a noun or an -ing form ("attacks", "shelling", "fighting") claims an event with a figure in its clause, or a recent date
  // an -ing form ("is fighting", "shelling continues") tells a state of the war unless it counts something
  if (/ing$/i.test(word)) return NUMBER.test(clauseAround(ctx.text, s, t)) ? null : 'noun without figure';
  return NUMBER.test(clauseAround(ctx.text, s, t)) || recentDate(ctx, s) ? null : 'noun without figure';
}

const ARMED = /\b(?:troops|forces|soldiers|servicemen|units?|brigades?|battalions?|regiments?|divisions?|military|army|armies|marines|paratroopers|fighters|mercenaries|tanks|equipment|warships?|ships|missiles|systems)\b/i;

/** The clause of a sentence around a span: between the punctuation marks that bound it. */
function clauseAround(text: string, s: Sentence, t: { start: number; end: number }): string {
  const body = text.slice(s.start, s.end);
  const at = t.start - s.start;
  const left = Math.max(...[',', ';', ':', '—', '–', ' - '].map((m) => body.lastIndexOf(m, at)));
  const ends = [',', ';', ':', '—', '–', ' - '].map((m) => body.indexOf(m, t.end - s.start)).filter((i) => i >= 0);
  return body.slice(left < 0 ? 0 : left, ends.length ? Math.min(...ends) : body.length);
}

/** A date in the sentence, given to the day, within a fortnight of publication: news, not a timeline. */
function recentDate(ctx: FindingContext, s: Sentence): boolean {
  const published = ctx.publishedAt ? Date.parse(ctx.publishedAt) : NaN;
  return timesWithin(ctx, s).some((x) => {
    if (!x.value) return false;
    const v = valueStart(x.value);
    if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(published)) return /^(?:PRESENT_REF)$/.test(x.value) ? false : false;
    const d = Date.parse(v);
    return Math.abs(published - d) <= 14 * DAY;
  });
}

const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|dozen|scores|hundreds?|thousands?)\b/i;

/** A claim one could check: it gives a figure, a place, a time or an armed side. */
function concrete(ctx: FindingContext, s: Sentence, events: Event[]): boolean {
  if (NUMBER.test(ctx.text.slice(s.start, s.end))) return true;
  if (timesWithin(ctx, s).length > 0) return true;
  return events.some((e) => e.placeEntityId || e.side || e.actors.some((a) => a.role === 'agent' || a.side));
}

/** History told as background: every date of the sentence lies months before publication, or it names a past war. */
function background(ctx: FindingContext, index: number): boolean {
  const s = ctx.sentences[index]!;
  if (HISTORY.test(ctx.text.slice(s.start, s.end))) return true;
  const own = pastness(ctx, s);
  if (own !== null) return own;
  // an undated sentence is told at the time of the last dated sentence of its paragraph (a few back at most)
  const paragraph = Math.max(0, ctx.text.lastIndexOf('\n\n', s.start));
  for (let k = index - 1; k >= Math.max(0, index - 5) && ctx.sentences[k]!.start >= paragraph; k--) {
    const prev = ctx.sentences[k]!;
    if (HISTORY.test(ctx.text.slice(prev.start, prev.end))) return true;
    const then = pastness(ctx, prev);
    if (then !== null) return then;
  }
  return false;
}

/** The time expressions inside a sentence (the times sorted once per article). */
const sortedTimes = new WeakMap<readonly TimeExpr[], readonly TimeExpr[]>();
function timesWithin(ctx: FindingContext, s: Sentence): TimeExpr[] {
  let times = sortedTimes.get(ctx.times);
  if (!times) sortedTimes.set(ctx.times, (times = [...ctx.times].sort((a, b) => a.start - b.start)));
  const out: TimeExpr[] = [];
  for (let i = lowerBound(times, (t) => t.start < s.start); i < times.length && times[i]!.start < s.end; i++) if (times[i]!.end <= s.end) out.push(times[i]!);
  return out;
}

/** Whether the dates of a sentence all lie months before publication (null: no date to tell). */
function pastness(ctx: FindingContext, s: Sentence): boolean | null {
  const published = ctx.publishedAt ? Date.parse(ctx.publishedAt) : NaN;
  if (Number.isNaN(published)) return null;
  const dates = timesWithin(ctx, s)
    .filter((t) => t.value)
    .map((t) => valueStart(t.value!))
    .filter((v): v is string => v !== null && /^\d{4}/.test(v))
    .map((v) => Date.parse(v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-28` : v))
    .filter((d) => !Number.isNaN(d));
  if (dates.length === 0) return null;
  return dates.every((d) => published - d > HISTORY_DAYS * DAY);
}

interface Coverage {
  /** a source for the sentence is given in it */
  sourced: boolean[];
  /** the sentence continues the sourced sentence before it */
  continued: boolean[];
  /** quoted speech, or a first-person voice */
  voiced: boolean[];
  /** an agentless passive attribution of a claim in the sentence */
  agentless: (Attribution | undefined)[];
  /** the sentence asserts something (isFactualSentence) */
  factual: boolean[];
}

function coverage(ctx: FindingContext, attributions: readonly Attribution[]): Coverage {
  const { text, sentences } = ctx;
  const n = sentences.length;
  const sourced = new Array<boolean>(n).fill(false);
  const agentless = new Array<Attribution | undefined>(n).fill(undefined);
  const continuedBy = new Array<boolean>(n).fill(false);
  const reports = new Array<boolean>(n).fill(false);
  const index = (offset: number) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offset < sentences[mid]!.start) hi = mid - 1;
      else if (offset >= sentences[mid]!.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  for (const a of attributions) {
    const anchor = a.cue ?? a.source ?? a.content;
    const at = index(anchor.start);
    // a cue that is an action ("attacked", "shelled") read as speech gives no source
    if (a.cue && isActionWord(text.slice(a.cue.start, a.cue.end))) continue;
    const claimsPassively =
      a.source === null && a.mode === 'passive' && a.cue && PASSIVE_CLAIM.test(text.slice(a.cue.start, a.cue.end).trim()) && !AGENT_AFTER.test(text.slice(a.cue.end, a.cue.end + 8)) && !/\b(?:by|in|on|at|from)$|^being said$/i.test(text.slice(a.cue.start, a.cue.end).trim());
    if (a.source === null && a.mode === 'passive') {
      const before = at >= 0 ? text.slice(Math.max(sentences[at]!.start, a.cue!.start - 120), a.cue!.start) : '';
      if (SOURCE_BEFORE.test(before)) sourced[at] = true;
      else if (claimsPassively && at >= 0 && a.content.end - a.content.start > 12 && !NOT_AGENTLESS.test(before)) agentless[at] ??= a;
      continue;
    }
    // the attribution layer's own reading of a sentence as continuing the source before it
    if (a.mode === 'continuation' || !a.cue) {
      if (a.source && at >= 0) continuedBy[at] = true;
      continue;
    }
    // a source given: the sentence of its cue and every sentence its content reaches are covered
    if (at >= 0) {
      sourced[at] = true;
      if (REPORTED.test(text.slice(a.content.start, a.content.end))) reports[at] = true;
    }
    for (let i = Math.max(0, index(a.content.start)); i < n && sentences[i]!.start < a.content.end; i++) if (sentences[i]!.end > a.content.start) sourced[i] = true;
  }
  const voiced = new Array<boolean>(n).fill(false);
  const quoted = new Array<boolean>(n).fill(false);
  let open = false;
  let paragraphEnd = -1;
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    const body = text.slice(s.start, s.end);
    // a new paragraph closes a quotation left open (wire copy repeats the mark at each paragraph)
    if (s.start >= paragraphEnd) {
      open = false;
      const nl = text.indexOf('\n\n', s.start);
      paragraphEnd = nl < 0 ? text.length : nl;
    }
    const startsQuoted = open || /^\s*["“«„]/.test(body);
    const quotes = (body.match(/["“”«»„]/g) ?? []).length;
    quoted[i] = startsQuoted;
    voiced[i] = startsQuoted || FIRST_PERSON.test(outsideQuotes(body));
    if (quotes % 2 === 1) open = !open;
    if (!sourced[i] && ((SPEECH.test(body) && !AGENTLESS.test(body)) || TRAILING_SOURCE.test(body))) {
      sourced[i] = true;
      if (REPORTED.test(body)) reports[i] = true;
    }
  }
  // a follow-on sentence continues the source of the sentence before when that source reports
  // events or figures; within a paragraph, a run of up to three such sentences does
  const continued = new Array<boolean>(n).fill(false);
  let run = 0;
  for (let i = 1; i < n; i++) {
    const prev = sentences[i - 1]!;
    const sameParagraph = !text.slice(prev.end, sentences[i]!.start).includes('\n\n');
    // a quotation before continues its speaker (quotes are attributed where they begin)
    run = continuedBy[i] || reports[i - 1] || quoted[i - 1] || (sameParagraph && sourced[i - 1]) ? 1 : sameParagraph && continued[i - 1] && run < 3 ? run + 1 : 0;
    continued[i] = run > 0;
  }
  // a speech, an address or an op-ed in the first person: the whole article is its speaker's
  const factual = sentences.map((s) => isFactualSentence(text, s));
  const prose = factual.filter(Boolean).length;
  const first = sentences.filter((s, i) => factual[i] && FIRST_PERSON.test(outsideQuotes(text.slice(s.start, s.end)))).length;
  if (prose >= 8 && first / prose >= VOICED_SHARE) voiced.fill(true);
  return { sourced, continued, voiced, agentless, factual };
}

/** The text before a point of a sentence leaves a quotation open there. */
function insideQuotes(lead: string): boolean {
  let curly = 0;
  let straight = 0;
  for (const ch of lead) {
    if (ch === '“' || ch === '«') curly++;
    else if ((ch === '”' || ch === '»') && curly > 0) curly--;
    else if (ch === '"') straight++;
  }
  return curly > 0 || straight % 2 === 1;
}

/** The text of a sentence with quoted passages blanked (a first person inside a quotation is the quoted speaker's). */
const outsideQuotes = (s: string) => s.replace(/["“][^"”]*["”]|«[^»]*»/g, ' ');

/**
 * The lead: the first factual sentence of the article. When it gives a source for events of the
 * fighting (itself or in the sentences that continue it in its paragraph), the article's later
 * event claims are read as that report's details.
 */
function leadCoverage(ctx: FindingContext, attributions: readonly Attribution[], cover: Coverage) {
  const first = cover.factual.indexOf(true);
  const none = { covers: (_i: number, _e: Event[]) => false };
  if (first < 0 || !cover.sourced[first]) return none;
  const lead = ctx.sentences[first]!;
  let last = first;
  while (last + 1 < ctx.sentences.length && cover.continued[last + 1] && !ctx.text.slice(ctx.sentences[last]!.end, ctx.sentences[last + 1]!.start).includes('\n\n')) last++;
  const end = ctx.sentences[last]!.end;
  const told = ctx.events.some((e) => FACTUAL.has(e.type) && e.trigger && e.trigger.start >= lead.start && e.trigger.end <= end);
  if (!told || !attributions.some((a) => a.source && a.content.start < end && a.content.end > lead.start)) return none;
  return { covers: (i: number, events: Event[]) => i > last && events.length > 0 };
}
