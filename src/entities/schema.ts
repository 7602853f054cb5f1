/** The entities layer: people, organisations, outlets, units and places with their mentions. */
import { Confidence, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';
import { PlaceLinkSchema } from '../geo/schema.js';

export const EntityType = (T: TypeBuilder) =>
  T.Union([
    T.Literal('person'),
    T.Literal('organization'),
    T.Literal('outlet'),
    T.Literal('military-unit'),
    T.Literal('place'),
    T.Literal('other'),
  ]);
export type EntityType = StaticOf<typeof EntityType>;

export const MentionSchema = (T: TypeBuilder) =>
  T.Object({
    start: Offset(T),
    end: Offset(T),
    text: T.Optional(T.String()),
    kind: T.Optional(T.String({ description: 'name | surname | nominal | pronoun' })),
    confidence: T.Optional(Confidence(T)),
  });

export const EntitySchema = (T: TypeBuilder) =>
  T.Object({
    id: T.String(),
    type: EntityType(T),
    name: T.String(),
    role: T.Optional(T.String({ description: "a person's role or title, e.g. 'Chief of the General Staff'" })),
    mentions: T.Array(MentionSchema(T)),
    /** attached from the places layer in the report */
    place: T.Optional(PlaceLinkSchema(T)),
    confidence: T.Optional(Confidence(T)),
  });
export type Entity = StaticOf<typeof EntitySchema>;

declare module '../core/layers.js' {
  interface Layers {
    entities: Entity[];
  }
}
