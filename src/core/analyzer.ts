import type { Doc, LayerName, Layers } from './doc.js';

/** What an analyzer may consult while it runs. */
export interface RunContext {
  /** true once the article's time budget is spent; long loops should check it and stop early */
  expired(): boolean;
}

/**
 * One step of the flow in ARCHITECTURE.md: a plain function that reads the layers it declares
 * and returns exactly one new layer.
 */
export interface Analyzer<K extends LayerName = LayerName> {
  name: string;
  reads: readonly LayerName[];
  adds: K;
  run(doc: Doc, ctx: RunContext): Layers[K];
  /**
   * Loads the analyzer's model ahead of its first run on an article in `language` (a cold start
   * does it while other work runs); an analyzer that will not run for that language loads nothing.
   */
  warm?(language: string): void;
}

/** Declares an analyzer with its layer type checked. */
export function defineAnalyzer<K extends LayerName>(a: Analyzer<K>): Analyzer<K> {
  return a;
}
