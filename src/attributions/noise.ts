/**
 * Tagger groups that are not attributions, dropped before they are reported. A group with no
 * source (and not a passive or "according to" reading, which name no agent by design) is kept only
 * when its cue is a claiming verb used as one. Not kept:
 *  - a cue of nouns only ("the hope that ...", "questions about ...", "consensus"): with no source
 *    it describes a state of affairs, it does not report anyone's claim;
 *  - an infinitive of purpose ("a term used to describe ...") and "so-called": a naming, not a claim.
 * A noun cue right after its source is the head of the source's own noun phrase ("a series of
 * intelligence reports"): the phrase is one thing, not a source and its claim, so the group goes.
 */
import type { Token } from '../core/doc.js';
import type { Group } from './group.js';

const VERBAL = new Set(['VERB', 'AUX']);
const NAMING = /(?:\bto\s+|\bso-\s*)$/i;
const POSSESSIVE_END = /(?:’s|'s|’|')$/;

/** Tokens inside [start, end), found by binary search over the offset-sorted tokens. */
function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) out.push(tokens[k]!);
  return out;
}

export function isNoise(text: string, tokens: readonly Token[], group: Group): boolean {
  const { cue, source } = group;
  if (!cue || group.mode === 'passive' || group.mode === 'according-to' || group.mode === 'continuation') return false;
  const verbal = tokensIn(tokens, cue.start, cue.end).some((t) => VERBAL.has(t.pos) || t.text === ':');
  if (!source) return !verbal || NAMING.test(text.slice(Math.max(0, cue.start - 4), cue.start));
  if (verbal || source.end > cue.start) return false;
  const gap = text.slice(source.end, cue.start);
  return /^[ \t]+$/.test(gap) && !POSSESSIVE_END.test(text.slice(source.start, source.end));
}
