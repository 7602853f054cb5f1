/**
 * What every rule declares, whatever it checks (ESLint's rule meta): an id unique within its
 * analyzer and a one-line doc. Finding rules (FindingRule, findings/context.ts) and technique detectors
 * (TechniqueRule, techniques/rules/rule.ts) extend it; `unspin rules` lists them all.
 */
export interface RuleMeta {
  id: string;
  /** what the rule looks for, in one line */
  doc: string;
}
