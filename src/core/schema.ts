/**
 * The report contract (ARCHITECTURE.md, "The report"), derived from the registry: the fields
 * every report has, then one field per analyzer that declares a `schema`, in the registry's
 * order. TypeBox gives both the TypeScript type and the committed JSON Schema
 * (`schema/analysis.schema.json`, `npm run schema`). Every span is [start, end) in UTF-16 code
 * units of `document.text`. Producing a report never loads this module (schema-parts.ts says why).
 */
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import type { AnyAnalyzer } from './analyzer.js';
import { defaultAnalyzers } from '../analyzers.js';
import { DocumentSchema, MessageSchema, ProvenanceSchema, type SchemaOf, type TypeBuilder } from './schema-parts.js';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };
export type { DocumentInfo, Message, Provenance, Severity, Span } from './schema-parts.js';
export type { Finding } from '../findings/schema.js';
export type { Token, Sentence } from '../text/schema.js';
export type { Entity, EntityType } from '../entities/schema.js';
export type { PlaceCandidate, PlaceLink } from '../geo/schema.js';
export type { TimeExpr } from '../times/schema.js';
export type { Attribution, SourceKind, Sourcing } from '../attributions/schema.js';
export type { Technique } from '../techniques/schema.js';
export type { Event } from '../events/schema.js';

const head = (T: TypeBuilder) => ({
  schemaVersion: T.Literal(SCHEMA_VERSION),
  tool: T.Object({ name: T.Literal('unspin'), version: T.String() }),
  document: DocumentSchema(T),
});
const tail = (T: TypeBuilder) => ({
  layers: T.Array(ProvenanceSchema(T), { description: 'what made each layer, so a store can tell which are stale after an upgrade' }),
  timings: T.Array(T.Object({ analyzer: T.String(), ms: T.Number({ minimum: 0 }) })),
  cut: T.Array(MessageSchema(T), { description: 'analyzers not run (time budget spent, an input missing), one message each' }),
  warnings: T.Array(MessageSchema(T), { description: 'problems met reading the input or running the analysis' }),
  credits: T.Array(T.String()),
});

type SchemaIn<A> = A extends { schema?: SchemaOf<infer S> } ? S : never;
/** The report's layer fields: one per analyzer with a schema, keyed by the layer it adds. */
export type LayerFields<R extends readonly AnyAnalyzer[]> = {
  [A in R[number] as [SchemaIn<A>] extends [never] ? never : A['adds']]: SchemaIn<A>;
};
type AnalysisProps<R extends readonly AnyAnalyzer[]> = ReturnType<typeof head> & LayerFields<R> & ReturnType<typeof tail>;

/** The schema of the report a list of analyzers produces. */
export function analysisSchema<R extends readonly AnyAnalyzer[]>(analyzers: R): TObject<AnalysisProps<R>> {
  const layers: Record<string, TSchema> = {};
  for (const a of analyzers) if (a.schema) layers[a.adds] = a.schema(Type);
  return Type.Object(
    { ...head(Type), ...layers, ...tail(Type) },
    { $id: 'https://unspin.dev/schema/analysis.schema.json', title: 'unspin Analysis' },
  ) as unknown as TObject<AnalysisProps<R>>;
}

export const AnalysisSchema = analysisSchema(defaultAnalyzers);
export type Analysis = Static<typeof AnalysisSchema>;
