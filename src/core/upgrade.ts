/**
 * Reports written before the one message shape (schema 1.x) read as 2.0 reports: their warnings
 * and cuts were prose, their findings had no source, their technique spans named their rules
 * only in a cue ('rule so-called: ...'). The layers keep their provenance, so a store or
 * `--reuse` still sees them as made by the analyzer versions of their time (stale where bumped).
 */
import type { Analysis, Message } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { warning } from './message.js';

interface OldReport {
  schemaVersion?: string;
  warnings?: (string | Message)[];
  cut?: (string | Message)[];
  findings?: (Omit<Message, 'source'> & { source?: string })[];
  techniques?: OldTechnique[];
  candidates?: OldTechnique[];
}
interface OldTechnique {
  cues?: string[];
  rules?: string[];
}

export function upgradeReport(report: Analysis): Analysis {
  const old = report as unknown as OldReport;
  if (!old.schemaVersion?.startsWith('1.')) return report;
  const techniques = (ts: OldTechnique[] | undefined) => ts?.map((t) => (t.rules ? t : { ...t, rules: rulesOfCues(t.cues ?? []) }));
  return {
    ...report,
    schemaVersion: SCHEMA_VERSION,
    warnings: (old.warnings ?? []).map((w) => (typeof w === 'string' ? warning(w.startsWith('reuse:') ? 'analyze' : 'ingest', 'note', w) : w)),
    cut: (old.cut ?? []).map((c) => (typeof c === 'string' ? oldCut(c) : c)),
    ...(old.findings ? { findings: old.findings.map((f) => ({ ...f, source: f.source ?? 'findings' })) } : {}),
    ...(old.techniques ? { techniques: techniques(old.techniques) } : {}),
    ...(old.candidates ? { candidates: techniques(old.candidates) } : {}),
  } as Analysis;
}

/** "places (time budget of 5000 ms spent)" as a cut message naming the analyzer. */
function oldCut(text: string): Message {
  const analyzer = /^[\w-]+/.exec(text)?.[0] ?? text;
  const rule = /needs .* which did not run/.test(text) ? 'missing-input' : /stopped part way/.test(text) ? 'partial' : /stopped\)$/.test(text) ? 'deadline' : 'time-budget';
  return warning('pipeline', rule, text, { evidence: { analyzer } });
}

/** The detectors named in a span's cues: 'model: ...' is the model's, 'rule X: ...' rule X's. */
function rulesOfCues(cues: readonly string[]): string[] {
  const rules = new Set<string>();
  for (const c of cues) {
    if (c.startsWith('model:')) rules.add('model');
    const m = /^rule ([\w-]+):/.exec(c);
    if (m) rules.add(m[1]!);
  }
  return [...rules];
}
