/**
 * Runs the attribution stage on a PolNeAR-format folder and scores it (eval/attribution.ts).
 * The predicted spans are exactly those the analyzer reports, before they are joined into one
 * content span per attribution: the groups' sources, cues and content fragments.
 */
import { readBratFolder } from '../eval/brat.js';
import { scoreAttributions, type Scores } from '../eval/attribution.js';
import { segment } from '../text/segment.js';
import { extractGroups } from './extract.js';
import { groupSpansOut } from './group.js';
import type { TaggerModel } from './tagger.js';

export function evaluateFolder(dir: string, model: TaggerModel): Scores & { documents: number } {
  const docs = readBratFolder(dir).map((d) => {
    const { sentences, tokens } = segment(d.text, 'en');
    return { gold: d.spans, predicted: groupSpansOut(extractGroups(model, d.text, sentences, tokens)) };
  });
  return { ...scoreAttributions(docs), documents: docs.length };
}
