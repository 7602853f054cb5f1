/** The places layer: a gazetteer link per place entity, reported as that entity's `place`. */
import { Confidence, Nullable, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const CandidateSchema = (T: TypeBuilder) =>
  T.Object({
    geonamesId: Nullable(T, T.Integer({ description: 'null for a country or a region from our own list (not in cities500)' })),
    name: T.String(),
    kind: T.Optional(T.String({ description: 'city | region | country' })),
    countryCode: T.String(),
    admin1: T.Optional(T.String()),
    lat: T.Number(),
    lon: T.Number(),
    population: T.Optional(T.Integer({ minimum: 0 })),
    score: T.Number(),
    reasons: T.Array(T.String()),
  });
export type PlaceCandidate = StaticOf<typeof CandidateSchema>;

export const PlaceLinkSchema = (T: TypeBuilder) =>
  T.Object({
    geonamesId: Nullable(T, T.Integer({ description: 'null when no candidate fits' })),
    name: T.String(),
    lat: Nullable(T, T.Number()),
    lon: Nullable(T, T.Number()),
    countryCode: Nullable(T, T.String()),
    confidence: Confidence(T),
    matchedBy: T.Optional(T.String({ description: 'exact | alternate | transliteration | former-name | fuzzy' })),
    formerName: T.Optional(T.String({ description: 'set when the text uses an old name of a renamed place' })),
    note: T.Optional(T.String()),
    candidates: T.Optional(T.Array(CandidateSchema(T))),
  });
export type PlaceLink = StaticOf<typeof PlaceLinkSchema>;

declare module '../core/layers.js' {
  interface Layers {
    /** gazetteer links, keyed by the id of a place entity */
    places: Record<string, PlaceLink>;
  }
}
