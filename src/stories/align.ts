/**
 * Sentence alignment of a rewrite to its origin. Each sentence is a bag of folded words; pairs are
 * scored by Dice overlap through an inverted index (so the cost follows shared words, not the
 * product of the sentence counts) and matched one to one, best first. A sentence split in two or
 * two merged into one is caught by a second pass on containment. Paragraph reordering does not
 * matter: the alignment is not required to be monotonic. A sentence with no word (a rule of
 * underscores, a lone quotation mark: the splitter's debris and page furniture) is the same as an
 * origin sentence of the same characters, one to one in reading order, or else added or dropped.
 */
import { lowerBound } from '../core/search.js';
import { STOP_WORDS, words } from './words.js';

export type AlignmentKind = 'same' | 'changed' | 'added' | 'dropped';

export interface Span {
  start: number;
  end: number;
}

export interface AlignedSentence {
  kind: AlignmentKind;
  origin: Span | null;
  rewrite: Span | null;
  /** Dice similarity of the two sentences' words (1 for same, 0 for added/dropped) */
  similarity: number;
}

/** A pair at or above this Dice similarity is the same sentence, reworded. */
export const MIN_DICE = 0.5;
/** A leftover sentence whose words are this much inside a matched one is part of it (split/merge). */
export const MIN_PART_CONTAINMENT = 0.75;
/** Words this common are left out of the candidate search (not of the similarity). */
const MAX_POSTINGS = 64;

interface Bag {
  span: Span;
  seq: string;
  counts: Map<string, number>;
  size: number;
}

function bag(text: string, span: Span): Bag {
  const ws = words(text, span.start, span.end).filter((w) => w.end <= span.end);
  const counts = new Map<string, number>();
  let size = 0;
  for (const w of ws) {
    if (STOP_WORDS.has(w.w)) continue;
    counts.set(w.w, (counts.get(w.w) ?? 0) + 1);
    size++;
  }
  return { span, seq: ws.map((w) => w.w).join(' '), counts, size };
}

/** Sentences without a word, paired by their characters (whitespace aside), first with first. */
function alignWordless(originText: string, o: readonly Bag[], rewriteText: string, r: readonly Bag[]): AlignedSentence[] {
  const chars = (text: string, s: Span) => text.slice(s.start, s.end).replace(/\s+/g, '');
  const waiting = new Map<string, Span[]>();
  for (const b of o) {
    if (b.seq !== '') continue;
    const k = chars(originText, b.span);
    if (!k) continue;
    const list = waiting.get(k);
    if (list) list.push(b.span);
    else waiting.set(k, [b.span]);
  }
  const out: AlignedSentence[] = [];
  for (const b of r) {
    if (b.seq !== '') continue;
    const k = chars(rewriteText, b.span);
    if (!k) continue;
    const origin = waiting.get(k)?.shift();
    out.push(origin ? { kind: 'same', origin, rewrite: b.span, similarity: 1 } : { kind: 'added', origin: null, rewrite: b.span, similarity: 0 });
  }
  for (const spans of waiting.values()) for (const origin of spans) out.push({ kind: 'dropped', origin, rewrite: null, similarity: 0 });
  return out;
}

function shared(a: Bag, b: Bag): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let n = 0;
  for (const [w, c] of small.counts) n += Math.min(c, large.counts.get(w) ?? 0);
  return n;
}

export function alignSentences(
  originText: string,
  originSentences: readonly Span[],
  rewriteText: string,
  rewriteSentences: readonly Span[],
): AlignedSentence[] {
  const oAll = originSentences.map((s) => bag(originText, s));
  const rAll = rewriteSentences.map((s) => bag(rewriteText, s));
  const o = oAll.filter((b) => b.seq !== '');
  const r = rAll.filter((b) => b.seq !== '');

  const postings = new Map<string, number[]>();
  o.forEach((b, i) => {
    for (const w of b.counts.keys()) {
      const p = postings.get(w);
      if (!p) postings.set(w, [i]);
      else if (p.length <= MAX_POSTINGS) p.push(i);
    }
  });

  // candidate pairs through the index, with the words they share
  const candidates: { i: number; j: number; shared: number; dice: number }[] = [];
  r.forEach((rb, j) => {
    const seen = new Set<number>();
    for (const w of rb.counts.keys()) {
      const p = postings.get(w);
      if (!p || p.length > MAX_POSTINGS) continue;
      for (const i of p) seen.add(i);
    }
    for (const i of seen) {
      const n = shared(o[i]!, rb);
      candidates.push({ i, j, shared: n, dice: (2 * n) / (o[i]!.size + rb.size) });
    }
  });
  candidates.sort((a, b) => b.dice - a.dice || a.j - b.j || a.i - b.i);

  const oMatch = new Array<number>(o.length).fill(-1);
  const rMatch = new Array<number>(r.length).fill(-1);
  const out: AlignedSentence[] = [];
  for (const { i, j, dice } of candidates) {
    if (dice < MIN_DICE) break;
    if (oMatch[i] !== -1 || rMatch[j] !== -1) continue;
    oMatch[i] = j;
    rMatch[j] = i;
    const same = o[i]!.seq === r[j]!.seq;
    out.push({ kind: same ? 'same' : 'changed', origin: o[i]!.span, rewrite: r[j]!.span, similarity: same ? 1 : dice });
  }

  // a split or merged sentence: a leftover whose words lie mostly inside a sentence matched already
  const partOfOrigin = new Map<number, { i: number; c: number }>();
  const partOfRewrite = new Map<number, { j: number; c: number }>();
  for (const { i, j, shared: n } of candidates) {
    if (rMatch[j] === -1 && oMatch[i] !== -1) {
      const c = n / r[j]!.size;
      if (c >= MIN_PART_CONTAINMENT && c > (partOfOrigin.get(j)?.c ?? 0)) partOfOrigin.set(j, { i, c });
    }
    if (oMatch[i] === -1 && rMatch[j] !== -1) {
      const c = n / o[i]!.size;
      if (c >= MIN_PART_CONTAINMENT && c > (partOfRewrite.get(i)?.c ?? 0)) partOfRewrite.set(i, { j, c });
    }
  }
  for (const [j, { i, c }] of partOfOrigin) {
    rMatch[j] = i;
    out.push({ kind: 'changed', origin: o[i]!.span, rewrite: r[j]!.span, similarity: c });
  }
  for (const [i, { j, c }] of partOfRewrite) {
    oMatch[i] = j;
    out.push({ kind: 'changed', origin: o[i]!.span, rewrite: r[j]!.span, similarity: c });
  }

  o.forEach((ob, i) => oMatch[i] === -1 && out.push({ kind: 'dropped', origin: ob.span, rewrite: null, similarity: 0 }));
  r.forEach((rb, j) => rMatch[j] === -1 && out.push({ kind: 'added', origin: null, rewrite: rb.span, similarity: 0 }));
  out.push(...alignWordless(originText, oAll, rewriteText, rAll));
  // in the rewrite's reading order; a dropped sentence right after the rewrite sentence aligned
  // to the nearest origin sentence before it
  const anchored = out.filter((x) => x.rewrite && x.origin).sort((a, b) => a.origin!.start - b.origin!.start);
  const key = new Map<AlignedSentence, number>();
  for (const a of out) {
    if (a.rewrite) key.set(a, a.rewrite.start * 2 + 1);
    else {
      const k = lowerBound(anchored, (x) => x.origin!.end <= a.origin!.start) - 1;
      key.set(a, k >= 0 ? anchored[k]!.rewrite!.start * 2 + 2 : 0);
    }
  }
  return out.sort((a, b) => key.get(a)! - key.get(b)! || (a.origin?.start ?? 0) - (b.origin?.start ?? 0));
}
