/** The findings layer: consistency checks across the article's layers, in the one message shape. */
import { MessageSchema, type Message } from '../core/schema-parts.js';

/** A finding is a message of the findings analyzer (source 'findings', its rule's doc in `docs`). */
export const FindingSchema = MessageSchema;
export type Finding = Message;

declare module '../core/layers.js' {
  interface Layers {
    findings: Finding[];
  }
}
