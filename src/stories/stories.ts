/**
 * Stories over a corpus: articles added one at a time to a near-duplicate index; the copies found
 * join their story; each member aligned to the story's origin with the changes our layers see.
 */
import { alignSentences } from './align.js';
import { changesOf } from './changes.js';
import { pickOrigin, UnionFind } from './clusters.js';
import { indexLayers } from './layers.js';
import { NearDuplicateIndex, sketch, compare, type Sketch, type SketchStore } from './near-duplicates.js';
import type { CorpusArticle, Story, StoryMemberReport } from './types.js';

export class StoryIndex {
  private readonly index: NearDuplicateIndex;
  private readonly groups = new UnionFind();
  private readonly articles: CorpusArticle[] = [];
  private readonly sketches: Sketch[] = [];

  constructor(store?: SketchStore) {
    this.index = new NearDuplicateIndex(store);
  }

  /** Adds an article; returns the internal numbers of the articles it copies or that copy it. */
  add(article: CorpusArticle): number[] {
    const n = this.articles.length;
    const s = sketch(article.analysis.document.text);
    this.articles.push(article);
    this.sketches.push(s);
    const matches = this.index.add(n, s);
    this.groups.find(n);
    for (const m of matches) this.groups.union(n, m.id);
    return matches.map((m) => m.id);
  }

  /** Every story of two or more articles, the origin first, members in date order. */
  stories(): Story[] {
    const out: Story[] = [];
    for (const members of this.groups.groups().values()) out.push(this.story(members));
    return out.sort((a, b) => (a.origin.publishedAt ?? '').localeCompare(b.origin.publishedAt ?? '') || a.id.localeCompare(b.id));
  }

  private story(members: number[]): Story {
    const view = members.map((id) => {
      const a = this.articles[id]!;
      return { id, publishedAt: a.ref.publishedAt ?? a.analysis.document.publishedAt, outlet: a.ref.outlet ?? a.analysis.document.outlet, text: a.analysis.document.text };
    });
    const originId = pickOrigin(view).id;
    const origin = this.articles[originId]!;
    const originLayers = indexLayers(origin.analysis);
    const report = (id: number): StoryMemberReport => {
      const a = this.articles[id]!;
      const alignment = alignSentences(origin.analysis.document.text, origin.analysis.sentences, a.analysis.document.text, a.analysis.sentences);
      const originOutlet = origin.ref.outlet ?? origin.analysis.document.outlet;
      const sameOutlet = originOutlet && (a.ref.outlet ?? a.analysis.document.outlet) === originOutlet;
      const changes = changesOf({ origin: originLayers, rewrite: indexLayers(a.analysis), originOutlet: sameOutlet ? null : originOutlet }, alignment);
      return {
        article: a.ref,
        similarity: round(compare(this.sketches[originId]!, this.sketches[id]!).containment),
        alignment: alignment.map(({ kind, origin: o, rewrite: r }) => ({ kind, origin: o, rewrite: r })),
        changes,
      };
    };
    const ordered = members
      .filter((id) => id !== originId)
      .sort((x, y) => (view.find((v) => v.id === x)!.publishedAt ?? '').localeCompare(view.find((v) => v.id === y)!.publishedAt ?? '') || x - y);
    return { id: `s-${origin.ref.id}`, origin: origin.ref, members: ordered.map(report) };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
