/** The times layer: every temporal expression with its normalised value. */
import { Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const TimeSchema = (T: TypeBuilder) =>
  T.Object({
    start: Offset(T),
    end: Offset(T),
    text: T.String(),
    value: Nullable(T, T.String({ description: 'ISO 8601 as precise as known: 2025-12-13 | 2025-12 | 2025 | 2022-SP' })),
    precision: T.Optional(T.String({ description: 'day | week | month | season | year | partial' })),
    end_value: T.Optional(T.String({ description: 'end of a range, when stated' })),
    anchored: T.Optional(T.Boolean()),
  });
export type TimeExpr = StaticOf<typeof TimeSchema>;

declare module '../core/layers.js' {
  interface Layers {
    times: TimeExpr[];
  }
}
