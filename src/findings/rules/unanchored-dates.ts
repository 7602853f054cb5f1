import { type FindingContext, type FindingRule, quote, type RuleFinding } from '../context.js';

export const unanchoredDates: FindingRule = {
  id: 'unanchored-dates',
  doc: 'The article has no publication date (and no dateline giving the year), so dates without a year and relative ones ("yesterday", "on Thursday") cannot be placed in time.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    const loose = ctx.times.filter((t) => t.anchored === false);
    if (loose.length === 0 || (ctx.anchor && ctx.anchor.day.y !== null)) return [];
    const examples = loose.slice(0, 3).map((t) => quote(ctx, t)).join(', ');
    const why = ctx.anchor
      ? 'The article has no publication date and its dateline gives no year'
      : 'The article has no publication date and no dateline';
    return [
      {
        rule: this.id,
        severity: this.severity,
        message: `${why}, so ${loose.length} date${loose.length > 1 ? 's' : ''} (${examples}) cannot be fixed in time: values stay partial. Give the date with --published to anchor them.`,
        spans: loose.map((t) => ({ start: t.start, end: t.end })),
        evidence: { count: loose.length, anchor: ctx.anchor?.source ?? null },
      },
    ];
  },
};
