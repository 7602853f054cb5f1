/**
 * The via chain: the outlet a claim came through ("a source ... who spoke exclusively to RIA
 * Novosti", "told TASS", "in an interview with the BBC", "RIA Novosti reported, citing ...").
 * Only names that are outlets (by entity type or by the outlet list) count as a via: "told
 * reporters" or "told Smith" is an audience, not a channel.
 */
import type { Entity } from '../core/schema.js';
import { OUTLETS } from './kinds.js';

export interface Via {
  name: string;
  start: number;
  end: number;
}

// A name: one to five words, each capitalised or a short connector ("the", "of"); bounded.
const NAME = String.raw`((?:[Tt]he\s+)?\p{Lu}[\p{L}\p{N}.’'&-]{0,30}(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}\p{N}.’'&-]{0,30}){0,4})`;
const CHANNEL = new RegExp(
  String.raw`\b(?:(?:spoke|speaking|talked|talking)\s+(?:exclusively\s+|anonymously\s+|on\s+condition\s+of\s+anonymity\s+)?(?:to|with)|told|in\s+an?\s+(?:exclusive\s+)?interview\s+(?:with|to)|quoted\s+by|cited\s+by|(?:reported|reports|wrote|writes|said|says)\s+(?:by|in|to)|via)\s+` + NAME,
  'gu',
);

export function isOutlet(name: string, entity?: Entity): boolean {
  if (entity) return entity.type === 'outlet';
  const lower = name.toLowerCase();
  return OUTLETS.has(lower) || OUTLETS.has(lower.replace(/^the\s+/, ''));
}

/**
 * Outlets named as channels in `text` between `from` and `to` (the rest of the source's
 * sentence). `entityAt` finds the entity whose mention covers a span, when there is one.
 */
export function findVia(text: string, from: number, to: number, entityAt: (start: number, end: number) => Entity | undefined): Via[] {
  const out: Via[] = [];
  const window = text.slice(from, Math.min(to, from + 400));
  for (const m of window.matchAll(CHANNEL)) {
    const raw = m[1]!;
    const lead = /^[Tt]he\s+/.exec(raw)?.[0].length ?? 0; // "the BBC" is named "BBC"
    const name = raw.slice(lead).replace(/[.’']+$/u, '');
    const start = from + m.index + m[0].length - raw.length + lead;
    const entity = entityAt(start, start + name.length);
    if (isOutlet(name, entity)) out.push({ name: entity?.name ?? name, start, end: start + name.length });
  }
  return out;
}
