/**
 * Tagger groups that are not attributions, dropped before they are reported. A group with no
 * source (and not a passive or "according to" reading, which name no agent by design) is kept only
 * when its cue is a claiming verb used as one. Not kept:
 *  - a cue of nouns only ("the hope that ...", "questions about ...", "consensus"): with no source
 *    it describes a state of affairs, it does not report anyone's claim;
 *  - an infinitive of purpose ("a term used to describe ...") and "so-called": a naming, not a claim;
 *  - a continuation (content with no cue of its own) without a verb: "a once-loyal voting bloc"
 *    is a noun phrase the tagger read as content, not a claim that goes on;
 *  - with or without a source, a one-word cue between a determiner and a noun ("the reported
 *    presence of ...", "an alleged plot"): an adjective, not a verb of saying;
 *  - a cue made of verbs of doing and no word of communication or cognition (cue-words.ts): "the
 *    brigade has repelled", "City Council Approves": an action told, not a claim reported.
 * (A noun cue glued to its source, "a series of intelligence" + "reports", is handled earlier, in repair.ts.)
 */
import type { Token } from '../core/doc.js';
import type { Group } from './group.js';
import { lowerBound } from '../core/search.js';
import { isActionCue } from './cue-words.js';

const VERBAL = new Set(['VERB', 'AUX']);
const NAMING = /(?:\bto\s+|\bso-\s*)$/i;

/** Tokens inside [start, end), found by binary search over the offset-sorted tokens. */
function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  const lo = lowerBound(tokens, (t) => t.end <= start);
  const out: Token[] = [];
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) out.push(tokens[k]!);
  return out;
}

const DETERMINER = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+$/iu;

export function isNoise(text: string, tokens: readonly Token[], group: Group): boolean {
  const { cue, source } = group;
  if (group.mode === 'continuation') return !group.contents.some((c) => tokensIn(tokens, c.start, c.end).some((t) => VERBAL.has(t.pos)));
  if (!cue || group.mode === 'according-to') return false;
  if (isActionCue(text.slice(cue.start, cue.end))) return true;
  if (group.mode === 'passive') return false;
  if (adjectival(text, tokens, cue)) return true;
  if (source) return false;
  const verbal = tokensIn(tokens, cue.start, cue.end).some((t) => VERBAL.has(t.pos) || t.text === ':');
  return !verbal || NAMING.test(text.slice(Math.max(0, cue.start - 4), cue.start));
}

/** "the reported presence of ...": a one-word cue between a determiner and a noun is an adjective. */
function adjectival(text: string, tokens: readonly Token[], cue: { start: number; end: number }): boolean {
  const words = tokensIn(tokens, cue.start, cue.end);
  if (words.length !== 1 || !DETERMINER.test(text.slice(Math.max(0, cue.start - 8), cue.start))) return false;
  const next = tokens[lowerBound(tokens, (t) => t.start < cue.end)];
  return next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN');
}
