import type { Finding } from '../core/schema.js';
import type { FindingContext, FindingRule, RuleFinding } from './context.js';
import { RULES } from './rules/index.js';

/**
 * Runs every rule over one article, each finding a message of the findings analyzer with its
 * rule's doc; a rule that throws is reported as a finding, not a crash.
 */
export function runRules(ctx: FindingContext, rules: readonly FindingRule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (ctx.expired?.()) break;
    let found: RuleFinding[];
    try {
      found = rule.check(ctx);
    } catch (err) {
      found = [{ rule: rule.id, severity: 'info', message: `The ${rule.id} check failed on this article and was skipped (${(err as Error).message}).`, spans: [] }];
    }
    for (const f of found) out.push({ rule: f.rule, source: 'findings', severity: f.severity, message: f.message, spans: f.spans, ...(f.evidence ? { evidence: f.evidence } : {}), docs: rule.doc });
  }
  return out;
}
