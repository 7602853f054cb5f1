/**
 * Rules for patterns the tagger sees too rarely in its training data and that are easy to
 * read exactly: "according to X" / "as per X" (with the claim on either side), passive
 * attributions ("was interpreted by X as", "were later deemed"), and a quotation signed with a
 * dash and a name ("“...” ― Ana Berg", as in collected quotes and readers' voices). An agentless
 * passive yields a group with no source: the claim is stated as someone's judgement without saying whose.
 * Every regular expression is bounded (no nested unbounded quantifiers) and runs per sentence.
 */
import type { Sentence } from '../core/schema.js';
import type { RoleSpan } from '../core/roles.js';
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

/** Rule groups for every sentence, and the signed quotations of the text. */
export function ruleGroups(text: string, sentences: readonly Sentence[]): Group[] {
  return [...sentences.flatMap((s, i) => [...accordingTo(text, s, i), ...passive(text, s, i)]), ...signedQuotes(text, sentences)];
}
