/**
 * The report contract (ARCHITECTURE.md, "The report"), written once with TypeBox so that the
 * TypeScript types and the committed JSON Schema (`schema/analysis.schema.json`) come from one
 * source. Every span is [start, end) in UTF-16 code units of `document.text`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Offset = Type.Integer({ minimum: 0 });
const Confidence = Type.Number({ minimum: 0, maximum: 1 });

export const SpanSchema = Type.Object(
  { start: Offset, end: Offset },
  { $id: 'Span', description: '[start, end) in UTF-16 code units of document.text' },
);
export type Span = Static<typeof SpanSchema>;

export const DocumentSchema = Type.Object({
  id: Type.String({ description: 'stable id: sha256 of the text, first 16 hex digits' }),
  text: Type.String(),
  title: Type.Optional(Type.String()),
  language: Type.String({ description: "ISO 639-1 code, or 'und' when unknown" }),
  publishedAt: Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  publishedAtSource: Type.Optional(
    Type.Union([
      Type.Literal('option'),
      Type.Literal('meta'),
      Type.Literal('json-ld'),
      Type.Literal('dateline'),
      Type.Literal('readability'),
    ]),
  ),
  url: Type.Optional(Type.String()),
  outlet: Type.Optional(Type.String()),
  byline: Type.Optional(Type.String()),
  source: Type.Object({
    kind: Type.Union([Type.Literal('text'), Type.Literal('html'), Type.Literal('url'), Type.Literal('stdin')]),
    path: Type.Optional(Type.String()),
  }),
});
export type DocumentInfo = Static<typeof DocumentSchema>;

export const SentenceSchema = Type.Object({ start: Offset, end: Offset });
export type Sentence = Static<typeof SentenceSchema>;

export const CandidateSchema = Type.Object({
  geonamesId: Nullable(Type.Integer({ description: 'null for a country or a region from our own list (not in cities500)' })),
  name: Type.String(),
  kind: Type.Optional(Type.String({ description: 'city | region | country' })),
  countryCode: Type.String(),
  admin1: Type.Optional(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  population: Type.Optional(Type.Integer({ minimum: 0 })),
  score: Type.Number(),
  reasons: Type.Array(Type.String()),
});
export type PlaceCandidate = Static<typeof CandidateSchema>;

export const PlaceLinkSchema = Type.Object({
  geonamesId: Nullable(Type.Integer({ description: 'null when no candidate fits' })),
  name: Type.String(),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  countryCode: Nullable(Type.String()),
  confidence: Confidence,
  matchedBy: Type.Optional(Type.String({ description: 'exact | alternate | transliteration | former-name | fuzzy' })),
  formerName: Type.Optional(Type.String({ description: 'set when the text uses an old name of a renamed place' })),
  note: Type.Optional(Type.String()),
  candidates: Type.Optional(Type.Array(CandidateSchema)),
});
export type PlaceLink = Static<typeof PlaceLinkSchema>;

export const EntityType = Type.Union([
  Type.Literal('person'),
  Type.Literal('organization'),
  Type.Literal('outlet'),
  Type.Literal('military-unit'),
  Type.Literal('place'),
  Type.Literal('other'),
]);
export type EntityType = Static<typeof EntityType>;

export const MentionSchema = Type.Object({
  start: Offset,
  end: Offset,
  text: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String({ description: 'name | surname | nominal | pronoun' })),
  confidence: Type.Optional(Confidence),
});

export const EntitySchema = Type.Object({
  id: Type.String(),
  type: EntityType,
  name: Type.String(),
  role: Type.Optional(Type.String({ description: "a person's role or title, e.g. 'Chief of the General Staff'" })),
  mentions: Type.Array(MentionSchema),
  place: Type.Optional(PlaceLinkSchema),
  confidence: Type.Optional(Confidence),
});
export type Entity = Static<typeof EntitySchema>;

export const SourceKind = Type.Union([
  Type.Literal('named-person'),
  Type.Literal('named-organization'),
  Type.Literal('outlet'),
  Type.Literal('anonymous'),
  Type.Literal('pseudonymous'),
  Type.Literal('collective'),
  Type.Literal('document'),
  Type.Literal('unknown'),
]);
export type SourceKind = Static<typeof SourceKind>;

export const AttributionSchema = Type.Object({
  id: Type.String(),
  source: Nullable(
    Type.Object({
      start: Offset,
      end: Offset,
      text: Type.String(),
      kind: SourceKind,
      entityId: Type.Optional(Type.String()),
      refersTo: Type.Optional(
        Type.String({ description: 'id of an earlier attribution whose source this one names again ("the source", "he")' }),
      ),
    }),
  ),
  cue: Type.Optional(Type.Object({ start: Offset, end: Offset, text: Type.Optional(Type.String()) })),
  content: Type.Object({ start: Offset, end: Offset }),
  via: Type.Optional(Type.Array(Type.Object({ name: Type.String(), entityId: Type.Optional(Type.String()) }))),
  mode: Type.Optional(
    Type.String({ description: 'direct | indirect | according-to | passive | continuation | mixed' }),
  ),
  confidence: Type.Optional(Confidence),
});
export type Attribution = Static<typeof AttributionSchema>;

export const SourcingSchema = Type.Object({
  byKind: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  factualSentences: Type.Integer({ minimum: 0 }),
  unattributedShare: Type.Number({ minimum: 0, maximum: 1 }),
  anonymousOrCollectiveShare: Type.Number({ minimum: 0, maximum: 1 }),
  namedSources: Type.Array(Type.String()),
  outlets: Type.Array(Type.String()),
});
export type Sourcing = Static<typeof SourcingSchema>;

export const TimeSchema = Type.Object({
  start: Offset,
  end: Offset,
  text: Type.String(),
  type: Type.Union([Type.Literal('DATE'), Type.Literal('TIME'), Type.Literal('DURATION'), Type.Literal('SET')], {
    description: 'TIMEX3 type: a calendar date or period (DATE), a time of day (TIME), a length of time (DURATION), a recurrence (SET)',
  }),
  value: Nullable(
    Type.String({
      description:
        'TIMEX3 value, as precise as known: 2025-12-13 | 2025-12 | 2025 | 2022-SP | 2025-W50 | 2025-Q3 | 2025-12-13TEV | 2025-12-13T22:00 | P3W | PT2H | PRESENT_REF | PAST_REF | FUTURE_REF | XXXX-12-13 (year unknown)',
    }),
  ),
  precision: Type.Optional(
    Type.String({ description: 'how finely the value places the expression: minute | day | week | month | quarter | season | half | year | decade | century | partial' }),
  ),
  end_value: Type.Optional(Type.String({ description: 'end of a range, when stated' })),
  interval: Type.Optional(
    Type.Object(
      { start: Type.String(), end: Type.String() },
      { description: 'the days a DURATION covers when the text fixes them ("the past two weeks"), first and last' },
    ),
  ),
  anchored: Type.Optional(Type.Boolean()),
});
export type TimeExpr = Static<typeof TimeSchema>;

export const TechniqueSchema = Type.Object({
  technique: Type.String({ description: 'one of the 14 PTC classes, spelled as in techniques-14.txt' }),
  start: Offset,
  end: Offset,
  confidence: Confidence,
  cues: Type.Optional(Type.Array(Type.String())),
});
export type Technique = Static<typeof TechniqueSchema>;

export const EventSchema = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'ACLED-aligned: battle | shelling | territory-taken | deployment | casualties | statement | denial | other' }),
  start: Offset,
  end: Offset,
  trigger: Type.Optional(Type.Object({ start: Offset, end: Offset, text: Type.String() })),
  actors: Type.Array(
    Type.Object({
      entityId: Type.Optional(Type.String()),
      text: Type.String(),
      role: Type.String(),
      side: Type.Optional(Type.String({ description: "the country an armed actor fights for, from a nationality word ('Russian troops' -> RU)" })),
    }),
  ),
  placeEntityId: Type.Optional(Type.String()),
  time: Type.Optional(
    Type.Object({
      value: Nullable(Type.String()),
      start: Offset,
      end: Offset,
      precision: Type.Optional(Type.String({ description: 'day | week | month | season | year | partial' })),
      partial: Type.Optional(Type.Boolean({ description: 'no year or no value: the place in the timeline is approximate' })),
    }),
  ),
  attributionId: Type.Optional(Type.String()),
  subtype: Type.Optional(Type.String({ description: 'finer kind: presence (troops seen holding a place), withdrawal...' })),
  side: Type.Optional(Type.String({ description: 'the side that acts (takes, holds, deploys), as actors[].side' })),
  summary: Type.Optional(Type.String({ description: 'one line for a timeline: actor, action, place' })),
});
export type Event = Static<typeof EventSchema>;

export const Severity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]);
export type Severity = Static<typeof Severity>;

export const FindingSchema = Type.Object({
  rule: Type.String(),
  severity: Severity,
  message: Type.String(),
  spans: Type.Array(SpanSchema),
  evidence: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type Finding = Static<typeof FindingSchema>;

export const TimingSchema = Type.Object({ analyzer: Type.String(), ms: Type.Number({ minimum: 0 }) });

export const AnalysisSchema = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    tool: Type.Object({ name: Type.Literal('unspin'), version: Type.String() }),
    document: DocumentSchema,
    sentences: Type.Array(SentenceSchema),
    entities: Type.Array(EntitySchema),
    attributions: Type.Array(AttributionSchema),
    sourcing: Type.Optional(SourcingSchema),
    times: Type.Array(TimeSchema),
    techniques: Type.Array(TechniqueSchema),
    events: Type.Array(EventSchema),
    findings: Type.Array(FindingSchema),
    timings: Type.Array(TimingSchema),
    cut: Type.Array(Type.String(), { description: 'analyzers not run because the time budget ran out' }),
    warnings: Type.Array(Type.String()),
    credits: Type.Array(Type.String()),
  },
  { $id: 'https://unspin.dev/schema/analysis.schema.json', title: 'unspin Analysis' },
);
export type Analysis = Static<typeof AnalysisSchema>;
