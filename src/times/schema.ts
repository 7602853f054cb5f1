/** The times layer: every temporal expression as TimeML's TIMEX3 types and values it. */
import { Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const TimeSchema = (T: TypeBuilder) =>
  T.Object({
    start: Offset(T),
    end: Offset(T),
    text: T.String(),
    type: T.Union([T.Literal('DATE'), T.Literal('TIME'), T.Literal('DURATION'), T.Literal('SET')], {
      description: 'TIMEX3 type: a calendar date or period (DATE), a time of day (TIME), a length of time (DURATION), a recurrence (SET)',
    }),
    value: Nullable(
      T,
      T.String({
        description:
          'TIMEX3 value, as precise as known: 2025-12-13 | 2025-12 | 2025 | 2022-SP | 2025-W50 | 2025-Q3 | 2025-H1 | 2025-12-13TEV | 2025-12-13T22:00 | P3W | PT2H | PRESENT_REF | PAST_REF | FUTURE_REF | XXXX-12-13 (year unknown)',
      }),
    ),
    precision: T.Optional(
      T.String({ description: 'how finely the value places the expression: minute | day | week | month | quarter | season | half | year | decade | century | partial' }),
    ),
    end_value: T.Optional(T.String({ description: 'end of a range, when stated' })),
    interval: T.Optional(
      T.Object(
        { start: T.String(), end: T.String() },
        { description: 'the days a DURATION covers when the text fixes them ("the past two weeks"), first and last' },
      ),
    ),
    anchored: T.Optional(T.Boolean()),
  });
export type TimeExpr = StaticOf<typeof TimeSchema>;

declare module '../core/layers.js' {
  interface Layers {
    times: TimeExpr[];
  }
}
