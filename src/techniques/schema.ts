/** The techniques layer: PTC persuasion-technique spans with confidence and cues. */
import { Confidence, Offset, type StaticOf, type TypeBuilder } from '../core/schema-parts.js';

export const TechniqueSchema = (T: TypeBuilder) =>
  T.Object({
    technique: T.String({ description: 'one of the 14 PTC classes, spelled as in techniques-14.txt' }),
    start: Offset(T),
    end: Offset(T),
    confidence: Confidence(T),
    cues: T.Optional(T.Array(T.String())),
  });
export type Technique = StaticOf<typeof TechniqueSchema>;

declare module '../core/layers.js' {
  interface Layers {
    techniques: Technique[];
  }
}
