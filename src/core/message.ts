/**
 * Making messages (schema-parts.ts has the shape): a warning or a cut is a message like a
 * finding, so every reader of a report handles one kind of thing.
 */
import type { Message, Severity, Span } from './schema-parts.js';

export type { Message } from './schema-parts.js';

export interface MessageExtras {
  spans?: Span[];
  evidence?: Record<string, unknown>;
  severity?: Severity;
}

/** A warning from `source` (an analyzer's name, 'ingest', 'analyze'): severity 'warning' and no spans unless given. */
export function warning(source: string, rule: string, message: string, extras: MessageExtras = {}): Message {
  const { spans = [], severity = 'warning', evidence } = extras;
  return { rule, source, severity, message, spans, ...(evidence ? { evidence } : {}) };
}

/** Why the runner did not run an analyzer: `rule` is the kind of cut, the analyzer and its layer are the evidence. */
export function cutMessage(rule: 'time-budget' | 'partial' | 'missing-input' | 'deadline', analyzer: { name: string; adds: string }, why: string): Message {
  return warning('pipeline', rule, `${analyzer.name} (${why})`, { evidence: { analyzer: analyzer.name, layer: analyzer.adds } });
}
