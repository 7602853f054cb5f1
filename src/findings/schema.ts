/** The findings layer: consistency checks across the article's layers, in the one message shape. */
import type { Finding } from '../core/schema-parts.js';

declare module '../core/layers.js' {
  interface Layers {
    findings: Finding[];
  }
}
