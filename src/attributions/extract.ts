/**
 * From tokens to attribution groups: the tagger's spans grouped by nearest cue (group.ts), then
 * the rule groups (rules.ts). An "according to" / "as per" rule group replaces tagger groups
 * whose cue it overlaps (the rule reads that construction exactly); a passive rule group is
 * added only where the tagger found no cue.
 */
import type { Token } from '../core/doc.js';
import type { Sentence } from '../core/schema.js';
import { groupSpans, type Group } from './group.js';
import { repairLabels } from './repair.js';
import { ruleGroups } from './rules.js';
import { decode, labelsToSpans, type TaggerModel } from './tagger.js';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function extractGroups(model: TaggerModel, text: string, sentences: readonly Sentence[], tokens: readonly Token[]): Group[] {
  const tagged = groupSpans(text, sentences, labelsToSpans(tokens, repairLabels(tokens, decode(model, tokens, text))));
  let groups = tagged;
  for (const rule of ruleGroups(text, sentences)) {
    const clash = (g: Group) => (g.cue && overlaps(g.cue, rule.cue!)) || g.contents.some((c) => overlaps(c, rule.cue!));
    if (rule.mode === 'according-to') groups = [...groups.filter((g) => !(g.cue && overlaps(g.cue, rule.cue!))), rule];
    else if (!groups.some(clash)) groups = [...groups, rule];
  }
  return groups.sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);
}
