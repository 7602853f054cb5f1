/** The text layers: sentences (in the report) and tokens (internal). */
import { Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const SentenceSchema = (T: TypeBuilder) => T.Object({ start: Offset(T), end: Offset(T) });
export type Sentence = StaticOf<typeof SentenceSchema>;

/** A word or punctuation token. `pos` is a Universal Dependencies tag ('X' when unknown). */
export interface Token {
  start: number;
  end: number;
  text: string;
  pos: string;
  /** index into the sentences layer */
  sentence: number;
}

declare module '../core/layers.js' {
  interface Layers {
    sentences: Sentence[];
    tokens: Token[];
  }
}
