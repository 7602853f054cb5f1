/**
 * The techniques layers: PTC persuasion-technique spans with calibrated confidence, cues and
 * holder; the shown ones (at or above the model's threshold), the candidates below it, and the
 * article's summary, all cut from one internal layer of every detected span.
 */
import { Confidence, MessageSchema, Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

/** What the detector finds: a span, its technique, how sure, and why. */
export const TechniqueSpanSchema = (T: TypeBuilder) =>
  T.Object({
    technique: T.String({ description: 'one of the 14 PTC classes, spelled as in techniques-14.txt' }),
    start: Offset(T),
    end: Offset(T),
    confidence: Confidence(T),
    cues: T.Optional(T.Array(T.String())),
    rules: T.Optional(
      T.Array(T.String(), { description: "the detectors that found the span: 'model' (the trained tagger and classifier) or a rule's id (unspin rules)" }),
    ),
    holder: T.Optional(
      T.Object(
        {
          kind: T.Union([T.Literal('outlet'), T.Literal('quoted')]),
          attributionId: T.Optional(T.String({ description: 'the attribution whose content holds the span' })),
          source: T.Optional(T.String({ description: 'who is quoted, as the text names them' })),
        },
        { description: "whose words: the outlet's own voice, or a quotation (the quoted speaker's technique)" },
      ),
    ),
  });
export type TechniqueSpan = StaticOf<typeof TechniqueSpanSchema>;

/**
 * A technique span as the report gives it: a message in the one shape (rule = the detector that
 * found it, source 'techniques', severity 'info', spans = [the span], docs = the detector's doc),
 * with the span's own fields beside (start and end are spans[0]).
 */
export const TechniqueSchema = (T: TypeBuilder) => T.Composite([MessageSchema(T), TechniqueSpanSchema(T)]);
export type Technique = StaticOf<typeof TechniqueSchema>;

export const TechniqueSummarySchema = (T: TypeBuilder) =>
  T.Object({
    threshold: Confidence(T),
    sentenceScores: T.Array(Confidence(T), { description: 'per sentence (as in sentences[]): the probability it carries any technique' }),
    sentenceShare: T.Number({ minimum: 0, maximum: 1, description: 'share of sentences with a technique at or above the threshold' }),
    byTechnique: T.Record(T.String(), T.Number({ minimum: 0, maximum: 1 }), { description: 'that share, by technique' }),
    outletVoiceShare: Nullable(T, T.Number({ minimum: 0, maximum: 1, description: "share of the shown spans in the outlet's own voice (not in a quotation)" })),
  });
export type TechniqueSummary = StaticOf<typeof TechniqueSummarySchema>;

/** Every detected span, split at the model's threshold, with the summary (internal: the report has its parts). */
export interface TechniqueLayer {
  shown: Technique[];
  candidates: Technique[];
  /** absent for a language the model does not read */
  summary?: TechniqueSummary;
}

declare module '../core/layers.js' {
  interface Layers {
    techniqueSpans: TechniqueLayer;
    techniques: Technique[];
    candidates: Technique[];
    techniqueSummary: TechniqueSummary | undefined;
  }
}
