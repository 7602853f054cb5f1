/**
 * Runs the attribution stage on a PolNeAR-format folder and scores it (eval/attribution.ts).
 * On PolNeAR the predicted spans are exactly those the stage's groups hold, before they are
 * joined into one content span per attribution: the groups' sources, cues and content fragments.
 * On a gold set of our own, which also gives each source's kind, the predictions are the
 * report's attributions as a user sees them (source, cue, content), and the kinds are scored on
 * the sources found exactly.
 */
import type { Attribution } from '../core/schema.js';
import type { GoldDoc } from '../eval/brat.js';
import type { RoleSpan } from '../core/roles.js';
import { scoreAttributions, type Scores } from '../eval/attribution.js';
import { segment } from '../text/segment.js';
import { extractGroups } from './extract.js';
import { groupSpansOut } from './group.js';
import type { TaggerModel } from './tagger.js';

export function evaluateTagger(gold: readonly GoldDoc[], model: TaggerModel): Scores & { documents: number } {
  const docs = gold.map((d) => {
    const { sentences, tokens } = segment(d.text, 'en');
    return { gold: d.spans, predicted: groupSpansOut(extractGroups(model, d.text, sentences, tokens)) };
  });
  return { ...scoreAttributions(docs), documents: docs.length };
}

export interface KindScores {
  /** gold sources with a kind that a predicted source matches exactly */
  matched: number;
  correct: number;
  accuracy: number;
  /** "gold -> predicted": count, for the mistakes */
  confusions: Record<string, number>;
}

export const hasKinds = (docs: readonly GoldDoc[]) => docs.some((d) => d.attributions.some((a) => a.kind));

/** The spans of the report's attributions, for scoring against gold spans (a continuation repeats its source: scored once). */
export function reportSpans(attributions: readonly Attribution[]): RoleSpan[] {
  return attributions.flatMap((a) => [
    ...(a.source ? [{ role: 'source' as const, start: a.source.start, end: a.source.end }] : []),
    ...(a.cue ? [{ role: 'cue' as const, start: a.cue.start, end: a.cue.end }] : []),
    { role: 'content' as const, start: a.content.start, end: a.content.end },
  ]);
}

/** Kind accuracy over the gold sources that a predicted source matches exactly (same start and end). */
export function scoreKinds(docs: readonly { gold: GoldDoc; predicted: readonly Attribution[] }[]): KindScores {
  let matched = 0;
  let correct = 0;
  const confusions: Record<string, number> = {};
  for (const { gold, predicted } of docs) {
    const kindAt = new Map<string, string>(predicted.flatMap((a) => (a.source ? [[`${a.source.start}:${a.source.end}`, a.source.kind] as const] : [])));
    const seen = new Set<string>();
    for (const g of gold.attributions) {
      const span = g.source?.[0];
      if (!span || !g.kind || g.source!.length !== 1) continue;
      const key = `${span.start}:${span.end}`;
      const kind = kindAt.get(key);
      if (kind === undefined || seen.has(key)) continue;
      seen.add(key);
      matched++;
      if (kind === g.kind) correct++;
      else confusions[`${g.kind} -> ${kind}`] = (confusions[`${g.kind} -> ${kind}`] ?? 0) + 1;
    }
  }
  return { matched, correct, accuracy: matched ? correct / matched : 0, confusions };
}

/** Scores the report's attributions (from `analyze`, the whole pipeline up to attributions) on a gold set with kinds. */
export async function evaluateReport(
  docs: readonly GoldDoc[],
  analyze: (text: string) => Promise<readonly Attribution[]>,
): Promise<Scores & { documents: number; kinds: KindScores }> {
  const runs: { gold: GoldDoc; predicted: readonly Attribution[] }[] = [];
  for (const gold of docs) runs.push({ gold, predicted: await analyze(gold.text) });
  const spans = runs.map((r) => ({ gold: r.gold.spans, predicted: reportSpans(r.predicted) }));
  return { ...scoreAttributions(spans), documents: docs.length, kinds: scoreKinds(runs) };
}
