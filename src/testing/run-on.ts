/**
 * Run-on input for the tests that keep stages linear: one "sentence" made of `n` copies of `unit`,
 * each carrying one attribution whose spans are located by searching the unit for their wording.
 */
import type { Attribution } from '../core/schema.js';

export interface RepeatedClaim {
  /** the source's wording in the unit; none for an agentless claim */
  source?: string;
  cue: string;
  /** the claim's wording in the unit (where it begins, with `toEnd`) */
  content: string;
  /** the claim runs from its wording to the end of the text */
  toEnd?: boolean;
  mode: NonNullable<Attribution['mode']>;
}

export function repeatedClaims(unit: string, n: number, claim: RepeatedClaim): { text: string; attributions: Attribution[] } {
  const text = unit.repeat(n);
  const at = (piece: string, offset: number) => {
    const start = unit.indexOf(piece);
    if (start < 0) throw new Error(`'${piece}' is not in '${unit}'`);
    return { start: offset + start, end: offset + start + piece.length };
  };
  const attributions = Array.from({ length: n }, (_, i): Attribution => {
    const offset = i * unit.length;
    return {
      id: `a${i + 1}`,
      source: claim.source ? { ...at(claim.source, offset), text: claim.source, kind: 'named-person' } : null,
      cue: { ...at(claim.cue, offset), text: claim.cue },
      content: claim.toEnd ? { start: at(claim.content, offset).start, end: text.length } : at(claim.content, offset),
      mode: claim.mode,
    };
  });
  return { text, attributions };
}
