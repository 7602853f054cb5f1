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
import { STOP_WORDS, fnv1a, words } from './words.js';

/**
 * Hashes in a claim signature, in LSH bands of 4 rows: a pair at Jaccard 0.5 is a candidate with
 * p = 0.64, at 0.7 with p = 0.99, at 0.1 with p = 0.002. Bands of 2 rows made a bucket of every
 * sentence holding one common word whose hashes were low in both rows: ~1,000 sentences at 2,000
 * articles, each compared with each.
 */
export const CLAIM_HASHES = 64;
const ROWS = 4;
/**
 * A bucket is scanned and grown up to this many sentences: a boilerplate line in every article of
 * an outlet joins its claim through the first ones, without each new copy comparing itself to all.
 */
const BUCKET_CAP = 256;
/** Two sentences state one claim when this share of their tokens agree (estimated Jaccard). */
export const MIN_CLAIM_JACCARD = 0.5;
export const MIN_CLAIM_TOKENS = 4;

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
      if (w.end > s.end || STOP_WORDS.has(w.w) || isFigure(w.w) || said.some((x) => w.start >= x.start && w.start < x.end)) continue;
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

/** A unit as the index keeps it: its signature goes to the pool, its tokens are not kept. */
type IndexedUnit = Omit<ClaimUnit, 'tokens'>;

export class ClaimIndex {
  private readonly units: IndexedUnit[] = [];
  // every unit's signature in one array (CLAIM_HASHES per unit): no object per signature
  private signatures = new Uint32Array(CLAIM_HASHES * 1024);
  // one table per band (a Map holds at most 2^24 entries: one for all bands would overflow at
  // ~35k articles); most buckets hold one sentence: a number, an array only when shared; keys
  // cut to 30 bits so that V8 keeps them as small integers
  private readonly buckets = Array.from({ length: CLAIM_HASHES / ROWS }, () => new Map<number, number | number[]>());
  private readonly groups = new UnionFind();

  /** Adds an article's claim units; returns how many matched a unit of another article. */
  add(units: readonly ClaimUnit[]): number {
    let matched = 0;
    const seen = new Set<number>();
    for (const { tokens, ...u } of units) {
      const id = this.units.length;
      const sig = this.keep(id, minhash(tokens, CLAIM_HASHES));
      this.units.push(u);
      this.groups.find(id);
      seen.clear();
      let hit = false;
      for (let b = 0; b < CLAIM_HASHES / ROWS; b++) {
        const r = b * ROWS;
        const key = fmix32Of(b, sig[r]!, sig[r + 1]!, sig[r + 2]!, sig[r + 3]!) & 0x3fffffff;
        const band = this.buckets[b]!;
        const bucket = band.get(key);
        if (bucket === undefined) {
          band.set(key, id);
          continue;
        }
        for (const other of typeof bucket === 'number' ? [bucket] : bucket) {
          if (seen.has(other) || this.units[other]!.article === u.article) continue;
          seen.add(other);
          if (this.agreement(sig, other) >= MIN_CLAIM_JACCARD) {
            this.groups.union(id, other);
            hit = true;
          }
        }
        if (typeof bucket === 'number') band.set(key, [bucket, id]);
        else if (bucket.length < BUCKET_CAP) bucket.push(id);
      }
      if (hit) matched++;
    }
    return matched;
  }

  private keep(id: number, sig: Uint32Array): Uint32Array {
    if ((id + 1) * CLAIM_HASHES > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
    }
    this.signatures.set(sig, id * CLAIM_HASHES);
    return sig;
  }

  /** The share of hashes where a signature agrees with a kept unit's: the estimated Jaccard. */
  private agreement(sig: Uint32Array, other: number): number {
    const base = other * CLAIM_HASHES;
    let same = 0;
    for (let i = 0; i < CLAIM_HASHES; i++) if (sig[i] === this.signatures[base + i]) same++;
    return same / CLAIM_HASHES;
  }

  /** Claims that appear in two or more articles, each with its appearances in time order. */
  claims(refs: readonly ArticleRef[]): Claim[] {
    const out: Claim[] = [];
    const day = (u: IndexedUnit) => refs[u.article]!.publishedAt ?? '9999';
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
