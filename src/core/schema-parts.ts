/**
 * The pieces every layer's report schema is made of. A layer's schema is written against the
 * TypeBox builder it is given (`(T) => T.Object(...)`) rather than an imported `Type`, so that an
 * analyzer can carry its schema while producing a report never loads TypeBox (~150 ms at
 * start-up): only the schema writer and the tests call these functions.
 */
import type { JavaScriptTypeBuilder, Static, TSchema } from '@sinclair/typebox';

export type TypeBuilder = InstanceType<typeof JavaScriptTypeBuilder>;
/** A schema written against the builder given. */
export type SchemaOf<S extends TSchema = TSchema> = (T: TypeBuilder) => S;
/** The TypeScript type a schema function describes. */
export type StaticOf<F extends SchemaOf> = Static<ReturnType<F>>;

export const Nullable = <S extends TSchema>(T: TypeBuilder, s: S) => T.Union([s, T.Null()]);
export const Offset = (T: TypeBuilder) => T.Integer({ minimum: 0 });
export const Confidence = (T: TypeBuilder) => T.Number({ minimum: 0, maximum: 1 });

export const SpanSchema = (T: TypeBuilder) =>
  T.Object({ start: Offset(T), end: Offset(T) }, { description: '[start, end) in UTF-16 code units of document.text' });
export type Span = StaticOf<typeof SpanSchema>;

export const Severity = (T: TypeBuilder) => T.Union([T.Literal('info'), T.Literal('warning'), T.Literal('error')]);
export type Severity = StaticOf<typeof Severity>;

/**
 * The one message shape (in the manner of vfile messages): what a finding rule reports, what
 * ingest warns of, what the runner cut. `rule` says what fired, `source` which analyzer (or
 * `ingest`, `pipeline`) said it; `docs` is the rule's one-line doc (`unspin rules` lists them).
 */
export const MessageSchema = (T: TypeBuilder) =>
  T.Object({
    rule: T.String({ description: "what fired: a rule id (unspin rules), or the kind of warning or cut" }),
    source: T.String({ description: "who said it: an analyzer's name, 'ingest' or 'pipeline'" }),
    severity: Severity(T),
    message: T.String(),
    spans: T.Array(SpanSchema(T)),
    evidence: T.Optional(T.Record(T.String(), T.Unknown())),
    docs: T.Optional(T.String({ description: "the rule's one-line doc" })),
  });
export type Message = StaticOf<typeof MessageSchema>;

export const ProvenanceSchema = (T: TypeBuilder) =>
  T.Object({
    layer: T.String(),
    analyzer: T.String(),
    version: T.Integer({ minimum: 0, description: "the analyzer's version: bumped whenever what it returns can change" }),
    model: T.Optional(T.Object({ name: T.String(), sha256: T.String({ pattern: '^[0-9a-f]{64}$' }) })),
    ms: T.Number({ minimum: 0 }),
    reused: T.Optional(T.Boolean({ description: 'taken from an earlier report of the same text (analyze --reuse), not recomputed' })),
  });
/** Which analyzer, at which version and with which model, made one layer of a report. */
export type Provenance = StaticOf<typeof ProvenanceSchema>;

export const DatelineSchema = (T: TypeBuilder) =>
  T.Object(
    {
      start: Offset(T),
      end: Offset(T),
      place: T.Optional(SpanSchema(T)),
      region: T.Optional(SpanSchema(T)),
      date: T.Optional(
        T.Object({
          start: Offset(T),
          end: Offset(T),
          month: T.Integer({ minimum: 1, maximum: 12 }),
          day: T.Integer({ minimum: 1, maximum: 31 }),
          year: Nullable(T, T.Integer({ description: 'null when the dateline does not write it' })),
        }),
      ),
      agency: T.Optional(SpanSchema(T)),
    },
    {
      description:
        'the dateline that opens the story ("KYIV, Ukraine (AP) —"): `place` where it was filed ("KYIV"), `region` the country or state after it ("Ukraine"), `date` the filing date, `agency` the agency or outlet that filed it ("AP"); spans in `text`',
    },
  );
export type Dateline = StaticOf<typeof DatelineSchema>;

export const DocumentSchema = (T: TypeBuilder) =>
  T.Object({
    id: T.String({ description: 'stable id: sha256 of the text, first 16 hex digits' }),
    text: T.String(),
    title: T.Optional(T.String()),
    language: T.String({ description: "ISO 639-1 code, or 'und' when unknown" }),
    publishedAt: Nullable(T, T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    publishedAtSource: T.Optional(
      T.Union([T.Literal('option'), T.Literal('meta'), T.Literal('json-ld'), T.Literal('dateline'), T.Literal('readability')]),
    ),
    url: T.Optional(T.String()),
    outlet: T.Optional(T.String()),
    byline: T.Optional(T.String()),
    dateline: T.Optional(DatelineSchema(T)),
    removed: T.Optional(
      T.Array(
        T.Object({
          start: Offset(T),
          end: Offset(T),
          reason: T.Union([
            T.Literal('advertisement'),
            T.Literal('call-to-action'),
            T.Literal('share-bar'),
            T.Literal('photo-credit'),
            T.Literal('related-stories'),
            T.Literal('sidebar'),
            T.Literal('video-prompt'),
          ]),
          text: T.String(),
        }),
        {
          description:
            'page chrome cut from the text before analysis (unless --keep-chrome): offsets in the text as read (for HTML, the text extracted from the page), before the cut; every other offset of the report is in `text`, after it',
        },
      ),
    ),
    source: T.Object({
      kind: T.Union([T.Literal('text'), T.Literal('html'), T.Literal('url'), T.Literal('stdin')]),
      path: T.Optional(T.String()),
    }),
  });
export type DocumentInfo = StaticOf<typeof DocumentSchema>;
