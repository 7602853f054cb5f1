/**
 * Scores predicted attribution spans against gold ones, per role (source, cue, content) and over
 * all spans together:
 *  - exact: a predicted span is right when a gold span of the same role has the same start and end;
 *  - overlap: a predicted span is right when it overlaps a gold span of the same role (precision),
 *    and a gold span is found when some predicted span of its role overlaps it (recall).
 * Spans are the contiguous fragments brat.ts reads (whitespace-only gaps closed); duplicates count once.
 */
import { ROLES, type Role, type RoleSpan } from '../core/roles.js';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
}
export type Scores = Record<Role | 'all', { exact: PRF; overlap: PRF }>;

interface Counts {
  gold: number;
  predicted: number;
  exactHit: number;
  overlapPredHit: number;
  overlapGoldHit: number;
}

const dedupe = (spans: readonly RoleSpan[]) => {
  const seen = new Map<string, RoleSpan>();
  for (const s of spans) seen.set(`${s.role}:${s.start}:${s.end}`, s);
  return [...seen.values()];
};

const overlaps = (a: RoleSpan, b: RoleSpan) => a.start < b.end && b.start < a.end;

function countDoc(gold: RoleSpan[], pred: RoleSpan[], into: Counts): void {
  const exact = new Set(gold.map((s) => `${s.start}:${s.end}`));
  into.gold += gold.length;
  into.predicted += pred.length;
  for (const p of pred) {
    if (exact.has(`${p.start}:${p.end}`)) into.exactHit++;
    if (gold.some((g) => overlaps(p, g))) into.overlapPredHit++;
  }
  for (const g of gold) if (pred.some((p) => overlaps(p, g))) into.overlapGoldHit++;
}

function prf(hitP: number, hitR: number, predicted: number, gold: number): PRF {
  const precision = predicted ? hitP / predicted : 0;
  const recall = gold ? hitR / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted };
}

/** Scores a corpus: one pair of span lists per document. */
export function scoreAttributions(docs: readonly { gold: readonly RoleSpan[]; predicted: readonly RoleSpan[] }[]): Scores {
  const keys = [...ROLES, 'all'] as const;
  const counts = Object.fromEntries(
    keys.map((k) => [k, { gold: 0, predicted: 0, exactHit: 0, overlapPredHit: 0, overlapGoldHit: 0 }]),
  ) as Record<(typeof keys)[number], Counts>;
  for (const doc of docs) {
    const gold = dedupe(doc.gold);
    const pred = dedupe(doc.predicted);
    for (const role of ROLES) {
      const g = gold.filter((s) => s.role === role);
      const p = pred.filter((s) => s.role === role);
      countDoc(g, p, counts[role]);
      countDoc(g, p, counts.all);
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const c = counts[k];
      return [
        k,
        {
          exact: prf(c.exactHit, c.exactHit, c.predicted, c.gold),
          overlap: prf(c.overlapPredHit, c.overlapGoldHit, c.predicted, c.gold),
        },
      ];
    }),
  ) as Scores;
}
