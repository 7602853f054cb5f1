/**
 * Cross-article findings, in the manner of the article findings: an id, a short doc, a default
 * severity, and a check over the stories (and claims) of the corpus. A finding is a message of the
 * one shape (source 'stories', the rule's doc in `docs`) whose spans also name their article.
 */
import type { RuleMeta } from '../../core/rule.js';
import type { Change, ChangeKind } from '../changes.js';
import type { CorpusFinding, Story } from '../types.js';

export interface CorpusContext {
  stories: readonly Story[];
}

export interface CorpusRule extends RuleMeta {
  severity: CorpusFinding['severity'];
  check(ctx: CorpusContext): CorpusFinding[];
}

type Member = Story['members'][number];

/** A rule that turns each change of one kind in a rewrite into a finding. */
function fromChanges(
  meta: Omit<CorpusRule, 'check'>,
  kind: ChangeKind,
  keep: (c: Change) => boolean = () => true,
  message: (c: Change, s: Story, m: Member) => string = (c, s, m) => `${m.article.outlet ?? m.article.id} against ${s.origin.outlet ?? s.origin.id}: ${c.message}`,
): CorpusRule {
  return {
    ...meta,
    check({ stories }) {
      const out: CorpusFinding[] = [];
      for (const s of stories) {
        for (const m of s.members) {
          for (const c of m.changes) {
            if (c.kind !== kind || !keep(c)) continue;
            const spans = [
              ...(c.origin ? [{ article: s.origin.id, ...c.origin }] : []),
              ...(c.rewrite ? [{ article: m.article.id, ...c.rewrite }] : []),
            ];
            out.push({
              rule: meta.id,
              source: 'stories',
              severity: meta.severity,
              message: message(c, s, m),
              articles: [s.origin, m.article],
              spans,
              ...(c.evidence ? { evidence: c.evidence } : {}),
              docs: meta.doc,
            });
          }
        }
      }
      return out;
    },
  };
}

export const attributionDropped = fromChanges(
  { id: 'attribution-dropped', severity: 'warning', doc: 'A claim the origin attributes to a source is stated by a rewrite with no source: the reader of the rewrite cannot tell it was only somebody\'s claim.' },
  'attribution-dropped',
);

export const sourceLaundered = fromChanges(
  { id: 'source-laundered', severity: 'error', doc: 'A claim that rests on one source in the origin (often an anonymous one) is presented by a rewrite as established or confirmed ("it has been confirmed that...").' },
  'certainty-added',
  (c) => c.evidence?.originSourceKind != null,
  (c, s, m) => `${m.article.outlet ?? m.article.id} presents as established (“${String(c.evidence?.marker)}”) what ${s.origin.outlet ?? s.origin.id} attributed to ${String(c.evidence?.originSource)} (${String(c.evidence?.originSourceKind)}).`,
);

export const numberChanged = fromChanges(
  { id: 'number-changed', severity: 'warning', doc: 'A figure of the origin (a count of people, weapons, days...) is different in a rewrite of the same sentence.' },
  'number-changed',
);

export const hedgeRemoved = fromChanges(
  { id: 'hedge-removed', severity: 'warning', doc: 'A hedge of the origin ("reportedly", "allegedly", "unconfirmed") is gone from the rewrite of the same sentence, so a report reads as a fact.' },
  'hedge-removed',
);

export const spellingSwitched = fromChanges(
  { id: 'spelling-switched', severity: 'info', doc: 'A place is written differently in a rewrite (Kyiv -> Kiev, Pokrovsk -> Krasnoarmeysk): often a switch to one side\'s usage.' },
  'spelling-switched',
);

export const originUncited = fromChanges(
  { id: 'origin-uncited', severity: 'warning', doc: 'A rewrite copies another outlet\'s article without naming that outlet.' },
  'origin-uncited',
);

export const CORPUS_RULES: readonly CorpusRule[] = [attributionDropped, sourceLaundered, numberChanged, hedgeRemoved, spellingSwitched, originUncited];

export function runCorpusRules(ctx: CorpusContext, rules: readonly CorpusRule[] = CORPUS_RULES): CorpusFinding[] {
  return rules.flatMap((r) => r.check(ctx));
}
