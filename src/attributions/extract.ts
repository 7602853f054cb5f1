/**
 * From tokens to attribution groups: the tagger's spans grouped by nearest cue (group.ts), then
 * the rule groups (rules.ts). An "according to" / "as per" rule group replaces tagger groups
 * whose cue it overlaps (the rule reads that construction exactly); a passive rule group
 * with an agent ("by X") replaces a tagger group on the same cue that found no source; any
 * other is added where the tagger found no cue on its cue; where the tagger found that cue but
 * no source, its group is marked passive.
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
    const cueClash = (g: Group) => g.cue !== undefined && overlaps(g.cue, rule.cue!);
    if (rule.mode === 'according-to') groups = [...groups.filter((g) => !cueClash(g)), rule];
    else if (rule.source && groups.some((g) => cueClash(g) && !g.source) && !groups.some((g) => cueClash(g) && g.source)) groups = [...groups.filter((g) => !cueClash(g)), rule];
    else if (!groups.some(cueClash)) groups = [...groups, rule];
    else if (!rule.source) {
      // The tagger read the same passive cue and found no agent either: keep its spans, say it is passive.
      for (const g of groups) if (cueClash(g) && !g.source) g.mode = 'passive';
    }
  }
  return groups.sort((a, b) => a.contents[0]!.start - b.contents[0]!.start);
}
