/**
 * Older reports read as current ones. Before the one message shape (schema 1.x) warnings and
 * cuts were prose, findings had no source, and technique spans named their rules only in a cue
 * ('rule so-called: ...'); until 2.1 technique spans were not messages; 2.2 adds `document.removed`
 * (the page chrome cut from the text), which a 2.1 report, read with its chrome, does not have; 2.3 adds
 * `document.dateline`, which older reports leave out; 2.4 an affiliation's `region`. The layers keep their
 * provenance, so a store or `--reuse` still sees them as made by the analyzer versions of their
 * time (stale where bumped).
 */
import type { Analysis, Message } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { warning } from './message.js';
import type { TechniqueSpan } from '../techniques/schema.js';
import { techniqueMessage } from '../techniques/message.js';

interface OldReport {
  schemaVersion?: string;
  warnings?: (string | Message)[];
  cut?: (string | Message)[];
  findings?: (Omit<Message, 'source'> & { source?: string })[];
  techniques?: OldTechnique[];
  candidates?: OldTechnique[];
}
type OldTechnique = TechniqueSpan & { rule?: string };

export function upgradeReport(report: Analysis): Analysis {
  const old = report as unknown as OldReport;
  if (/^2\.[1-3]\./.test(old.schemaVersion ?? '')) return { ...report, schemaVersion: SCHEMA_VERSION } as Analysis;
  if (!old.schemaVersion || !/^(1\.|2\.0\.)/.test(old.schemaVersion)) return report;
  const text = report.document?.text ?? '';
  const techniques = (ts: OldTechnique[] | undefined) =>
    ts?.map((t) => (t.rule ? t : techniqueMessage(text, t.rules ? t : { ...t, rules: rulesOfCues(t.cues ?? []) })));
  if (old.schemaVersion?.startsWith('2.0.')) {
    return {
      ...report,
      schemaVersion: SCHEMA_VERSION,
      techniques: techniques(old.techniques) ?? [],
      ...(old.candidates ? { candidates: techniques(old.candidates) } : {}),
    } as Analysis;
  }
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
