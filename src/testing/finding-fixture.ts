/**
 * Hand-made layers for tests: an article's text plus what the entity, place and attribution
 * engineers' layers would say about it, written as names and phrases instead of offsets.
 */
import type { Attribution, Entity, EntityType, PlaceLink, SourceKind } from '../core/schema.js';
import { extractEvents } from '../events/extract.js';
import { findAnchor } from '../times/anchor.js';
import { extractTimes, splitSentences } from '../times/extract.js';
import type { FindingContext } from '../findings/context.js';

export interface FixturePlace {
  geonamesId: number | null;
  name: string;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  confidence?: number;
  feature?: string;
  matchedBy?: string;
  formerName?: string;
  candidates?: PlaceLink['candidates'];
}

export interface FixtureSpec {
  text: string;
  publishedAt?: string | null;
  /** entities by the exact strings that mention them; places carry their link */
  entities?: { names: string[]; type: EntityType; place?: FixturePlace }[];
  /** attributions by phrases of the text; omit the key for "layer absent" */
  attributions?: { source: string | null; kind?: SourceKind; cue?: string; content: string; mode?: string }[];
}

/** Every occurrence of `needle` in `text` as a span. */
export function spansOf(text: string, needle: string) {
  const out: { start: number; end: number }[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  return out;
}

function spanOf(text: string, needle: string) {
  const [span] = spansOf(text, needle);
  if (!span) throw new Error(`fixture: “${needle}” is not in the text`);
  return span;
}

export function buildContext(spec: FixtureSpec): FindingContext {
  const { text } = spec;
  const publishedAt = spec.publishedAt ?? null;
  const anchor = findAnchor(publishedAt, text);
  const sentences = splitSentences(text);
  const times = extractTimes({ text, language: 'en', anchor, sentences });
  const entities: Entity[] = [];
  const places: Record<string, PlaceLink> = {};
  (spec.entities ?? []).forEach((e, i) => {
    const id = `e${i + 1}`;
    const mentions = e.names.flatMap((n) => spansOf(text, n).map((s) => ({ ...s, text: n }))).sort((a, b) => a.start - b.start);
    entities.push({ id, type: e.type, name: e.names[0]!, mentions });
    if (e.place) places[id] = { confidence: 0.9, ...e.place };
  });
  const attributions: Attribution[] | undefined = spec.attributions?.map((a, i) => {
    const source = a.source === null ? null : { ...spanOf(text, a.source), text: a.source, kind: a.kind ?? 'named-organization' };
    return {
      id: `a${i + 1}`,
      source,
      ...(a.cue ? { cue: spanOf(text, a.cue) } : {}),
      content: spanOf(text, a.content),
      ...(a.mode ? { mode: a.mode } : {}),
    };
  });
  const events = extractEvents({ text, sentences, times, entities, places, attributions });
  return { text, publishedAt, anchor, sentences, entities, places, times, attributions, events };
}
