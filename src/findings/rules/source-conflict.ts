import type { Attribution, Event } from '../../core/schema.js';
import { type FindingContext, type FindingRule, quote, sentenceAt, type RuleFinding } from '../context.js';
import { lowerBound } from '../../core/search.js';

/** "contradicting the ministry's account": a denial that names the account it answers. */
const NAMED_ACCOUNT = /^[ \t]{0,3}(?:the[ \t]+)?([\p{L}\p{N} .’'-]{2,60}?)[’']s?[ \t]+(?:account|claims?|statements?|reports?|version|figures?)\b/iu;
const STOP = new Set(['about', 'after', 'again', 'against', 'their', 'there', 'these', 'those', 'which', 'while', 'would', 'could', 'should', 'other', 'being', 'because', 'denied', 'denies', 'rejected', 'claims', 'claimed', 'reports', 'reported', 'statement', 'account', 'contradicting', 'saying', 'according']);

const words = (s: string) => new Set((s.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((w) => !STOP.has(w)));
const at = (a: Attribution) => a.cue?.start ?? a.content.start;
const sourceKey = (a: Attribution | undefined) => (a?.source ? (a.source.entityId ?? a.source.text.toLowerCase().replace(/^the\s+/, '')) : null);

export const sourceConflict: FindingRule = {
  id: 'source-conflict',
  doc: 'Two sources in the article assert opposite things about one event: a denial (denied, rejected, contradicting the ministry’s account) set against another source’s claim about the same place, people or facts.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    const attributions = ctx.attributions ?? [];
    const byId = new Map(attributions.map((a) => [a.id, a]));
    const findings: RuleFinding[] = [];
    let claims: Claims | undefined;
    for (const d of ctx.events) {
      if (d.type !== 'denial' || !d.trigger) continue;
      if (ctx.expired?.()) break;
      claims ??= new Claims(ctx, attributions);
      const denier = d.attributionId ? byId.get(d.attributionId) : undefined;
      const sentence = sentenceAt(ctx, d.trigger.start) ?? { start: d.start, end: d.end };
      const scope = denier ? { start: Math.min(denier.content.start, sentence.start), end: Math.max(denier.content.end, sentence.end) } : sentence;
      const claim = claims.best(d, scope, denier);
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

/**
 * How far the comparison reaches, so that a run-on text (thousands of claims, each running to the
 * end of a megabyte) stays linear: a claim is judged by its first HEAD characters, a denial by
 * HEAD characters either side of its trigger, and against the NEAREST claims either side of it
 * (an ordinary article has far fewer claims than that, so for it nothing changes).
 */
const HEAD = 600;
const NEAREST = 100;

/**
 * The claims a denial may answer, with what they mention worked out once per article: an article
 * has many denials and many attributions, and each denial is weighed against the claims near it.
 */
class Claims {
  /** entity mentions by start offset, each with its comparison key */
  private readonly mentions: { start: number; end: number; entityId: string; key: string }[];
  private readonly info = new Map<Attribution, { key: string | null; words: Set<string>; entities: Set<string> }>();
  /** the attributions by position (cue, else content), for the window around a denial */
  private readonly ordered: readonly Attribution[];
  /** each attribution's place in the layer, the order in which ties are settled */
  private readonly rank = new Map<Attribution, number>();

  constructor(
    private readonly ctx: FindingContext,
    all: readonly Attribution[],
  ) {
    this.mentions = ctx.entities
      .flatMap((e) => {
        const g = ctx.places[e.id]?.geonamesId;
        const key = g != null ? `g${g}` : e.id;
        return e.mentions.map((m) => ({ start: m.start, end: m.end, entityId: e.id, key }));
      })
      .sort((a, b) => a.start - b.start);
    all.forEach((a, i) => this.rank.set(a, i));
    this.ordered = [...all].sort((a, b) => at(a) - at(b));
  }

  /** The other source's claim the denial answers: the one sharing most places, people or content words with it. */
  best(d: Event, scope: { start: number; end: number }, denier: Attribution | undefined): Attribution | undefined {
    const mine = sourceKey(denier);
    const around = { start: Math.max(scope.start, d.trigger!.start - HEAD), end: Math.min(scope.end, d.trigger!.end + HEAD) };
    const scopeWords = words(this.ctx.text.slice(around.start, around.end));
    const scopeEntities = this.entitiesIn(around, denier);
    const i = lowerBound(this.ordered, (a) => at(a) < d.trigger!.start);
    let best: Attribution | undefined;
    let bestScore = 0;
    const near = this.ordered.slice(Math.max(0, i - NEAREST), i + NEAREST).sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
    for (const a of near) {
      if (a === denier || !a.source) continue;
      if (a.content.start <= d.trigger!.start && d.trigger!.end <= a.content.end) continue; // the denial reported inside this claim
      const claim = this.about(a);
      if (claim.key === mine) continue;
      let score = 0;
      for (const e of claim.entities) if (scopeEntities.has(e)) score += 2;
      for (const w of claim.words) if (scopeWords.has(w)) score += 1;
      if (score >= 2 && score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    return best;
  }

  private about(a: Attribution) {
    let info = this.info.get(a);
    if (!info) {
      const head = { start: a.content.start, end: Math.min(a.content.end, a.content.start + HEAD) };
      info = { key: sourceKey(a), words: words(this.ctx.text.slice(head.start, head.end)), entities: this.entitiesIn(head, a) };
      this.info.set(a, info);
    }
    return info;
  }

  /** Places (by GeoNames id, so spellings agree) and other entities mentioned in a span, sources aside. */
  private entitiesIn(span: { start: number; end: number }, a: Attribution | undefined): Set<string> {
    const out = new Set<string>();
    const ms = this.mentions;
    const lo = lowerBound(ms, (m) => m.start < span.start);
    for (let i = lo; i < ms.length && ms[i]!.start < span.end; i++) {
      const m = ms[i]!;
      if (m.end <= span.end && a?.source?.entityId !== m.entityId) out.add(m.key);
    }
    return out;
  }
}
