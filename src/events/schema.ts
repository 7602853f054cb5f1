/** The events layer: who did what to whom, where, when and according to whom. */
import { Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const EventSchema = (T: TypeBuilder) =>
  T.Object({
    id: T.String(),
    type: T.String({ description: 'ACLED-aligned: battle | shelling | territory-taken | deployment | casualties | statement | denial | other' }),
    start: Offset(T),
    end: Offset(T),
    trigger: T.Optional(T.Object({ start: Offset(T), end: Offset(T), text: T.String() })),
    actors: T.Array(
      T.Object({
        entityId: T.Optional(T.String()),
        text: T.String(),
        role: T.String(),
        side: T.Optional(T.String({ description: "the country an armed actor fights for, from a nationality word ('Russian troops' -> RU)" })),
      }),
    ),
    placeEntityId: T.Optional(T.String()),
    time: T.Optional(
      T.Object({
        value: Nullable(T, T.String()),
        start: Offset(T),
        end: Offset(T),
        precision: T.Optional(T.String({ description: 'day | week | month | season | year | partial' })),
        partial: T.Optional(T.Boolean({ description: 'no year or no value: the place in the timeline is approximate' })),
      }),
    ),
    attributionId: T.Optional(T.String()),
    subtype: T.Optional(T.String({ description: 'finer kind: presence (troops seen holding a place), withdrawal...' })),
    side: T.Optional(T.String({ description: 'the side that acts (takes, holds, deploys), as actors[].side' })),
    summary: T.Optional(T.String({ description: 'one line for a timeline: actor, action, place' })),
  });
export type Event = StaticOf<typeof EventSchema>;

declare module '../core/layers.js' {
  interface Layers {
    events: Event[];
  }
}
