/**
 * What the story layer reads of an article's Analysis, indexed by sentence: the attributions that
 * cover each sentence, its place mentions with their GeoNames links, its technique spans.
 */
import type { Analysis, Attribution, SourceKind } from '../core/schema.js';
import { lowerBound } from '../core/search.js';
import type { Span } from './align.js';

export interface PlaceMention extends Span {
  text: string;
  /** null for a region of our own list (Donbas), which GeoNames' cities file does not hold */
  geonamesId: number | null;
  /** the place's identity across articles: its GeoNames id, or the region's name */
  key: string;
  /** the entity's name, the place it stands for */
  place: string;
  /** GeoNames feature code (PCLI a country) */
  feature?: string;
}

export interface TechniqueSpan extends Span {
  technique: string;
  confidence: number;
}

export interface SentenceLayers {
  attributions: Attribution[];
  places: PlaceMention[];
  techniques: TechniqueSpan[];
}

export interface ArticleLayers {
  text: string;
  sentences: Span[];
  /** entity id -> name, for the sources that stand for an entity */
  names: Map<string, string>;
  /** keyed by sentence start */
  bySentence: Map<number, SentenceLayers>;
}

const empty = (): SentenceLayers => ({ attributions: [], places: [], techniques: [] });

/**
 * `candidates` are the technique spans below the detector's threshold: a rewrite that adds words
 * the detector marks even weakly is worth showing, with the confidence that says how weakly.
 */
export function indexLayers(a: Pick<Analysis, 'document' | 'sentences' | 'attributions' | 'entities' | 'techniques'> & { candidates?: Analysis['techniques'] }): ArticleLayers {
  const sentences = a.sentences.map((s) => ({ start: s.start, end: s.end }));
  const bySentence = new Map<number, SentenceLayers>();
  const at = (s: Span) => {
    let l = bySentence.get(s.start);
    if (!l) bySentence.set(s.start, (l = empty()));
    return l;
  };
  // every sentence a span overlaps
  const overlapping = (span: Span): Span[] => {
    const out: Span[] = [];
    for (let i = lowerBound(sentences, (s) => s.end <= span.start); i < sentences.length && sentences[i]!.start < span.end; i++) {
      out.push(sentences[i]!);
    }
    return out;
  };
  for (const attr of a.attributions) {
    if (!attr.source) continue;
    const hull = {
      start: Math.min(attr.content.start, attr.source.start, attr.cue?.start ?? Infinity),
      end: Math.max(attr.content.end, attr.source.end, attr.cue?.end ?? 0),
    };
    for (const s of overlapping(hull)) at(s).attributions.push(attr);
  }
  for (const e of a.entities) {
    const p = e.place;
    // a place is one place across articles by its GeoNames id, or by name for our own regions
    if (!p || (p.geonamesId === null && p.lat === null)) continue;
    const key = placeKey(p.geonamesId, p.name);
    for (const m of e.mentions) {
      for (const s of overlapping(m)) {
        at(s).places.push({
          start: m.start, end: m.end, text: a.document.text.slice(m.start, m.end), geonamesId: p.geonamesId, key, place: p.name,
          ...(p.feature ? { feature: p.feature } : {}),
        });
      }
    }
  }
  for (const t of [...a.techniques, ...(a.candidates ?? [])]) {
    for (const s of overlapping(t)) at(s).techniques.push({ start: t.start, end: t.end, technique: t.technique, confidence: t.confidence });
  }
  return { text: a.document.text, sentences, bySentence, names: new Map(a.entities.map((e) => [e.id, e.name])) };
}

export const placeKey = (geonamesId: number | null, name: string): string => (geonamesId === null ? `region:${name}` : String(geonamesId));

export function layersOf(article: ArticleLayers, sentence: Span): SentenceLayers {
  return article.bySentence.get(sentence.start) ?? empty();
}

/**
 * The kind of the first source covering the sentence, or null when none does. The "it" of "it has
 * been confirmed that", "it is reported that" names nobody: such a claim has no source.
 */
export function sourceKindOf(l: SentenceLayers): SourceKind | null {
  return sourceOf(l)?.source?.kind ?? null;
}

export function sourceOf(l: SentenceLayers): Attribution | undefined {
  return l.attributions.find((a) => a.source && !/^(?:it|this)$/i.test(a.source.text));
}
