/** The places layer: a gazetteer link per place entity, reported as that entity's `place`; and the affiliations layer. */
import { Confidence, Nullable, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

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
    feature: T.Optional(T.String({ description: 'GeoNames feature code of the linked place: PPLC a capital, PPLA a regional seat, PPL..., ADM1, PCLI a country' })),
    confidence: Confidence(T),
    matchedBy: T.Optional(T.String({ description: 'exact | alternate | transliteration | former-name | fuzzy' })),
    formerName: T.Optional(T.String({ description: 'set when the text uses an old name of a renamed place' })),
    note: T.Optional(T.String()),
    candidates: T.Optional(T.Array(CandidateSchema(T))),
  });
export type PlaceLink = StaticOf<typeof PlaceLinkSchema>;

export const AffiliationSchema = (T: TypeBuilder) =>
  T.Object(
    {
      start: Offset(T),
      end: Offset(T),
      text: T.String(),
      countryCode: T.String(),
      /** a region of the gazetteer, by its name, where the demonym is a region's ("Crimean"); the country is then the region's */
      region: T.Optional(T.String()),
      geonamesId: Nullable(T, T.Integer()),
      lat: Nullable(T, T.Number()),
      lon: Nullable(T, T.Number()),
    },
    { description: 'a demonym ("Russian officials", "Palestinians", "Crimean Tatars") and the country or region it refers to: an affiliation, not a place mention' },
  );
export type Affiliation = StaticOf<typeof AffiliationSchema>;

declare module '../core/layers.js' {
  interface Layers {
    /** demonyms and the countries they refer to */
    affiliations: Affiliation[];
    /** gazetteer links, keyed by the id of a place entity */
    places: Record<string, PlaceLink>;
  }
}
