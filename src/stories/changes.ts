/**
 * What a rewrite changed, sentence by sentence, as our layers see it: sourcing dropped, added or
 * changed in kind; hedges removed and certainty added; figures changed; a place's spelling
 * switched; persuasion techniques added; and, for the article, whether it credits its origin.
 */
import type { AlignedSentence, Span } from './align.js';
import { credits } from './clusters.js';
import { certaintyIn, hedgesIn } from './hedges.js';
import { type ArticleLayers, layersOf, sourceKindOf, sourceOf } from './layers.js';
import { figuresIn } from './numbers.js';
import type { ChangeKind } from './schema.js';
import { words } from './words.js';

export type { ChangeKind };

export interface Change {
  kind: ChangeKind;
  origin: Span | null;
  rewrite: Span | null;
  message: string;
  evidence?: Record<string, unknown>;
}

const q = (text: string, s: Span, max = 60) => {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
};

export interface RewritePair {
  origin: ArticleLayers;
  rewrite: ArticleLayers;
  originOutlet?: string | null;
}

export function changesOf(pair: RewritePair, alignment: readonly AlignedSentence[]): Change[] {
  const { origin: o, rewrite: r } = pair;
  const out: Change[] = [];
  for (const a of alignment) {
    if (a.kind === 'added' && a.rewrite) out.push(...techniquesAdded(o, r, null, a.rewrite));
    if (a.kind !== 'changed' || !a.origin || !a.rewrite) continue;
    const [os, rs] = [a.origin, a.rewrite];
    const [ol, rl] = [layersOf(o, os), layersOf(r, rs)];

    const [ok, rk] = [sourceKindOf(ol), sourceKindOf(rl)];
    const rewriteWords = new Set(words(r.text, rs.start, rs.end).map((w) => w.w));
    // the source is gone only when the rewrite no longer names it: where its words are all still
    // there, the attribution stage read the two sentences differently, which is no change of theirs
    const stillNamed = (src: Span) => words(o.text, src.start, src.end).every((w) => rewriteWords.has(w.w));
    // a source named in another sentence is judged there
    const own = sourceOf(ol)?.source;
    const inside = own && own.start >= os.start && own.end <= os.end;
    if (ok && !rk && inside && !stillNamed(own)) {
      const src = own;
      out.push({
        kind: 'attribution-dropped',
        origin: { start: src.start, end: src.end },
        rewrite: rs,
        message: `The origin attributes this to ${q(o.text, src)} (${ok}); the rewrite states it with no source.`,
        evidence: { sourceKind: ok, source: o.text.slice(src.start, src.end) },
      });
    } else if (!ok && rk) {
      const src = sourceOf(rl)!.source!;
      out.push({ kind: 'attribution-added', origin: os, rewrite: { start: src.start, end: src.end }, message: `The rewrite attributes this to ${q(r.text, src)} (${rk}); the origin gives no source.` });
    } else if (ok && rk && ok !== rk) {
      out.push({ kind: 'source-kind-changed', origin: os, rewrite: rs, message: `The source changed from ${ok} to ${rk}.`, evidence: { from: ok, to: rk } });
    }

    const kept = new Set(hedgesIn(r.text, rs).map((h) => h.term));
    for (const h of hedgesIn(o.text, os)) {
      if (kept.has(h.term)) continue;
      out.push({ kind: 'hedge-removed', origin: { start: h.start, end: h.end }, rewrite: rs, message: `The hedge “${h.term}” of the origin is gone from the rewrite.`, evidence: { hedge: h.term } });
    }
    const had = new Set(certaintyIn(o.text, os).map((c) => c.term));
    for (const c of certaintyIn(r.text, rs)) {
      if (had.has(c.term)) continue;
      out.push({ kind: 'certainty-added', origin: os, rewrite: { start: c.start, end: c.end }, message: `The rewrite adds “${c.term}”, presenting the claim as established.`, evidence: { marker: c.term, originSourceKind: ok, originSource: ok ? o.text.slice(sourceOf(ol)!.source!.start, sourceOf(ol)!.source!.end) : null } });
    }

    const rf = figuresIn(r.text, rs);
    for (const f of figuresIn(o.text, os)) {
      if (!f.counts || rf.some((g) => g.counts === f.counts && g.value === f.value)) continue;
      const g = rf.find((x) => x.counts === f.counts);
      if (!g) continue;
      out.push({
        kind: 'number-changed',
        origin: { start: f.start, end: f.end },
        rewrite: { start: g.start, end: g.end },
        message: `${q(o.text, { start: f.start, end: f.end })} ${f.counts} in the origin became ${q(r.text, { start: g.start, end: g.end })}.`,
        evidence: { from: f.value, to: g.value, counts: f.counts },
      });
    }

    const reported = new Set<string>();
    for (const p of ol.places) {
      const folded = p.text.toLowerCase();
      if (folded.split(/\s+/).every((w) => rewriteWords.has(w.replace(/’/g, "'")))) continue;
      const other = rl.places.find((x) => x.geonamesId === p.geonamesId && x.text.toLowerCase() !== folded);
      if (!other || reported.has(`${folded}>${other.text.toLowerCase()}`)) continue;
      reported.add(`${folded}>${other.text.toLowerCase()}`);
      out.push({
        kind: 'spelling-switched',
        origin: { start: p.start, end: p.end },
        rewrite: { start: other.start, end: other.end },
        message: `${q(o.text, p)} in the origin is spelled ${q(r.text, other)} in the rewrite (one place: ${p.place}, GeoNames ${p.geonamesId}).`,
        evidence: { from: p.text, to: other.text, geonamesId: p.geonamesId },
      });
    }

    out.push(...techniquesAdded(o, r, os, rs));
  }

  if (pair.originOutlet) {
    const credited = credits(r.text, pair.originOutlet);
    out.push({
      kind: credited ? 'origin-credited' : 'origin-uncited',
      origin: null,
      rewrite: null,
      message: credited ? `The rewrite credits ${pair.originOutlet}.` : `The rewrite copies ${pair.originOutlet} without naming it.`,
      evidence: { outlet: pair.originOutlet },
    });
  }
  return out;
}

/** Techniques in a rewrite sentence whose words were not in the origin sentence. */
function techniquesAdded(o: ArticleLayers, r: ArticleLayers, os: Span | null, rs: Span): Change[] {
  const before = os ? new Set(words(o.text, os.start, os.end).map((w) => w.w)) : new Set<string>();
  const techniquesBefore = os ? new Set(layersOf(o, os).techniques.map((t) => t.technique)) : new Set<string>();
  const out: Change[] = [];
  for (const t of layersOf(r, rs).techniques) {
    if (t.start < rs.start || t.end > rs.end) continue;
    const ws = words(r.text, t.start, t.end).filter((w) => w.end <= t.end);
    const fresh = ws.filter((w) => !before.has(w.w)).length;
    if (ws.length === 0 || fresh * 2 < ws.length) continue;
    if (techniquesBefore.has(t.technique) && fresh < ws.length) continue;
    out.push({
      kind: 'technique-added',
      origin: os,
      rewrite: { start: t.start, end: t.end },
      message: `The rewrite adds ${q(r.text, t)}, not in the origin, which the technique detector reads as ${t.technique.replace(/_/g, ' ').replace(',', ', ')} (confidence ${t.confidence.toFixed(2)}).`,
      evidence: { technique: t.technique, confidence: t.confidence },
    });
  }
  return out;
}
