/** `unspin rules`: every rule of every analyzer, with its id and doc, as a linter lists its rules. */
import type { Command } from 'commander';
import { RULES as FINDING_RULES } from '../findings/rules/index.js';
import { MODEL_DOC, MODEL_RULE, RULES as TECHNIQUE_RULES } from '../techniques/rules/index.js';
import { CORPUS_RULES } from '../stories/findings/rules.js';
import type { CliIo } from './analyze.js';

export interface RuleRow {
  /** the analyzer whose rule it is */
  source: string;
  id: string;
  /** the severity of a finding, or the technique a detector marks */
  kind: string;
  doc: string;
}

export const allRules = (): RuleRow[] => [
  ...FINDING_RULES.map((r) => ({ source: 'findings', id: r.id, kind: r.severity, doc: r.doc })),
  { source: 'techniques', id: MODEL_RULE, kind: 'per span', doc: MODEL_DOC },
  ...TECHNIQUE_RULES.map((r) => ({ source: 'techniques', id: r.id, kind: r.technique ?? 'per entry', doc: r.doc })),
  // across the articles of a corpus (unspin corpus findings)
  ...CORPUS_RULES.map((r) => ({ source: 'stories', id: r.id, kind: r.severity, doc: r.doc })),
];

export function registerRules(program: Command, io: CliIo): void {
  program
    .command('rules')
    .description('list every rule: the analyzer it belongs to, its id, its severity or technique, and what it looks for')
    .option('--json', 'print the rules as JSON')
    .action((flags: { json?: boolean }) => {
      const rows = allRules();
      if (flags.json) return void io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      const width = (k: keyof RuleRow) => Math.max(...rows.map((r) => r[k].length));
      const [s, i, k] = [width('source'), width('id'), width('kind')];
      for (const r of rows) io.stdout.write(`${r.source.padEnd(s)}  ${r.id.padEnd(i)}  ${r.kind.padEnd(k)}  ${r.doc}\n`);
    });
}
