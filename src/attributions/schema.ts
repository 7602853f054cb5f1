/** The attributions layer (who claims what) and the sourcing profile computed from it. */
import { Confidence, Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const SourceKind = (T: TypeBuilder) =>
  T.Union([
    T.Literal('named-person'),
    T.Literal('named-organization'),
    T.Literal('outlet'),
    T.Literal('anonymous'),
    T.Literal('pseudonymous'),
    T.Literal('collective'),
    T.Literal('document'),
    T.Literal('unknown'),
  ]);
export type SourceKind = StaticOf<typeof SourceKind>;

export const AttributionSchema = (T: TypeBuilder) =>
  T.Object({
    id: T.String(),
    source: Nullable(
      T,
      T.Object({
        start: Offset(T),
        end: Offset(T),
        text: T.String(),
        kind: SourceKind(T),
        entityId: T.Optional(T.String()),
        refersTo: T.Optional(
          T.String({ description: 'id of an earlier attribution whose source this one names again ("the source", "he")' }),
        ),
      }),
    ),
    cue: T.Optional(T.Object({ start: Offset(T), end: Offset(T), text: T.Optional(T.String()) })),
    content: T.Object({ start: Offset(T), end: Offset(T) }),
    via: T.Optional(T.Array(T.Object({ name: T.String(), entityId: T.Optional(T.String()) }))),
    mode: T.Optional(T.String({ description: 'direct | indirect | according-to | passive | continuation | mixed' })),
    confidence: T.Optional(Confidence(T)),
  });
export type Attribution = StaticOf<typeof AttributionSchema>;

export const SourcingSchema = (T: TypeBuilder) =>
  T.Object({
    byKind: T.Record(T.String(), T.Integer({ minimum: 0 })),
    factualSentences: T.Integer({ minimum: 0 }),
    unattributedShare: T.Number({ minimum: 0, maximum: 1 }),
    anonymousOrCollectiveShare: T.Number({ minimum: 0, maximum: 1 }),
    namedSources: T.Array(T.String()),
    outlets: T.Array(T.String()),
  });
export type Sourcing = StaticOf<typeof SourcingSchema>;

declare module '../core/layers.js' {
  interface Layers {
    attributions: Attribution[];
    sourcing: Sourcing;
  }
}
