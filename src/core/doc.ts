/**
 * The one document object every analyzer reads (in the manner of spaCy's Doc): the ingested text
 * with its metadata, and the layers added so far. Analyzers never mutate a layer; the runner
 * stores what each one returns.
 */
import type {
  Attribution,
  DocumentInfo,
  Entity,
  Event,
  Finding,
  PlaceLink,
  Sentence,
  Sourcing,
  Technique,
  TechniqueSummary,
  TimeExpr,
} from './schema.js';

/** A word or punctuation token. `pos` is a Universal Dependencies tag ('X' when unknown). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  /** index into the sentences layer */
  sentence: number;
}

/** Every layer an analyzer can add, by name. */
export interface Layers {
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  /** gazetteer links, keyed by the id of a place entity */
  places: Record<string, PlaceLink>;
  times: TimeExpr[];
  attributions: Attribution[];
  sourcing: Sourcing;
  /** shown: at or above the model's threshold; candidates: below it */
  techniques: { shown: Technique[]; candidates: Technique[]; summary?: TechniqueSummary };
  events: Event[];
  findings: Finding[];
}
export type LayerName = keyof Layers;

export class Doc {
  readonly text: string;
  private readonly layers: Partial<Layers> = {};

  constructor(
    readonly info: DocumentInfo,
    /** problems met while reading the input (replaced bytes, missing metadata...) */
    readonly warnings: string[] = [],
  ) {
    this.text = info.text;
  }

  has(name: LayerName): boolean {
    return name in this.layers;
  }

  /** A layer the analyzer declared in `reads`; the runner guarantees it is present. */
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
