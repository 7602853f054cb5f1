/**
 * The sourcing profile of an article: how its claims are attributed. Definitions:
 *  - factualSentences: sentences that state something (five words or more, not a question);
 *  - unattributedShare: of those, the share that no attribution's cue or content touches;
 *  - anonymousOrCollectiveShare: of the factual sentences that are attributed, the share whose
 *    sourced attributions all rest on anonymous or collective sources;
 *  - namedSources: distinct named people and organisations quoted (one per linked entity), as
 *    written at first mention;
 *  - outlets: outlets the claims came through, as via or as the source itself.
 * byKind counts attributions by source kind; 'none' counts those without a source (agentless passive).
 */
import type { Attribution, Sentence, Sourcing } from '../core/schema.js';
import { sentenceAt } from './group.js';

const WORD = /[\p{L}\p{N}]+/gu;

export function isFactual(text: string): boolean {
  const t = text.trim();
  if (t.endsWith('?')) return false;
  let words = 0;
  for (const _ of t.matchAll(WORD)) if (++words >= 5) return true;
  return false;
}

export function sourcingProfile(text: string, sentences: readonly Sentence[], attributions: readonly Attribution[]): Sourcing {
  const byKind: Record<string, number> = {};
  for (const a of attributions) {
    const k = a.source?.kind ?? 'none';
    byKind[k] = (byKind[k] ?? 0) + 1;
  }
  // Which attributions touch each sentence (by cue or content), found by binary search: linear in practice.
  const touching: Attribution[][] = sentences.map(() => []);
  for (const a of attributions) {
    const spans = a.cue ? [a.content, a.cue] : [a.content];
    for (const span of spans) {
      for (let i = sentenceAt(sentences, span.start); i < sentences.length && sentences[i]!.start < span.end; i++) {
        // content and cue of one attribution may touch the same sentence: pushed once (its pushes come in a row)
        if (sentences[i]!.end > span.start && touching[i]!.at(-1) !== a) touching[i]!.push(a);
      }
    }
  }
  let factual = 0;
  let unattributed = 0;
  let attributed = 0;
  let weak = 0;
  sentences.forEach((s, i) => {
    if (!isFactual(text.slice(s.start, s.end))) return;
    factual++;
    const here = touching[i]!;
    if (here.length === 0) {
      unattributed++;
      return;
    }
    attributed++;
    const sourced = here.filter((a) => a.source);
    if (sourced.length > 0 && sourced.every((a) => a.source!.kind === 'anonymous' || a.source!.kind === 'collective')) weak++;
  });
  const named = new Map<string, string>();
  const outlets = new Set<string>();
  for (const a of attributions) {
    for (const v of a.via ?? []) outlets.add(v.name);
    const s = a.source;
    if (!s || s.refersTo) continue; // a pronoun or a repeat: counted at its antecedent
    // one entry per entity when the entities layer linked the source ("Valery Gerasimov", "Gerasimov")
    if (s.kind === 'named-person' || s.kind === 'named-organization') {
      const key = s.entityId ?? s.text;
      // (a source ends with its apposition's comma, as annotators mark it: "a spokesman, Igor Konashenkov,")
      if (!named.has(key)) named.set(key, withoutTrailingPunctuation(s.text));
    }
    if (s.kind === 'outlet') outlets.add(s.text);
  }
  return {
    byKind,
    factualSentences: factual,
    unattributedShare: factual ? unattributed / factual : 0,
    anonymousOrCollectiveShare: attributed ? weak / attributed : 0,
    namedSources: [...named.values()],
    outlets: [...outlets],
  };
}

/** Drops trailing commas, semicolons, colons and spaces (a loop: a regex anchored at the end rescans long runs). */
function withoutTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s,;:]/u.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}
