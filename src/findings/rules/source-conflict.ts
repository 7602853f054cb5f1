import type { Attribution, Event, Finding } from '../../core/schema.js';
import { type FindingContext, type Rule, quote, sentenceAt } from '../context.js';

/** "contradicting the ministry's account": a denial that names the account it answers. */
const NAMED_ACCOUNT = /^[ \t]{0,3}(?:the[ \t]+)?([\p{L}\p{N} .’'-]{2,60}?)[’']s?[ \t]+(?:account|claims?|statements?|reports?|version|figures?)\b/iu;
const STOP = new Set(['about', 'after', 'again', 'against', 'their', 'there', 'these', 'those', 'which', 'while', 'would', 'could', 'should', 'other', 'being', 'because', 'denied', 'denies', 'rejected', 'claims', 'claimed', 'reports', 'reported', 'statement', 'account', 'contradicting', 'saying', 'according']);

const words = (s: string) => new Set((s.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !STOP.has(w)));
const sourceKey = (a: Attribution | undefined) => (a?.source ? (a.source.entityId ?? a.source.text.toLowerCase().replace(/^the\s+/, '')) : null);

export const sourceConflict: Rule = {
  id: 'source-conflict',
  doc: 'Two sources in the article assert opposite things about one event: a denial (denied, rejected, contradicting the ministry’s account) set against another source’s claim about the same place, people or facts.',
  severity: 'warning',
  check(ctx: FindingContext): Finding[] {
    const attributions = ctx.attributions ?? [];
    const byId = new Map(attributions.map((a) => [a.id, a]));
    const findings: Finding[] = [];
    for (const d of ctx.events) {
      if (d.type !== 'denial' || !d.trigger) continue;
      const denier = d.attributionId ? byId.get(d.attributionId) : undefined;
      const sentence = sentenceAt(ctx, d.trigger.start) ?? { start: d.start, end: d.end };
      const scope = denier ? { start: Math.min(denier.content.start, sentence.start), end: Math.max(denier.content.end, sentence.end) } : sentence;
      const claim = bestClaim(ctx, d, scope, denier, attributions);
      const named = NAMED_ACCOUNT.exec(ctx.text.slice(d.trigger.end, Math.min(sentence.end, d.trigger.end + 80)));
      if (!claim && !named) continue;

      const who = denier?.source ? `“${denier.source.text}”` : 'An unnamed source';
      const against = claim?.source ? `“${claim.source.text}”` : named ? `“${named[1]!.trim()}”` : 'another source';
      const spans = [{ start: d.trigger.start, end: d.trigger.end }, ...(claim ? [{ start: claim.content.start, end: claim.content.end }] : [])];
      findings.push({
        rule: this.id,
        severity: this.severity,
        message:
          `${who} ${quote(ctx, d.trigger)} what ${against} asserts${claim ? ` (${quote(ctx, claim.content)})` : ''}: ` +
          'two sources give opposite accounts of one event, and the article does not show which is right.',
        spans: spans.sort((a, b) => a.start - b.start),
        evidence: { denialEventId: d.id, denialAttributionId: denier?.id ?? null, claimAttributionId: claim?.id ?? null, namedAccount: named?.[1]?.trim() ?? null },
      });
    }
    return findings;
  },
};

/** The other source's claim the denial answers: the one sharing most places, people or content words with it. */
function bestClaim(ctx: FindingContext, d: Event, scope: { start: number; end: number }, denier: Attribution | undefined, all: readonly Attribution[]) {
  const mine = sourceKey(denier);
  const scopeWords = words(ctx.text.slice(scope.start, scope.end));
  const scopeEntities = entitiesIn(ctx, scope, denier);
  let best: Attribution | undefined;
  let bestScore = 0;
  for (const a of all) {
    if (a === denier || !a.source || sourceKey(a) === mine) continue;
    if (a.content.start <= d.trigger!.start && d.trigger!.end <= a.content.end) continue; // the denial reported inside this claim
    let score = 0;
    for (const e of entitiesIn(ctx, a.content, a)) if (scopeEntities.has(e)) score += 2;
    for (const w of words(ctx.text.slice(a.content.start, a.content.end))) if (scopeWords.has(w)) score += 1;
    if (score >= 2 && score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

/** Places (by GeoNames id, so spellings agree) and other entities mentioned in a span, sources aside. */
function entitiesIn(ctx: FindingContext, span: { start: number; end: number }, a: Attribution | undefined): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.entities) {
    if (a?.source?.entityId === e.id) continue;
    if (!e.mentions.some((m) => m.start >= span.start && m.end <= span.end)) continue;
    const g = ctx.places[e.id]?.geonamesId;
    out.add(g != null ? `g${g}` : e.id);
  }
  return out;
}
