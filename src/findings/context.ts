/**
 * What a findings rule reads: every layer of the article, with absent layers made explicit so a
 * rule can stay silent when what it needs did not run (attributions undefined = not analysed,
 * not "no attributions").
 */
import type { Attribution, Entity, Event, Finding, PlaceLink, Sentence, Severity, TimeExpr } from '../core/schema.js';
import type { Anchor } from '../times/anchor.js';
import { excerpt } from '../core/excerpt.js';
import type { RuleMeta } from '../core/rule.js';

export interface FindingContext {
  text: string;
  publishedAt: string | null;
  /** the day dates are counted from (publication or dateline), null when none */
  anchor: Anchor | null;
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  /** gazetteer links keyed by entity id */
  places: Readonly<Record<string, PlaceLink>>;
  times: readonly TimeExpr[];
  /** undefined when the attributions layer did not run */
  attributions: readonly Attribution[] | undefined;
  events: readonly Event[];
  /** true once the article's time budget is spent: rules not yet run are skipped, long ones stop */
  expired?: () => boolean;
}

/** What a rule's check returns: a finding before the runner names its source and docs. */
export type RuleFinding = Omit<Finding, 'source' | 'docs'>;

/** A consistency check in the ESLint manner: an id, a short doc, a default severity and the check. */
export interface FindingRule extends RuleMeta {
  severity: Severity;
  check(ctx: FindingContext): RuleFinding[];
}

/** The text of a span, quoted for a message, shortened when long. */
export function quote(ctx: FindingContext, span: { start: number; end: number }, max = 80): string {
  return `“${excerpt(ctx.text, span, max)}”`;
}

/** The sentence holding an offset (binary search over the sentence spans). */
export function sentenceAt(ctx: FindingContext, offset: number) {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** "2025-12-13" -> "13 December 2025"; other values as they are. */
export function readableDate(value: string | null | undefined): string {
  if (!value) return 'an unknown date';
  const m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}${m[1] === 'XXXX' ? '' : ` ${m[1]}`}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
