import { type FindingContext, type FindingRule, quote, sentenceAt, type RuleFinding } from '../context.js';

/** Event types that assert a fact about the fighting (statements and denials are attributed by nature). */
const FACTUAL = new Set(['battle', 'shelling', 'territory-taken', 'deployment', 'casualties']);

export const unattributedClaim: FindingRule = {
  id: 'unattributed-claim',
  doc: 'A factual claim with no source: an agentless "it was reported that..." (an attribution with no source), or a battle, strike, capture, deployment or casualty told as fact with no one reporting it. Silent when attributions were not analysed.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    if (!ctx.attributions) return [];
    const findings: RuleFinding[] = [];
    for (const a of ctx.attributions) {
      if (a.source !== null || a.mode !== 'passive') continue;
      const cue = a.cue ? quote(ctx, a.cue) : 'a passive verb';
      findings.push({
        rule: this.id,
        severity: this.severity,
        message: `${quote(ctx, a.content)} is attributed with ${cue} but to no one: the reader cannot tell who makes this claim or check it.`,
        spans: [...(a.cue ? [{ start: a.cue.start, end: a.cue.end }] : []), { start: a.content.start, end: a.content.end }],
        evidence: { attributionId: a.id, mode: a.mode },
      });
    }
    // one finding per sentence that states fighting as fact, whatever number of events it holds
    const bySentence = new Map<number, typeof ctx.events>();
    for (const e of ctx.events) {
      if (!FACTUAL.has(e.type) || e.attributionId || !e.trigger || refersBack(ctx, e.trigger.start)) continue;
      const s = sentenceAt(ctx, e.trigger.start);
      if (!s) continue;
      bySentence.set(s.start, [...(bySentence.get(s.start) ?? []), e]);
    }
    for (const [start, events] of bySentence) {
      const s = sentenceAt(ctx, start)!;
      const what = events.map((e) => quote(ctx, e.trigger!)).join(', ');
      findings.push({
        rule: this.id,
        severity: 'info',
        message: `This sentence states ${what} as fact without saying who reports it: ${quote(ctx, s, 120)}`,
        spans: events.map((e) => ({ start: e.trigger!.start, end: e.trigger!.end })),
        evidence: { eventIds: events.map((e) => e.id), types: events.map((e) => e.type) },
      });
    }
    return findings;
  },
};

/** "the deployment", "this attack": a noun naming an event told elsewhere, not a new claim. */
const DETERMINER = /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|such|any|no)[ \t]+(?:[\p{L}-]{1,20}[ \t]+)?$/iu;
const refersBack = (ctx: FindingContext, at: number) => DETERMINER.test(ctx.text.slice(Math.max(0, at - 40), at));
