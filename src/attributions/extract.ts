/**
 * From tokens to attribution groups: the tagger's spans grouped by nearest cue (group.ts), with
 * the cues it read as part of a claim or left without a source (coordinated verbs, participles
 * after a comma: rules.ts), then the rule groups (rules.ts). An "according to" / "as per" rule group replaces tagger groups
 * whose cue it overlaps (the rule reads that construction exactly); a passive rule group
 * with an agent ("by X") replaces a tagger group on the same cue that found no source; any
 * other is added where the tagger found no cue on its cue; where the tagger found that cue but
 * no source, its group is marked passive. Tagger groups that are not attributions go (noise.ts).
 */
import type { Token } from '../core/doc.js';
import type { Sentence } from '../core/schema.js';
import { groupSpans, type Group } from './group.js';
import { isNoise } from './noise.js';
import { cuesInContent, repairLabels } from './repair.js';
import { quoteState } from './features.js';
import { cueStrength, lemma } from './lexicon.js';
import { coordinatedCues, participleCues, passiveAgent, ruleGroups } from './rules.js';
import { BEAM_WIDTH, decodeBeam, labelsToSpans, type TaggerModel } from './tagger.js';
import { lowerBound } from '../core/search.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** `margins`: filled with each token's tagger margin (decodeBeam), for the attribution confidence. */
export function extractGroups(model: TaggerModel, text: string, sentences: readonly Sentence[], tokens: readonly Token[], margins?: Float64Array): Group[] {
  const isCue = (i: number) => cueStrength(model.lexicon, lemma(tokens[i]!.text)) >= 2;
  let quoted: Uint8Array | undefined;
  const quotes = () => (quoted ??= quoteState(tokens, text));
  const labels = cuesInContent(tokens, decodeBeam(model, tokens, text, BEAM_WIDTH, margins), isCue, quotes);
  const tagged = groupSpans(text, sentences, labelsToSpans(tokens, repairLabels(tokens, labels)));
  for (const g of tagged) {
    if (!g.source || !g.cue) continue;
    const agent = passiveAgent(text, g.source, g.cue, sentences[g.sentence]?.end ?? text.length);
    if (agent) g.source = agent;
  }
  tagged.push(...coordinatedCues(tokens, tagged, isCue, quotes));
  tagged.push(...participleCues(text, tokens, tagged, isCue, quotes));
  // Tagger groups by cue start, so that each rule finds the groups on its cue by binary search.
  const byCue = tagged.filter((g) => g.cue).sort((a, b) => a.cue!.start - b.cue!.start);
  const removed = new Set<Group>();
  const added: Group[] = [];
  for (const rule of ruleGroups(text, sentences)) {
    const cue = rule.cue!;
    const onCue: Group[] = [];
    const lo = lowerBound(byCue, (g) => g.cue!.end <= cue.start);
    // cues do not overlap one another, so those overlapping this one are consecutive from lo
    for (let k = lo; k < byCue.length && byCue[k]!.cue!.start < cue.end; k++) if (overlaps(byCue[k]!.cue!, cue)) onCue.push(byCue[k]!);
    if (rule.mode === 'according-to' || (rule.source && onCue.length > 0 && onCue.every((g) => !g.source))) {
      onCue.forEach((g) => removed.add(g));
      added.push(rule);
    } else if (onCue.length === 0) added.push(rule);
    else if (!rule.source) {
      // The tagger read the same passive cue and found no agent either: keep its spans, say it is passive.
      for (const g of onCue) if (!g.source) g.mode = 'passive';
    }
  }
  const groups = [...tagged.filter((g) => !removed.has(g) && !isNoise(text, tokens, g)), ...added];
  return groups.sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);
}
