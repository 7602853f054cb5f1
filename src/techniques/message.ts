/**
 * A detected span as the report gives it: a message in the one shape, so the terminal, the
 * exports and a corpus read technique hits as they read findings (rule, source, severity,
 * message, spans, docs), with the span's own fields beside.
 */
import { excerpt } from '../core/excerpt.js';
import type { Technique, TechniqueSpan } from './schema.js';
import { TECHNIQUE_DOCS } from './docs.js';
import { MODEL_DOC, MODEL_RULE, RULES } from './rules/index.js';

const DOCS = new Map<string, string>([[MODEL_RULE, MODEL_DOC], ...RULES.map((r): [string, string] => [r.id, r.doc])]);

/** A PTC class name as people write it ("Name calling or labelling", not "Name_Calling,Labeling"). */
export const techniqueLabel = (name: string) => TECHNIQUE_DOCS[name]?.label ?? name.replace(/_/g, ' ');

/**
 * The span as a message. Its rule is the first hand-written detector that found it (its doc says
 * what cue to check), else the model; `rules` keeps every detector that agreed, `cues` the why
 * (whose words the span is among them).
 */
export function techniqueMessage(text: string, span: TechniqueSpan): Technique {
  const rule = span.rules?.find((r) => r !== MODEL_RULE) ?? span.rules?.[0] ?? MODEL_RULE;
  const docs = DOCS.get(rule);
  return {
    rule,
    source: 'techniques',
    severity: 'info',
    message: `${techniqueLabel(span.technique)}: '${excerpt(text, span, 80)}' (confidence ${span.confidence.toFixed(2)})`,
    spans: [{ start: span.start, end: span.end }],
    ...(docs ? { docs } : {}),
    ...span,
  };
}
