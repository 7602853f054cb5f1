/**
 * From attribution groups to the report's attributions: the source's kind and entity link, the
 * via chain, and sources that name an earlier one again ("he", "they", "the source", and
 * continuations), which take that one's kind, entity and via and point to it with `refersTo`.
 */
import type { Attribution, Entity, Sentence } from '../core/schema.js';
import type { Group } from './group.js';
import { sentenceAt } from './group.js';
import { DEFINITE_ORGANIZATION, PERSON_TITLES, classifySource, head } from './kinds.js';
import { findVia, isOutlet } from './via.js';
import { lowerBound } from '../core/search.js';

type EntityAt = (start: number, end: number) => Entity | undefined;

/** An index over entity mentions: the entity a span names (a person preferred, then the widest overlap). */
export function entityIndex(entities: readonly Entity[] | undefined): EntityAt {
  const mentions = (entities ?? []).flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })));
  mentions.sort((a, b) => a.start - b.start);
  const longest = mentions.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  return (start, end) => {
    let best: (typeof mentions)[number] | undefined;
    let bestScore = 0;
    // only mentions starting within `longest` before the span can overlap it: binary search to there
    const lo = lowerBound(mentions, (m) => m.start < start - longest);
    for (let k = lo; k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.start >= end) break;
      const overlap = Math.min(end, m.end) - Math.max(start, m.start);
      if (overlap <= 0) continue;
      const score = overlap + (m.entity.type === 'person' ? 1000 : 0);
      if (score > bestScore) [best, bestScore] = [m, score];
    }
    return best?.entity;
  };
}

const PERSON_PRONOUN = /^(?:he|she|him|her|i)$/i;
const THING_PRONOUN = /^(?:it|its)$/i;
/** "the foreign minister", "the head of state": an office holder named again. */
const isDefiniteTitle = (text: string) => /^the\s/i.test(text) && PERSON_TITLES.test(head(text));
const GROUP_PRONOUN = /^(?:they|them|we|us)$/i;
const DEFINITE_ROLE = /^(?:the|this|that|these|those|our|the same)\s+((?:\S+\s+){0,2}?)(source|sources|official|officials|insider|person|commander|officer|general|operative|report|statement|document|memo)$/i;
const CITING = /^[,\s]*(?:citing|quoting)\s+([^,.;:!?\n]{1,100})/i;

const headNoun = (text: string) => head(text).toLowerCase().split(/\s+/).pop() ?? '';

/** `expired`: true once the article's time budget is spent; the attributions built so far are returned. */
export function buildAttributions(text: string, sentences: readonly Sentence[], groups: readonly Group[], entities?: readonly Entity[], expired?: () => boolean): Attribution[] {
  const entityAt = entityIndex(entities);
  const out: Attribution[] = [];
  const bySource = new Map<string, Attribution>(); // "start:end" of a source span -> first attribution with it
  for (const g of groups) {
    if (expired?.()) break;
    const id = `a${out.length + 1}`;
    const a: Attribution = { id, source: null, content: reportedContent(text, g), mode: g.mode };
    if (g.cue) a.cue = { start: g.cue.start, end: g.cue.end, text: text.slice(g.cue.start, g.cue.end) };
    let src = g.source;
    let via: { name: string; entityId?: string }[] = [];
    // "X reported, citing Y": Y is the source, X the channel.
    if (src && g.cue) {
      const citing = CITING.exec(text.slice(g.cue.end, Math.min(text.length, g.cue.end + 120)));
      const srcText = text.slice(src.start, src.end);
      if (citing && isOutlet(srcText, entityAt(src.start, src.end))) {
        const start = g.cue.end + citing[0].length - citing[1]!.length;
        const ent = entityAt(src.start, src.end);
        via.push({ name: ent?.name ?? srcText, ...(ent ? { entityId: ent.id } : {}) });
        src = { role: 'source', start, end: start + citing[1]!.trimEnd().length };
      }
    }
    if (src) src = antecedentOfRelative(text, src);
    if (src) src = withoutTime(text, src);
    if (src && g.cue && isPassiveSubject(text, src, g.cue)) {
      // "a drone strike was reported in Krasnodar": the subject of a passive is what is claimed, not who claims it.
      const sentence = sentences[sentenceAt(sentences, src.start)];
      a.content = { start: src.start, end: Math.max(a.content.end, (sentence?.end ?? src.end) - trailingStop(text, sentence?.end ?? src.end)) };
      a.mode = 'passive';
      src = undefined;
    }
    a.content = withoutLeadingDate(text, a.content);
    if (src) {
      const srcText = text.slice(src.start, src.end);
      // The source is an entity only if a mention of it ends the phrase's head or the phrase:
      // "Putin’s administration" is not Putin; "Ana Berg, the harbour master" and "Chief of
      // Staff Ana Berg" are Ana Berg.
      const trimmed = (s: string) => s.replace(/[\s,.;:’'"”]+$/u, '').length;
      const headEnd = src.start + trimmed(head(srcText));
      const end = src.start + trimmed(srcText);
      const entity = entityAt(Math.max(src.start, headEnd - 1), headEnd) ?? entityAt(Math.max(src.start, end - 1), end);
      const { kind, entity: linked } = classifySource(srcText, entity);
      a.source = { start: src.start, end: src.end, text: srcText, kind, ...(linked ? { entityId: linked.id } : {}) };
      const sentence = sentences[sentenceAt(sentences, src.start)];
      for (const v of findVia(text, src.end, sentence?.end ?? src.end, entityAt)) {
        const ent = entityAt(v.start, v.end);
        if (!via.some((x) => x.name === v.name)) via.push({ name: v.name, ...(ent ? { entityId: ent.id } : {}) });
      }
      const earlier = bySource.get(`${src.start}:${src.end}`);
      const antecedent = earlier ?? findAntecedent(srcText, out);
      // "he" with no one quoted before: in news, almost always a person the article names.
      if (!antecedent && PERSON_PRONOUN.test(srcText) && entities?.some((e) => e.type === 'person')) a.source.kind = 'named-person';
      if (antecedent?.source) {
        a.source.refersTo = antecedent.id;
        if (antecedent.source.kind !== 'unknown') a.source.kind = antecedent.source.kind;
        if (antecedent.source.entityId && !a.source.entityId) a.source.entityId = antecedent.source.entityId;
        if (via.length === 0 && antecedent.via) via = antecedent.via;
      }
      if (!earlier) bySource.set(`${src.start}:${src.end}`, a);
    }
    if (!a.source && a.cue) {
      const shared = sharedSubject(text, sentences, out, a.cue);
      if (shared?.source) {
        a.source = { ...shared.source, refersTo: shared.source.refersTo ?? shared.id };
        if (shared.via) via = shared.via;
      }
    }
    if (via.length > 0) a.via = via;
    out.push(a);
  }
  return out;
}

const AFTER_COMMA = /,\s*$/u;
const AFTER_AND = /\band\s*$/u;
const PARTICIPLE = /^\p{L}+ing\b/iu;
const PAST = /^(?:\p{L}+ed|said|told|wrote|spoke)\b/iu;

/**
 * The attribution whose source a cue with none of its own shares: the one of the cue just before
 * it in its sentence, when the cue is a participle after a comma ("Syrskyi denied the claim,
 * saying ...", "..., he said, adding ...") or a past-tense verb after "and" ("Harrow called the
 * vote ... and said ..."). On warnews (428 articles) these were 136 and 55 of the 1,032 cues left
 * without a source; read by hand, nearly all share the subject (a miss: a relative clause between,
 * "Zelensky, who sought a clarification and insisted").
 */
function sharedSubject(text: string, sentences: readonly Sentence[], earlier: readonly Attribution[], cue: { start: number; end: number }): Attribution | undefined {
  const sentence = sentences[sentenceAt(sentences, cue.start)];
  if (!sentence) return undefined;
  let before: Attribution | undefined;
  // the last few attributions only (a sentence seldom holds more): a run-on "sentence" of
  // thousands of claims stays linear
  for (let k = earlier.length - 1; k >= Math.max(0, earlier.length - 8); k--) {
    const x = earlier[k]!;
    if (x.cue && x.cue.end <= cue.start && x.cue.start >= sentence.start && (!before || x.cue.start > before.cue!.start)) before = x;
  }
  if (!before?.source || before.source.end > cue.start) return undefined;
  const lead = text.slice(before.cue!.end, cue.start);
  const word = text.slice(cue.start, cue.end);
  return (AFTER_COMMA.test(lead) && PARTICIPLE.test(word)) || (AFTER_AND.test(lead) && PAST.test(word)) ? before : undefined;
}

const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last\s+(?:week|month|year|night))`;
const TIME_ONLY = new RegExp(String.raw`^(?:on\s+)?${WEEKDAY}$`, 'i');
const TRAILING_TIME = new RegExp(String.raw`\s+(?:on\s+)?${WEEKDAY}$`, 'i');
// "The United States on Friday announced": the phrase before "on" (after a sentence start, a comma or a dash).
const BEFORE_ON = /(?:^|[.!?,;:–—]\s*)((?:[Tt]he\s+)?\p{Lu}[^,;:.!?–—]{0,80}?)\s+on\s+$/u;
const DATELINE = /^[^()]{0,40}\([^()]{1,30}\)\s*[–—-]\s*/u;

/**
 * A source is never a time: "Friday" (tagged as the source of "announced") stands for the
 * phrase before it ("The United States on Friday announced"), and "Joseph Wu on Tuesday" is
 * "Joseph Wu". A dateline glued to the name ("26 September (BelTA) – Minister ...") is cut.
 */
function withoutTime(text: string, src: Group['source'] & {}): (Group['source'] & {}) | undefined {
  const t = text.slice(src.start, src.end);
  if (TIME_ONLY.test(t)) {
    const from = Math.max(0, src.start - 100);
    const m = BEFORE_ON.exec(text.slice(from, src.start));
    if (!m) return undefined;
    const start = from + m.index + m[0].indexOf(m[1]!);
    return { role: 'source', start, end: start + m[1]!.length };
  }
  const trailing = TRAILING_TIME.exec(t);
  if (trailing) return { ...src, end: src.start + trailing.index };
  const dateline = DATELINE.exec(t);
  if (dateline && dateline[0].length < t.length) return { ...src, start: src.start + dateline[0].length };
  return src;
}

const PASSIVE_CUE = /^(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+\p{L}+(?:ed|en|wn)\b/iu;
/** A source just before a passive cue with no "by" after it ("a drone strike" + "was reported in"). */
function isPassiveSubject(text: string, src: { start: number; end: number }, cue: { start: number; end: number }): boolean {
  return cue.start >= src.end && /^\s*$/.test(text.slice(src.end, cue.start)) && PASSIVE_CUE.test(text.slice(cue.start, cue.end)) && !/^\s*by\b/i.test(text.slice(cue.end, cue.end + 5));
}
const trailingStop = (text: string, end: number) => (/[.!?]/.test(text[end - 1] ?? '') ? 1 : 0);

// "said on November 3 that the town ...": the date the tagger left at the content's start (the day
// number, or the month and day, or with its "on": the greedy tagger left "3", the beam "November 3",
// the beam-trained tagger "on November 3").
const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const LEADING_DATE = new RegExp(`^(?:on\\s+)?(?:${MONTH}\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?|\\d{4}),?\\s+(?=that\\s)`);
function withoutLeadingDate(text: string, content: { start: number; end: number }): { start: number; end: number } {
  const m = LEADING_DATE.exec(text.slice(content.start, Math.min(content.end, content.start + 24)));
  return m ? { start: content.start + m[0].length, end: content.end } : content;
}

const RELATIVE_SOURCE = /^(?:who|whose|which|that)$/i;
// "…, an unnamed official, who said": the phrase before the comma, the nearest one (greedy, bounded prefix).
const PHRASE_BEFORE = /^[\s\S]{0,120}(?:^|[.!?,;:(]\s*|\b(?:of|by|from|to|with|for|and|at|in|on|amid|among)\s+)((?:the|an?|one|two|three|several|some|many)\s[^,;:()]{1,80}?|\p{Lu}[^,;:()]{0,80}?)\s*,\s*$/u;

/** A relative pronoun source ("who", "whose") stands for the phrase it follows: report that phrase. */
function antecedentOfRelative(text: string, src: Group['source'] & {}): Group['source'] & {} {
  if (!RELATIVE_SOURCE.test(text.slice(src.start, src.end))) return src;
  const from = Math.max(0, src.start - 120);
  const m = PHRASE_BEFORE.exec(text.slice(from, src.start));
  if (!m) return src;
  const start = from + m[0].lastIndexOf(m[1]!);
  return { role: 'source', start, end: start + m[1]!.length };
}

/**
 * The one content span the report holds: a quotation split by its cue ("“A,” she said, “B.”")
 * or a claim around "as per X" is reported whole, from its first fragment to its last; otherwise the longest fragment.
 */
function reportedContent(text: string, g: Group): { start: number; end: number } {
  const first = g.contents[0]!;
  const last = g.contents[g.contents.length - 1]!;
  if (g.contents.length > 1 && (g.mode === 'according-to' || /^[“"«]/u.test(text.slice(first.start, first.end)))) {
    return { start: first.start, end: last.end };
  }
  const longest = g.contents.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return { start: longest.start, end: longest.end };
}

/** The earlier attribution a pronoun or a definite role phrase ("the source") names again, if any. */
function findAntecedent(sourceText: string, earlier: readonly Attribution[]): Attribution | undefined {
  const t = sourceText.trim();
  const definite = DEFINITE_ROLE.exec(t);
  // antecedents are near: look back over at most 30 attributions (and stay linear on huge inputs)
  for (let i = earlier.length - 1; i >= Math.max(0, earlier.length - 30); i--) {
    const s = earlier[i]!.source;
    if (!s || (s.refersTo && !definite)) continue;
    if (PERSON_PRONOUN.test(t) || (!definite && isDefiniteTitle(t))) {
      if (s.kind === 'named-person') return earlier[i];
    } else if (GROUP_PRONOUN.test(t)) {
      if (s.kind === 'collective' || s.kind === 'named-organization') return earlier[i];
    } else if (THING_PRONOUN.test(t)) {
      // "it said": the institution, outlet or document quoted just before, if it is near
      if (i < earlier.length - 3) return undefined;
      if (['named-organization', 'outlet', 'document', 'collective'].includes(s.kind)) return earlier[i];
    } else if (DEFINITE_ORGANIZATION.test(t)) {
      if (s.kind === 'named-organization') return earlier[i];
    } else if (definite) {
      if (s.text !== t && headNoun(s.text).replace(/s$/, '') === definite[2]!.toLowerCase().replace(/s$/, '')) return earlier[i];
    } else return undefined;
  }
  return undefined;
}
