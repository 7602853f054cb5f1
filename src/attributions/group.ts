/**
 * Groups tagged SOURCE / CUE / CONTENT spans into attributions. The rule: each source and each
 * content span joins the nearest cue (in characters) in its own sentence; a content span that
 * runs over several sentences may join a cue in any of them. A cue with no content is dropped
 * (nothing is claimed) unless the rest of its sentence or the next sentence's content can be
 * its claim. A content span with no cue in reach continues the attribution
 * just before it (itself perhaps a continuation), when that one is at most two sentences back ("Their stated mission ... is"): mode
 * 'continuation', same source, no cue.
 */
import type { Sentence } from '../core/schema.js';
import type { RoleSpan } from '../core/roles.js';
import { lowerBound } from '../core/search.js';

export type Mode = 'direct' | 'indirect' | 'according-to' | 'passive' | 'continuation';

export interface Group {
  source?: RoleSpan;
  cue?: RoleSpan;
  /** the content's fragments, in text order (a quotation split by its cue has two) */
  contents: RoleSpan[];
  mode: Mode;
  /** index of the cue's sentence (of the first content for a continuation) */
  sentence: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Does the span hold at least `n` words? Stops counting there: a span may be a huge run-on sentence. */
function hasWords(text: string, span: RoleSpan, n: number): boolean {
  WORD.lastIndex = span.start;
  let found = 0;
  for (let m = WORD.exec(text); m && m.index + m[0].length <= span.end; m = WORD.exec(text)) if (++found >= n) return true;
  return false;
}

/** Index of the first span in `sorted` (by start) that starts at or after `at`. */
function firstAtOrAfter(sorted: readonly RoleSpan[], at: number): number {
  return lowerBound(sorted, (s) => s.start < at);
}

/** Index of the sentence holding offset `at` (the last sentence starting at or before it). */
export function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Characters between two spans; a cue inside a content span is the claim's own verb, so it is the farthest. */
const distance = (a: RoleSpan, b: RoleSpan) =>
  a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : a.start <= b.start && b.end <= a.end ? 1e6 : 0;
const QUOTE_START = /^[“"«‘']/u;
const ACCORDING = /^(?:according|as per|per|citing|quoting)\b/i;

function modeOf(text: string, group: Group): Mode {
  const cue = group.cue ? text.slice(group.cue.start, group.cue.end) : '';
  if (ACCORDING.test(cue)) return 'according-to';
  const first = group.contents[0];
  if (first && (QUOTE_START.test(text.slice(first.start, first.end)) || QUOTE_START.test(text.slice(Math.max(0, first.start - 1), first.start)))) {
    return 'direct';
  }
  return 'indirect';
}

export function groupSpans(text: string, sentences: readonly Sentence[], spans: readonly RoleSpan[]): Group[] {
  if (sentences.length === 0) return [];
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const cues = sorted.filter((s) => s.role === 'cue');
  const bySentence = new Map<number, RoleSpan[]>();
  for (const cue of cues) {
    const s = sentenceAt(sentences, cue.start);
    const list = bySentence.get(s);
    if (list) list.push(cue);
    else bySentence.set(s, [cue]);
  }
  const groups = new Map<RoleSpan, Group>(
    cues.map((cue) => [cue, { cue, contents: [], mode: 'indirect', sentence: sentenceAt(sentences, cue.start) }]),
  );
  /** The nearest cue in sentences first..last: the one just before the span, just after it, or (last resort) inside it. */
  const nearest = (span: RoleSpan, first: number, last: number): RoleSpan | undefined => {
    let best: RoleSpan | undefined;
    const consider = (cue: RoleSpan | undefined) => {
      if (cue && (!best || distance(span, cue) < distance(span, best))) best = cue;
    };
    for (let s = first; s <= last; s++) {
      const list = bySentence.get(s);
      if (!list) continue;
      const from = firstAtOrAfter(list, span.start);
      const after = firstAtOrAfter(list, span.end);
      consider(list[from - 1]);
      consider(list[after]);
      if (from < after) consider(list[from]);
    }
    return best;
  };

  const orphans: RoleSpan[] = [];
  // orphan contents by sentence, in text order, each list with a cursor past those already taken
  // (a run-on sentence may hold thousands: no search of all orphans per cue)
  const orphansIn = new Map<number, { list: RoleSpan[]; next: number }>();
  const taken = new Set<RoleSpan>();
  const firstOrphan = (sentence: number): RoleSpan | undefined => {
    const o = orphansIn.get(sentence);
    return o && o.next < o.list.length ? o.list[o.next] : undefined;
  };
  const take = (sentence: number): RoleSpan => {
    const o = orphansIn.get(sentence)!;
    const span = o.list[o.next++]!;
    taken.add(span);
    return span;
  };
  for (const span of sorted) {
    if (span.role === 'cue') continue;
    const first = sentenceAt(sentences, span.start);
    const last = span.role === 'content' ? sentenceAt(sentences, Math.max(span.start, span.end - 1)) : first;
    const cue = nearest(span, first, last);
    const group = cue && groups.get(cue);
    if (!group) {
      if (span.role === 'content') {
        orphans.push(span);
        const o = orphansIn.get(first);
        if (o) o.list.push(span);
        else orphansIn.set(first, { list: [span], next: 0 });
      }
      continue;
    }
    if (span.role === 'source') {
      if (!group.source || distance(span, cue) < distance(group.source, cue)) group.source = span;
    } else group.contents.push(span);
  }

  // A cue whose claim the tagger missed in its sentence takes an orphan content opening the next
  // sentence ("X continued: / “...”"), else a claim in its own sentence (below), else an orphan
  // content of the sentence before ("“...” / he asks.").
  for (const g of groups.values()) {
    if (g.contents.length > 0) continue;
    const next = firstOrphan(g.sentence + 1);
    if (next && !nearest(next, g.sentence + 1, g.sentence + 1)) {
      g.contents.push(take(g.sentence + 1));
      continue;
    }
    // Otherwise the rest of its sentence, unless that is only a few words ("said on Friday.") and
    // the sentence before the source and cue holds the claim ("The port will close, Berg said ...").
    const rest = restOfSentence(text, sentences[g.sentence]!, Math.max(g.cue!.end, g.source && g.source.start > g.cue!.end ? g.source.end : 0));
    const before = claimBefore(text, sentences[g.sentence]!, Math.min(g.cue!.start, g.source?.start ?? g.cue!.start));
    const claim = rest && hasWords(text, rest, 4) ? rest : before && hasWords(text, before, 3) ? before : rest;
    if (claim) {
      g.contents.push(claim);
      continue;
    }
    if (firstOrphan(g.sentence - 1)) g.contents.push(take(g.sentence - 1));
  }
  const out = [...groups.values()].filter((g) => g.contents.length > 0);
  for (const g of out) {
    g.contents = joinFragments(text, g);
    g.mode = modeOf(text, g);
  }
  // Continuations: an orphan content after an attribution at most two sentences back: of those
  // starting before it, the one of the latest sentence (the last made, on a tie).
  out.sort((a, b) => a.sentence - b.sentence);
  const groupsIn = new Map<number, Group[]>();
  const file = (g: Group) => {
    const list = groupsIn.get(g.sentence);
    if (list) list.push(g);
    else groupsIn.set(g.sentence, [g]);
  };
  out.forEach(file);
  for (const content of orphans) {
    if (taken.has(content)) continue;
    const s = sentenceAt(sentences, content.start);
    if (!hasWords(text, content, 3)) continue;
    const previous = latestBefore(groupsIn, s, content.start);
    if (previous) {
      const g: Group = { source: previous.source, contents: [content], mode: 'continuation', sentence: s };
      out.push(g);
      file(g);
    }
  }
  return out.sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);
}

/** How far back in one sentence's groups a continuation looks for one starting before it (a run-on sentence holds thousands). */
const LOOK_BACK = 200;

/** Of the groups of sentences s, s-1, s-2 whose claim starts before `at`: one of the latest sentence, the last filed. */
function latestBefore(groupsIn: ReadonlyMap<number, readonly Group[]>, s: number, at: number): Group | undefined {
  for (let k = s; k >= s - 2; k--) {
    const list = groupsIn.get(k) ?? [];
    for (let i = list.length - 1; i >= Math.max(0, list.length - LOOK_BACK); i--) if (list[i]!.contents[0]!.start < at) return list[i];
  }
  return undefined;
}

/** The sentence after `from`, without its closing punctuation, as a content span (null when too short). */
function restOfSentence(text: string, sentence: Sentence, from: number): RoleSpan | null {
  let start = Math.max(from, sentence.start);
  let end = sentence.end;
  while (start < end && /[\s,:;]/u.test(text[start]!)) start++;
  while (end > start && /[\s.!?]/u.test(text[end - 1]!)) end--;
  if (/^that\s/i.test(text.slice(start, start + 5))) start += 5;
  return end - start >= 8 ? { role: 'content', start, end } : null;
}

/** The sentence before `to`, without the comma that ends it, as a content span (null when too short). */
function claimBefore(text: string, sentence: Sentence, to: number): RoleSpan | null {
  const start = sentence.start;
  let end = Math.min(to, sentence.end);
  while (end > start && /[\s,—–-]/u.test(text[end - 1]!)) end--;
  return end - start >= 8 ? { role: 'content', start, end } : null;
}

/**
 * Joins content fragments of one group that the tagger split apart: two fragments are one claim
 * unless the cue or the source sits between them (a quotation split by "he said").
 */
function joinFragments(text: string, g: Group): RoleSpan[] {
  const sorted = [...g.contents].sort((a, b) => a.start - b.start);
  const out: RoleSpan[] = [];
  const between = (s: RoleSpan | undefined, a: number, b: number) => s !== undefined && s.start >= a && s.end <= b;
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && !between(g.cue, last.end, c.start) && !between(g.source, last.end, c.start)) last.end = Math.max(last.end, c.end);
    else out.push({ ...c });
  }
  return out;
}

/** Every span a set of groups holds, for scoring (shared sources counted once by the scorer). */
export function groupSpansOut(groups: readonly Group[]): RoleSpan[] {
  return groups.flatMap((g) => [...(g.source && g.mode !== 'continuation' ? [g.source] : []), ...(g.cue ? [g.cue] : []), ...g.contents]);
}
