/**
 * Rules for patterns the tagger sees too rarely in its training data and that are easy to
 * read exactly: "according to X" / "as per X" (with the claim on either side), passive
 * attributions ("was interpreted by X as", "were later deemed"), a quotation signed with a
 * dash and a name ("“...” ― Ana Berg", as in collected quotes and readers' voices), and speaker
 * labels ("PENCE: Well, look"). Over the tagger's groups: a second cue verb coordinated after a
 * tagged one ("outlined his plan and vowed to") and a cue participle after a comma ("...,
 * promising to") get their own group and a source. An agentless
 * passive yields a group with no source: the claim is stated as someone's judgement without saying whose.
 * Every regular expression is bounded (no nested unbounded quantifiers) and runs per sentence or
 * per line; every look back or ahead over tokens is bounded.
 */
import type { Sentence } from '../core/schema.js';
import type { RoleSpan } from '../core/roles.js';
import type { Token } from '../core/doc.js';
import { lowerBound } from '../core/search.js';
import { sentenceAt, type Group } from './group.js';

const WINDOW = 300;
const ACCORDING = /\b(?:[Aa]ccording to|[Aa]s per)\s/g;
/** The source phrase after the cue: up to a comma or the end; a relative clause after it is skipped. */
const NP_AFTER = /^[^,.;:!?\n]{1,100}/;
const RELATIVE = /^,\s*(?:who|which|whose|where)\b[^,.;!?\n]{0,160},/;
const PASSIVE =
  /\b(?:is|are|was|were|been|being)\s+(?:(?:later|widely|also|often|generally|now|initially|previously|first|since|further|largely|mostly|broadly|repeatedly)\s+){0,2}(deemed|considered|seen|viewed|regarded|described|believed|thought|reported|said|alleged|claimed|interpreted|judged|rumou?red|understood|estimated|expected|characteri[sz]ed|labell?ed|branded|perceived|presumed|suspected|assessed|portrayed|touted|dubbed)\b/g;
const AGENT = /^\s+by\s+((?:[\p{L}\p{N}’'.-]+\s+){0,7}?[\p{L}\p{N}’'.-]+)(?=\s+(?:as|to|that|of|for|in|on|with|after|before|amid)\b|\s*[,.;:!?]|\s*$)/u;

const trimEnd = (text: string, start: number, end: number) => {
  while (end > start && /[\s.,;:]/u.test(text[end - 1]!)) end--;
  return end;
};
const trimStart = (text: string, start: number, end: number) => {
  while (start < end && /[\s,;:]/u.test(text[start]!)) start++;
  return start;
};

function span(role: RoleSpan['role'], start: number, end: number): RoleSpan {
  return { role, start, end };
}

function pushContent(text: string, contents: RoleSpan[], start: number, end: number): void {
  const s = trimStart(text, start, end);
  const e = trimEnd(text, s, end);
  if (e - s >= 3) contents.push(span('content', s, e));
}

function accordingTo(text: string, sentence: Sentence, index: number): Group[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Group[] = [];
  for (const m of body.matchAll(ACCORDING)) {
    const cueStart = sentence.start + m.index;
    const cueEnd = cueStart + m[0].trimEnd().length;
    // windows, not the rest of the sentence: a huge "sentence" must not make this quadratic
    const np = NP_AFTER.exec(body.slice(m.index + m[0].length, m.index + m[0].length + WINDOW));
    if (!np) continue;
    const srcStart = cueEnd + 1;
    const srcEnd = trimEnd(text, srcStart, srcStart + np[0].length);
    let after = srcStart + np[0].length;
    const relative = RELATIVE.exec(text.slice(after, Math.min(sentence.end, after + WINDOW)));
    if (relative) after += relative[0].length - 1; // keep the closing comma as the boundary
    const contents: RoleSpan[] = [];
    pushContent(text, contents, sentence.start, cueStart);
    pushContent(text, contents, after, sentence.end);
    if (contents.length === 0) continue;
    out.push({
      source: span('source', srcStart, srcEnd),
      cue: span('cue', cueStart, cueEnd),
      contents,
      mode: 'according-to',
      sentence: index,
    });
  }
  return out;
}

function passive(text: string, sentence: Sentence, index: number): Group[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: Group[] = [];
  for (const m of body.matchAll(PASSIVE)) {
    const verb = m[1]!;
    const cueStart = sentence.start + m.index + m[0].length - verb.length;
    const cueEnd = sentence.start + m.index + m[0].length;
    const agent = AGENT.exec(text.slice(cueEnd, Math.min(sentence.end, cueEnd + WINDOW)));
    let source: RoleSpan | undefined;
    let from = cueEnd;
    if (agent) {
      const srcStart = cueEnd + agent[0].indexOf(agent[1]!);
      source = span('source', srcStart, srcStart + agent[1]!.length);
      from = cueEnd + agent[0].length;
    }
    const lead = /^\s*(?:as\s+)?/.exec(text.slice(from, Math.min(sentence.end, from + WINDOW)))![0].length;
    const contents: RoleSpan[] = [];
    pushContent(text, contents, from + lead, sentence.end);
    if (contents.length === 0) continue;
    out.push({ source, cue: span('cue', cueStart, cueEnd), contents, mode: 'passive', sentence: index });
  }
  return out;
}

// a tagged passive cue: "(has been) endorsed", "was first reported", "were appointed by"
const PASSIVE_TAGGED = /^(?:(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been)\s+)(?:\p{Ll}+ly\s+|first\s+|also\s+|later\s+|once\s+){0,2}\p{L}+(?:ed|en|wn|ght|id)(?:\s+by)?$/iu;

/**
 * A tagger group whose cue is passive with an agent after it ("The nominee has been endorsed by
 * dozens of papers"): the agent is the source, not the subject before the cue the tagger took
 * (PolNeAR marks the agent). Returns the agent's span, or null.
 */
export function passiveAgent(text: string, source: RoleSpan, cue: RoleSpan, sentenceEnd: number): RoleSpan | null {
  if (source.end > cue.start) return null;
  const cueText = text.slice(cue.start, cue.end);
  if (!PASSIVE_TAGGED.test(cueText)) return null;
  const after = text.slice(cue.end, Math.min(sentenceEnd, cue.end + WINDOW));
  const agent = AGENT.exec(/\sby$/i.test(cueText) ? ` by${after}` : after);
  if (!agent) return null;
  const shift = /\sby$/i.test(cueText) ? -3 : 0;
  const start = cue.end + shift + agent[0].indexOf(agent[1]!);
  // the sentence's full stop is no part of the name ("by far fewer publications."; not "by Ana Berg Jr.")
  const name = agent[1]!.replace(/(?<=\p{Ll}{3})\.$/u, '');
  return span('source', start, start + name.length);
}

/** A closing double quote, a dash, and a name of one to four capitalised words that ends its line (or a comma follows). */
const SIGNED = /[”"]\s{0,4}(?:―|—|–|--?)[^\S\n]*(\p{Lu}[\p{L}’'-]*\.?(?:[^\S\n]+\p{Lu}[\p{L}’'-]*\.?){0,3})(?=[^\S\n]*(?:\n|$|,))/gu;
const OPENING_QUOTE = /[“”"«]/;

/**
 * "“The dam holds.” ― Ana Berg": the quotation (marks included) is the content, the dash the cue,
 * the name the source. The quotation opens at the nearest double quote before it on the same line.
 */
function signedQuotes(text: string, sentences: readonly Sentence[]): Group[] {
  const out: Group[] = [];
  for (const m of text.matchAll(SIGNED)) {
    const close = m.index;
    let open = close - 1;
    while (open >= 0 && close - open < WINDOW * 10 && text[open] !== '\n' && !OPENING_QUOTE.test(text[open]!)) open--;
    if (open < 0 || !OPENING_QUOTE.test(text[open]!) || close - open < 8) continue;
    const name = m[1]!;
    const srcStart = close + m[0].length - name.length;
    // a sentence's full stop after the name is not part of it; an initial's is ("Edwin G.")
    const srcEnd = srcStart + name.length - (/\p{L}{2,}\.$/u.test(name) ? 1 : 0);
    const dash = /―|—|–|--?/.exec(m[0])!;
    const cueStart = close + dash.index;
    out.push({
      source: span('source', srcStart, srcEnd),
      cue: span('cue', cueStart, cueStart + dash[0].length),
      contents: [span('content', open, close + 1)],
      mode: 'direct',
      sentence: sentenceAt(sentences, cueStart),
    });
  }
  return out;
}

/** A line opening with a speaker's name in capitals and a colon ("WALLACE: Let's start", "“KATE BOULDUAN: ..."). */
const SPEAKER = /^[^\S\n]{0,4}[“"]?(\p{Lu}[\p{Lu}’'.-]{1,24}(?:[^\S\n]\p{Lu}[\p{Lu}’'.-]{1,24}){0,2}):[^\S\n]+(?=\S)/gmu;
/** The same in a headline's case: "Pat Caddell: Democrat Voters Worried ...", "Pence: Gennifer Flowers Won’t Be at Debate". */
const SPEAKER_TITLED = /^[^\S\n]{0,4}[“"]?((?:\p{Lu}\p{Ll}[\p{Ll}’'-]{0,23}|\p{Lu}\.)(?:[^\S\n](?:\p{Lu}\p{Ll}[\p{Ll}’'-]{0,23}|\p{Lu}\.)){0,2}):[^\S\n]+(?=\S)/gmu;
/** Headline kickers and labels of that shape that are no speaker. */
const KICKER = /^(?:WATCH|EXCLUSIVE|READ|MORE|ALSO|UPDATE|UPDATED|BREAKING|LIVE|VIDEO|PHOTOS?|OPINION|ANALYSIS|EDITOR|NOTE|BYLINE|EMAIL|CLARIFICATION|CORRECTION|SOURCE|SOURCES|FULL|TEXT|LOOK|BOOM|BUSTED|FACT|CHECK|LATEST|THE|Q|A)$/;
/** How many distinct labels one text may have looked up (each is one search of the text). */
const MAX_SPEAKERS = 16;

/** Capitalised words that open a sentence or a place rather than name a person ("In Ukraine", "The Hague"). */
const NOT_A_NAME = /^(?:In|The|On|At|For|From|To|Of|And|But|Or|With|By|As|If|When|While|After|Before|Since|Across|Over|Into|Near|Western|Eastern|Northern|Southern|North|South|East|West|Central|New)$/;

/** Is `word` ("Pence") in the text after a capitalised word that may be a first name or a title ("Gov. Pence")? Looks at 50 mentions at most. */
function namedAsPerson(text: string, word: string, labelEnds: ReadonlySet<number>): boolean {
  const re = new RegExp(`(\\p{Lu}[\\p{L}.]{0,20})[^\\S\\n]${word.replace(/\./g, '\\.')}(?![\\p{L}])`, 'gu');
  let seen = 0;
  for (const m of text.matchAll(re)) {
    if (labelEnds.has(m.index + m[0].length)) continue; // the label itself ("Pat Caddell:")
    if (!NOT_A_NAME.test(m[1]!.replace(/\.$/, ''))) return true;
    if (++seen >= 50) break;
  }
  return false;
}

/**
 * Transcripts: "WALLACE: Let's start ..." — the label is the source, the colon the cue, the rest of
 * the line the content. Capitals and a colon also open headline kickers ("WATCH:", "UKRAINE:"),
 * so the label's last word must be named in the text as a person is, in ordinary case after a
 * capitalised word ("Gov. Pence", "President Xi"), and the line must not be all capitals; in a transcript (two labels or more, one of
 * them so named) a label used twice or more is a speaker too (the host "WALLACE", never named).
 */
function speakerLabels(text: string, sentences: readonly Sentence[]): Group[] {
  const found: { label: string; last: string; at: number; from: number; caps: boolean }[] = [];
  const uses = new Map<string, number>();
  for (const [pattern, caps] of [[SPEAKER, true], [SPEAKER_TITLED, false]] as const) {
    for (const m of text.matchAll(pattern)) {
      const label = m[1]!;
      const words = label.split(/[^\S\n]/).map((w) => w.replace(/[’'.-]+$/u, ''));
      if (words.some((w) => KICKER.test(w.toUpperCase()))) continue;
      const word = words[words.length - 1]!;
      const last = caps ? word[0] + word.slice(1).toLowerCase() : word;
      if (last.length < 2 || NOT_A_NAME.test(last) || (!uses.has(last) && uses.size >= MAX_SPEAKERS)) continue;
      uses.set(last, (uses.get(last) ?? 0) + 1);
      found.push({ label, last, at: m.index + m[0].indexOf(label), from: m.index + m[0].length, caps });
    }
  }
  found.sort((x, y) => x.at - y.at);
  const ends = new Set(found.map((f) => f.at + f.label.length));
  const named = new Map([...uses.keys()].map((last) => [last, namedAsPerson(text, last, ends)]));
  const transcript = uses.size >= 2 && [...named.values()].some(Boolean);
  const out: Group[] = [];
  for (const { label, last, at, from, caps } of found) {
    if (!named.get(last) && !(transcript && uses.get(last)! >= 2)) continue;
    const cueStart = at + label.length + text.slice(at + label.length, from).indexOf(':');
    let end = text.indexOf('\n', from);
    if (end < 0 || end - from > WINDOW * 10) end = Math.min(text.length, from + WINDOW * 10);
    while (end > from && /\s/u.test(text[end - 1]!)) end--;
    // a headline's full stop is not part of its claim, as PolNeAR marks it; a transcript line's is
    if (!caps && text[end - 1] === '.' && !/\p{Lu}\.$/u.test(text.slice(end - 2, end))) end--;
    // a line all in capitals is a headline ("THE UNITED NATIONS: IS IT WORTH ...?"), not speech
    if (end - from < 3 || !/\p{Ll}/u.test(text.slice(from, end))) continue;
    out.push({
      source: span('source', at, at + label.length),
      cue: span('cue', cueStart, cueStart + 1),
      contents: [span('content', from, end)],
      mode: 'direct',
      sentence: sentenceAt(sentences, cueStart),
    });
  }
  return out;
}

/** Rule groups for every sentence, and the signed quotations and transcript lines of the text. */
export function ruleGroups(text: string, sentences: readonly Sentence[]): Group[] {
  return [...sentences.flatMap((s, i) => [...accordingTo(text, s, i), ...passive(text, s, i)]), ...signedQuotes(text, sentences), ...speakerLabels(text, sentences)];
}

const PAST_VERB = /^(?:\p{L}+ed|said|told|wrote|spoke|thought|knew|saw|found|gave|made|took|put|held|felt|brought|sought|drew|threw|swore|forecast|met|went|came|left|sent|led|won|ran|began|stood|kept|struck|became|got|taught|meant)$/iu;
const PRESENT_VERB = /^\p{Ll}+[^s’'\s]s$/u;
/** How far into the first cue's content a second cue is looked for, in tokens. */
const COORDINATION_REACH = 60;

/**
 * A second cue verb coordinated after a tagged one, same subject: "The nominee outlined his plan
 * and vowed to punish ...", "Trump said he would order a review and warned against hackers". The
 * tagger reads the second verb as part of the first one's content; here it is a cue of its own
 * with the same source, and the first content ends before "and". Both verbs must be past tense
 * (or both present, "-s"), and the stretch between them must hold no verb of that tense (in "Police say he posed a threat
 * and refused", "refused" goes with "posed", inside the claim). `isCue`: a word often a cue in
 * training; `quoted`: per token, inside quotation marks. Returns the new groups; `groups` is edited.
 */
export function coordinatedCues(tokens: readonly Token[], groups: readonly Group[], isCue: (i: number) => boolean, quoted: () => Uint8Array): Group[] {
  const out: Group[] = [];
  let q: Uint8Array | undefined;
  for (const g of groups) {
    const cue = g.cue;
    const content = g.contents[0];
    if (!cue || !g.source || !content || content.start < cue.end) continue;
    let head = -1;
    for (let k = lowerBound(tokens, (t) => t.end <= cue.start); k < tokens.length && tokens[k]!.start < cue.end; k++) if (tokens[k]!.pos === 'VERB') head = k;
    const form = head < 0 ? null : PAST_VERB.test(tokens[head]!.text) ? PAST_VERB : PRESENT_VERB.test(tokens[head]!.text) ? PRESENT_VERB : null;
    if (!form) continue;
    const first = lowerBound(tokens, (t) => t.start < content.start);
    for (let k = first; k < tokens.length && k < first + COORDINATION_REACH && tokens[k]!.end <= content.end; k++) {
      const t = tokens[k]!;
      if (t.pos === 'VERB' && form.test(t.text)) break;
      if (t.text !== 'and' || k === first) continue;
      const v = tokens[k + 1];
      if (!v || v.end >= content.end || v.pos !== 'VERB' || !form.test(v.text) || !isCue(k + 1)) continue;
      q ??= quoted();
      if (q[k + 1]) break;
      // "warned against hackers": the preposition is part of the cue, as PolNeAR marks it
      const particle = tokens[k + 2]?.text === 'against' && k + 3 < tokens.length && tokens[k + 3]!.end <= content.end;
      const cueEnd = particle ? tokens[k + 2]!.end : v.end;
      const next = tokens[particle ? k + 3 : k + 2]!;
      let end = tokens[k - 1]!.end;
      if (tokens[k - 1]!.text === ',' && k - 1 > first) end = tokens[k - 2]!.end;
      out.push({ source: g.source, cue: { role: 'cue', start: v.start, end: cueEnd }, contents: [{ role: 'content', start: next.start, end: content.end }], mode: g.mode, sentence: g.sentence });
      g.contents[0] = { ...content, end };
      break;
    }
  }
  return out;
}

const FINITE_AUX = /^(?:has|have|had|is|are|was|were)$/i;
const SUBJECT_PRONOUN = /^(?:he|she|they|it|we)$/i;
/** How far back from a participle its clause's verb is looked for, in tokens. */
const SUBJECT_REACH = 40;

/**
 * A cue participle after a comma ("..., promising to lift ...", "..., saying the dam will hold"),
 * which the tagger missed or read with no source: its source is that of the cue before it in its
 * sentence ("Trump spoke to a gathering of industry leaders, promising to ..."; that cue's claim
 * then ends at the comma), or else the subject of the clause before it: the nearest finite verb
 * back (past, present "-s", or an auxiliary with its participle) and, just before that verb, a
 * personal pronoun or a run of names that is not inside a longer phrase ("the head of Acme
 * Corp"). A new group's content is the rest of the sentence. `isCue`: a word often a cue in
 * training; `quoted`: per token, inside quotation marks. Returns the new groups; `groups` is edited.
 */
export function participleCues(text: string, tokens: readonly Token[], groups: readonly Group[], isCue: (i: number) => boolean, quoted: () => Uint8Array): Group[] {
  const withCue = groups.filter((g) => g.cue).sort((x, y) => x.cue!.start - y.cue!.start);
  const out: Group[] = [];
  let q: Uint8Array | undefined;
  for (let k = 2; k < tokens.length; k++) {
    const c = tokens[k]!;
    if (tokens[k - 1]!.text !== ',' || !/\p{Ll}ing$/u.test(c.text) || !isCue(k)) continue;
    // the nearest tagged cue before the participle, if it is in the same sentence
    const at = lowerBound(withCue, (g) => g.cue!.end <= c.start);
    // the tagger read it as a cue: with a source, it stands; without, it gets the one found here
    const tagged = at < withCue.length && withCue[at]!.cue!.start < c.end ? withCue[at] : undefined;
    if (tagged && (tagged.source || tagged.cue!.start !== c.start)) continue;
    const before = at > 0 ? withCue[at - 1] : undefined;
    q ??= quoted();
    if (q[k]) continue;
    const earlier = before && before.sentence === c.sentence ? before : undefined;
    const source = earlier ? earlier.source : subjectBefore(tokens, k - 1);
    if (!source) continue;
    if (tagged) {
      tagged.source = source;
      continue;
    }
    let end = k;
    while (end + 1 < tokens.length && tokens[end + 1]!.sentence === c.sentence && end - k < 200) end++;
    while (end > k && /^[.!?"”’]$/u.test(tokens[end]!.text)) end--;
    if (end - k < 3) continue;
    // the earlier cue's claim ends at the comma
    const cut = earlier?.contents.findIndex((x) => x.start < tokens[k - 2]!.end && x.end > c.start) ?? -1;
    if (cut >= 0) earlier!.contents[cut] = { ...earlier!.contents[cut]!, end: tokens[k - 2]!.end };
    out.push({
      source,
      cue: { role: 'cue', start: c.start, end: c.end },
      contents: [{ role: 'content', start: tokens[k + 1]!.start, end: tokens[end]!.end }],
      mode: /^[“"]/u.test(text.slice(tokens[k + 1]!.start, tokens[k + 1]!.start + 1)) ? 'direct' : 'indirect',
      sentence: c.sentence,
    });
  }
  return out;
}

/**
 * The subject of the clause ending at token `to`: the nearest finite verb back (past, present "-s",
 * or an auxiliary with its participle) and, just before it, a personal pronoun or a run of names
 * not inside a longer phrase ("the head of Acme Corp"); undefined for anything else.
 */
function subjectBefore(tokens: readonly Token[], to: number): RoleSpan | undefined {
  const sentence = tokens[to]!.sentence;
  let verb = -1;
  for (let j = to - 1; j > 0 && j > to - SUBJECT_REACH && tokens[j]!.sentence === sentence; j--) {
    const t = tokens[j]!;
    if ((t.pos === 'VERB' && (PAST_VERB.test(t.text) || PRESENT_VERB.test(t.text))) || (t.pos === 'AUX' && FINITE_AUX.test(t.text))) {
      verb = j;
      break;
    }
  }
  if (verb < 1) return undefined;
  if (tokens[verb - 1]!.pos === 'AUX' && FINITE_AUX.test(tokens[verb - 1]!.text)) verb--;
  const last = verb - 1;
  const t = tokens[last]!;
  if (t.sentence !== sentence) return undefined;
  let first = last;
  if (t.pos === 'PRON') {
    if (!SUBJECT_PRONOUN.test(t.text)) return undefined;
  } else if (t.pos === 'PROPN') {
    while (first > 0 && tokens[first - 1]!.sentence === sentence && tokens[first - 1]!.pos === 'PROPN' && last - first < 6) first--;
    const prev = tokens[first - 1];
    if (prev && prev.sentence === sentence && prev.text !== ',' && prev.pos !== 'CCONJ' && prev.pos !== 'ADV') return undefined;
  } else return undefined;
  return { role: 'source', start: tokens[first]!.start, end: t.end };
}
