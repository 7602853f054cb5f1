import type { Finding } from '../core/schema.js';
import type { FindingContext, Rule } from './context.js';
import { RULES } from './rules/index.js';

/** Runs every rule over one article; a rule that throws is reported as a finding, not a crash. */
export function runRules(ctx: FindingContext, rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (ctx.expired?.()) break;
    try {
      out.push(...rule.check(ctx));
    } catch (err) {
      out.push({ rule: rule.id, severity: 'info', message: `The ${rule.id} check failed on this article and was skipped (${(err as Error).message}).`, spans: [] });
    }
  }
  return out;
}
