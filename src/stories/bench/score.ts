/**
 * Scores of the rewrite benchmark: story clustering (pairwise and B-cubed P/R/F1), sentence
 * alignment accuracy against what the script did, and precision and recall of each cross-article
 * finding rule.
 */
import type { Story } from '../types.js';
import type { BenchArticle } from './make.js';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export const prf = (tp: number, fp: number, fn: number): PRF => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

/** Pairwise: every pair of articles is "same story" or not, predicted against gold. */
export function pairwise(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): PRF {
  const ids = [...gold.keys()];
  const count = (m: ReadonlyMap<string, string>) => {
    const by = new Map<string, string[]>();
    for (const id of ids) {
      const k = m.get(id) ?? `self:${id}`;
      by.set(k, [...(by.get(k) ?? []), id]);
    }
    return by;
  };
  const pairsOf = (by: Map<string, string[]>) => {
    const s = new Set<string>();
    for (const g of by.values()) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) s.add([g[i], g[j]].sort().join('|'));
    return s;
  };
  const g = pairsOf(count(gold));
  const p = pairsOf(count(predicted));
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return prf(tp, p.size - tp, g.size - tp);
}

/** B-cubed (Bagga & Baldwin 1998): per article, the share of its predicted cluster that is right, and of its gold cluster found. */
export function bcubed(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): PRF {
  const ids = [...gold.keys()];
  const members = (m: ReadonlyMap<string, string>) => {
    const by = new Map<string, Set<string>>();
    for (const id of ids) {
      const k = m.get(id) ?? `self:${id}`;
      if (!by.has(k)) by.set(k, new Set());
      by.get(k)!.add(id);
    }
    return (id: string) => by.get(m.get(id) ?? `self:${id}`)!;
  };
  const g = members(gold);
  const p = members(predicted);
  let P = 0;
  let R = 0;
  for (const id of ids) {
    const pc = p(id);
    const gc = g(id);
    let both = 0;
    for (const x of pc) if (gc.has(x)) both++;
    P += both / pc.size;
    R += both / gc.size;
  }
  const precision = P / ids.length;
  const recall = R / ids.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** The predicted story of every article: its story's id, for the articles in a story. */
export function predictedStories(stories: readonly Story[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of stories) {
    m.set(s.origin.id, s.id);
    for (const x of s.members) m.set(x.article.id, s.id);
  }
  return m;
}

export interface AlignmentScore {
  items: number;
  correct: number;
  accuracy: number;
}

const overlapIndex = (spans: readonly { start: number; end: number }[], s: { start: number; end: number }) => {
  let best = -1;
  let most = 0;
  spans.forEach((x, i) => {
    const o = Math.min(x.end, s.end) - Math.max(x.start, s.start);
    if (o > most) [best, most] = [i, o];
  });
  return best;
};

/**
 * Alignment accuracy over the gold items of each rewrite: every rewrite sentence (right when its
 * predicted counterpart is its gold origin sentence, or nothing for an added one) and every
 * dropped origin sentence (right when predicted dropped). A rewrite not put in its origin's story,
 * or aligned to another origin, gets all its items wrong.
 */
export function alignmentAccuracy(
  rewrites: readonly BenchArticle[],
  originSentences: ReadonlyMap<string, { start: number; end: number }[]>,
  stories: readonly Story[],
  originText: (id: string) => string,
): AlignmentScore {
  let items = 0;
  let correct = 0;
  const memberOf = new Map<string, { story: Story; member: Story['members'][number] }>();
  for (const s of stories) for (const m of s.members) memberOf.set(m.article.id, { story: s, member: m });
  for (const rw of rewrites) {
    const units = rw.units!;
    items += units.length + rw.dropped!.length;
    const found = memberOf.get(rw.id);
    if (!found || found.story.origin.id !== rw.rewriteOf) continue;
    const os = originSentences.get(rw.rewriteOf!)!;
    const counterpart = new Map<number, number | null>();
    const droppedPred = new Set<number>();
    for (const a of found.member.alignment) {
      if (a.rewrite) {
        const u = overlapIndex(units, a.rewrite);
        if (u >= 0 && !counterpart.has(u)) counterpart.set(u, a.origin ? overlapIndex(os, a.origin) : null);
      } else if (a.origin) droppedPred.add(overlapIndex(os, a.origin));
    }
    // an origin that says the same sentence twice may have either copy aligned
    const sameText = (a: number | null | undefined, b: number | null) =>
      a === b || (a != null && b !== null && a >= 0 && originTexts[a] === originTexts[b]);
    const originTexts = os.map((s) => originText(rw.rewriteOf!).slice(s.start, s.end).replace(/\s+/g, ' ').trim());
    units.forEach((u, i) => {
      if (counterpart.has(i) && sameText(counterpart.get(i), u.origin)) correct++;
    });
    for (const d of rw.dropped!) if (droppedPred.has(d)) correct++;
  }
  return { items, correct, accuracy: items === 0 ? 1 : correct / items };
}
