import type { TSchema } from '@sinclair/typebox';
import type { Doc } from './doc.js';
import type { LayerName, Layers } from './layers.js';
import type { SchemaOf } from './schema-parts.js';

/** What an analyzer may consult while it runs. */
export interface RunContext {
  /** true once the article's time budget is spent; long loops should check it and stop early */
  expired(): boolean;
}

/**
 * One step of the flow in docs/ARCHITECTURE.md: a plain function that reads the layers it declares
 * and returns exactly one new layer. The registry (src/analyzers.ts) lists analyzers; the runner
 * orders them by what they require, and the report and its schema are derived from these fields.
 */
export interface Analyzer<K extends LayerName = LayerName, S extends TSchema = TSchema> {
  name: string;
  /**
   * The analyzer's version, bumped by hand whenever what it returns can change; a stored layer
   * made by another version is stale. A test fails when the analyzer's source changes without it.
   */
  version: number;
  /** layers that must be present: without one the analyzer is cut, with the reason */
  requires: readonly LayerName[];
  /** layers read when present (an analyzer stays useful without them); they run first */
  optional?: readonly LayerName[];
  adds: K;
  /** the layer's field in the report, as a TypeBox schema; without it the layer stays internal */
  schema?: SchemaOf<S>;
  /** the report's value when the analyzer did not run; without it the field is left out */
  absent?: Layers[K];
  /** a layer keyed by entity id, reported as a field of those entities instead of one of its own */
  attach?: { to: LayerName; as: string };
  /** a credit line for the report, given the layer (undefined: nothing to credit this time) */
  credit?(layer: Layers[K]): string | undefined;
  run(doc: Doc, ctx: RunContext): Layers[K];
  /**
   * Loads the analyzer's model ahead of its first run on an article in `language` (a cold start
   * does it while other work runs); an analyzer that will not run for that language loads nothing.
   */
  warm?(language: string): void;
}

/** Any analyzer, whatever its layer. */
export type AnyAnalyzer = Analyzer<LayerName, TSchema>;

/** Declares an analyzer with its layer type checked against what `run` returns. */
export function defineAnalyzer<K extends LayerName, S extends TSchema = never>(a: Analyzer<K, S>): Analyzer<K, S> {
  return a;
}
