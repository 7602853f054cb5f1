/**
 * Stories over a corpus: articles added one at a time to a near-duplicate index; the copies found
 * join their story; each member aligned to the story's origin with the changes our layers see.
 * The index keeps only sketches and references: the Analyses of a story's members are loaded
 * when the story is reported, so a corpus need not fit in memory.
 */
import type { Analysis } from '../core/schema.js';
import { alignSentences } from './align.js';
import { changesOf } from './changes.js';
import { pickOrigin, UnionFind } from './clusters.js';
import { indexLayers } from './layers.js';
import { NearDuplicateIndex, compare, sketch, type Sketch, type SketchStore } from './near-duplicates.js';
import type { PlaceNamer } from './spellings.js';
import type { ArticleRef, CorpusArticle, Story, StoryMemberReport } from './types.js';

export type LoadAnalysis = (ref: ArticleRef) => Analysis | Promise<Analysis>;

export class StoryIndex {
  private readonly index: NearDuplicateIndex;
  private readonly groups = new UnionFind();
  private readonly refs: ArticleRef[] = [];
  private readonly sketches: Sketch[] = [];

  private readonly names: PlaceNamer | undefined;

  /** `names` reads place names the entity layer left unlinked (the CLI passes the gazetteer's). */
  constructor(options: { store?: SketchStore; names?: PlaceNamer } = {}) {
    this.index = new NearDuplicateIndex(options.store);
    this.names = options.names;
  }

  /** Adds an article by its text; returns the internal numbers of the earlier articles it copies or that copy it. */
  addText(ref: ArticleRef, text: string): number[] {
    const n = this.refs.length;
    const s = sketch(text);
    this.refs.push(ref);
    this.sketches.push(s);
    const matches = this.index.add(n, s);
    this.groups.find(n);
    for (const m of matches) this.groups.union(n, m.id);
    return matches.map((m) => m.id);
  }

  add(article: CorpusArticle): number[] {
    return this.addText(article.ref, article.analysis.document.text);
  }

  /** The groups of copies (two or more articles each), as references. */
  groupsOf(): ArticleRef[][] {
    return [...this.groups.groups().values()].map((g) => g.map((i) => this.refs[i]!));
  }

  /** Every story, the origin first, members in date order; `load` gives a member's Analysis. */
  async stories(load: LoadAnalysis): Promise<Story[]> {
    const out: Story[] = [];
    for (const members of this.groups.groups().values()) out.push(await this.story(members, load));
    return out.sort((a, b) => (a.origin.publishedAt ?? '').localeCompare(b.origin.publishedAt ?? '') || a.id.localeCompare(b.id));
  }

  private async story(members: number[], load: LoadAnalysis): Promise<Story> {
    const analyses = new Map<number, Analysis>();
    for (const id of members) analyses.set(id, await load(this.refs[id]!));
    const outletOf = (id: number) => this.refs[id]!.outlet ?? analyses.get(id)!.document.outlet;
    const dayOf = (id: number) => this.refs[id]!.publishedAt ?? analyses.get(id)!.document.publishedAt;
    const originId = pickOrigin(members.map((id) => ({ id, publishedAt: dayOf(id), outlet: outletOf(id), text: analyses.get(id)!.document.text }))).id;
    const origin = analyses.get(originId)!;
    const originLayers = indexLayers(origin);
    const originOutlet = outletOf(originId);
    const report = (id: number): StoryMemberReport => {
      const a = analyses.get(id)!;
      const alignment = alignSentences(origin.document.text, origin.sentences, a.document.text, a.sentences);
      const sameOutlet = originOutlet !== undefined && outletOf(id) === originOutlet;
      const changes = changesOf({ origin: originLayers, rewrite: indexLayers(a), originOutlet: sameOutlet ? null : originOutlet, ...(this.names ? { names: this.names } : {}) }, alignment);
      return {
        article: this.refs[id]!,
        similarity: round(compare(this.sketches[originId]!, this.sketches[id]!).containment),
        alignment: alignment.map(({ kind, origin: o, rewrite: r }) => ({ kind, origin: o, rewrite: r })),
        changes,
      };
    };
    const ordered = members.filter((id) => id !== originId).sort((x, y) => (dayOf(x) ?? '').localeCompare(dayOf(y) ?? '') || x - y);
    return { id: `s-${this.refs[originId]!.id}`, origin: this.refs[originId]!, members: ordered.map(report) };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
