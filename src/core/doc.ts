/**
 * The one document object every analyzer reads (in the manner of spaCy's Doc): the ingested text
 * with its metadata, and the layers added so far. Analyzers never mutate a layer; the runner
 * stores what each one returns.
 */
import type { DocumentInfo, Message } from './schema-parts.js';
import type { LayerName, Layers } from './layers.js';

export type { LayerName, Layers } from './layers.js';
export type { Token } from '../text/schema.js';

export class Doc {
  readonly text: string;
  private readonly layers: Partial<Layers> = {};

  constructor(
    readonly info: DocumentInfo,
    /** problems met while reading the input (replaced bytes, missing metadata...) */
    readonly warnings: Message[] = [],
  ) {
    this.text = info.text;
  }

  has(name: LayerName): boolean {
    return name in this.layers;
  }

  /** A layer the analyzer declared in `requires`; the runner guarantees it is present. */
  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer '${name}' has not been computed`);
    return layer as Layers[K];
  }

  /** A layer that may be absent (cut by the budget, or not in this pipeline). */
  maybe<K extends LayerName>(name: K): Layers[K] | undefined {
    return this.layers[name] as Layers[K] | undefined;
  }

  /** Used by the pipeline runner only: each layer is set once. */
  set<K extends LayerName>(name: K, value: Layers[K]): void {
    if (name in this.layers) throw new Error(`layer '${name}' is already set`);
    this.layers[name] = value;
  }

  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }
}
