/**
 * Claims followed across articles, rewrites or not: each sentence that states something (five or
 * more content words) becomes a set of tokens, where figures are left out (so a claim whose number
 * changed is still the same claim) and a place mention becomes its GeoNames id (so Kyiv and Kiev
 * agree). MinHash with LSH bands finds sentences of other articles with most tokens in common;
 * those form one claim, with its first appearance and the sourcing of each appearance.
 */
import type { Analysis } from '../core/schema.js';
import { UnionFind } from './clusters.js';
import { indexLayers, layersOf, sourceOf } from './layers.js';
import { fmix32Of, minhash } from './minhash.js';
import type { ArticleRef, Claim, ClaimAppearance } from './types.js';
import { isFigure } from './numbers.js';
import { fnv1a, words } from './words.js';

/** Tokens in a claim signature, and LSH bands of 2 rows over them. */
export const CLAIM_HASHES = 32;
const ROWS = 2;
/** Two sentences state one claim when this share of their tokens agree (estimated Jaccard). */
export const MIN_CLAIM_JACCARD = 0.5;
export const MIN_CLAIM_TOKENS = 4;

const STOP = new Set(
  ('a an the and or but of in on at to for from by with as into over after before since than that this these those it its is are was were be been ' +
    'being has have had do does did will would can could may might must should he she they we i you his her their our him them us not no so if ' +
    'then there here who whom which what when where also said says say told according reported added stated').split(' '),
);

export interface ClaimUnit {
  article: number;
  start: number;
  end: number;
  /** the sentence, to show the claim as its first appearance words it */
  text: string;
  tokens: Uint32Array;
  attributed: boolean;
  sourceKind?: string;
  /** names of the outlets the appearance credits ("told RIA Novosti", "according to Reuters") */
  credits: string[];
}

export function claimUnits(article: number, a: Analysis): ClaimUnit[] {
  const layers = indexLayers(a);
  const text = a.document.text;
  const out: ClaimUnit[] = [];
  for (const s of layers.sentences) {
    const l = layersOf(layers, s);
    const attr = sourceOf(l);
    const tokens = new Set<number>();
    const inPlace = (start: number) => l.places.find((p) => start >= p.start && start < p.end);
    // the claim is what is said, not who says it: the source and the cue are left out
    const said = [attr?.source, attr?.cue].filter((x): x is { start: number; end: number } => !!x);
    for (const w of words(text, s.start, s.end)) {
      if (w.end > s.end || STOP.has(w.w) || isFigure(w.w) || said.some((x) => w.start >= x.start && w.start < x.end)) continue;
      const p = inPlace(w.start);
      tokens.add(p ? fnv1a(`#${p.key}`) : fnv1a(w.w));
    }
    if (tokens.size < MIN_CLAIM_TOKENS) continue;
    const credits = [
      ...(attr?.via ?? []).map((v) => v.name),
      ...(attr?.source?.kind === 'outlet' ? [attr.source.text] : []),
    ];
    out.push({
      article,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      tokens: Uint32Array.from(tokens),
      attributed: attr !== undefined,
      ...(attr?.source ? { sourceKind: attr.source.kind } : {}),
      credits,
    });
  }
  return out;
}

export class ClaimIndex {
  private readonly units: ClaimUnit[] = [];
  private readonly signatures: Uint32Array[] = [];
  private readonly buckets = new Map<number, number[]>();
  private readonly groups = new UnionFind();

  /** Adds an article's claim units; returns how many matched a unit of another article. */
  add(units: readonly ClaimUnit[]): number {
    let matched = 0;
    for (const u of units) {
      const id = this.units.length;
      const sig = minhash(u.tokens, CLAIM_HASHES);
      this.units.push(u);
      this.signatures.push(sig);
      this.groups.find(id);
      const seen = new Set<number>();
      let hit = false;
      for (let b = 0; b < CLAIM_HASHES / ROWS; b++) {
        const key = fmix32Of(b, sig[b * ROWS]!, sig[b * ROWS + 1]!);
        const bucket = this.buckets.get(key);
        if (bucket) {
          for (const other of bucket) {
            if (seen.has(other) || this.units[other]!.article === u.article) continue;
            seen.add(other);
            if (agreement(sig, this.signatures[other]!) >= MIN_CLAIM_JACCARD) {
              this.groups.union(id, other);
              hit = true;
            }
          }
          bucket.push(id);
        } else this.buckets.set(key, [id]);
      }
      if (hit) matched++;
    }
    return matched;
  }

  /** Claims that appear in two or more articles, each with its appearances in time order. */
  claims(refs: readonly ArticleRef[]): Claim[] {
    const out: Claim[] = [];
    const day = (u: ClaimUnit) => refs[u.article]!.publishedAt ?? '9999';
    for (const members of this.groups.groups().values()) {
      const us = members.map((i) => this.units[i]!).sort((a, b) => day(a).localeCompare(day(b)) || a.article - b.article || a.start - b.start);
      if (new Set(us.map((u) => u.article)).size < 2) continue;
      const first = us[0]!;
      const appearances: ClaimAppearance[] = us.map((u) => {
        const cited = u.credits.length ? us.find((x) => x !== u && day(x) <= day(u) && u.credits.some((c) => refs[x.article]!.outlet === c)) : undefined;
        return {
          article: refs[u.article]!,
          start: u.start,
          end: u.end,
          attributed: u.attributed,
          ...(u.sourceKind ? { sourceKind: u.sourceKind } : {}),
          ...(cited ? { cites: refs[cited.article]! } : {}),
        };
      });
      out.push({ id: `c-${refs[first.article]!.id}-${first.start}`, text: first.text, first: refs[first.article]!, appearances });
    }
    return out.sort((a, b) => (a.first.publishedAt ?? '').localeCompare(b.first.publishedAt ?? '') || a.id.localeCompare(b.id));
  }
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
