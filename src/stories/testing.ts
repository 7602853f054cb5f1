/**
 * For the story tests: a wire story of our own, analysed with the full pipeline, and helpers that
 * add an origin and its rewrites to a story index and read back the findings.
 */
import { analyze } from '../analyze.js';
import type { Analysis } from '../core/schema.js';
import { runCorpusRules } from './findings/rules.js';
import { gazetteerNames } from './gazetteer-names.js';
import { StoryIndex } from './stories.js';
import type { CorpusFinding, Story } from './types.js';

export const WIRE_STORY = [
  'Russian forces shelled the town of Kupiansk overnight, damaging a school and two apartment blocks.',
  'According to a source in the regional military administration, 3 civilians were killed and 12 wounded in the strike on the school.',
  'The governor said rescue teams were still searching the rubble on Wednesday morning.',
  'Ukraine’s air force reportedly shot down 14 of the 20 drones launched at the Kharkiv region.',
  'Kupiansk, retaken by Ukrainian troops in September 2022, has been under constant fire since the summer.',
  'Officials in Kyiv have urged the remaining residents to leave, but many elderly people refuse to go.',
  'Moscow did not comment on the strike, which came a day after talks on a prisoner exchange in Istanbul.',
].join('\n\n');

export interface Version {
  text: string;
  outlet: string;
  publishedAt: string;
}

export async function storiesFor(versions: readonly Version[]): Promise<{ stories: Story[]; findings: CorpusFinding[] }> {
  const index = new StoryIndex({ names: gazetteerNames() });
  const analyses = new Map<string, Analysis>();
  for (const v of versions) {
    const ref = { id: `a${analyses.size}`, outlet: v.outlet, publishedAt: v.publishedAt };
    const analysis = await analyze({ kind: 'text', text: v.text }, { published: v.publishedAt });
    analyses.set(ref.id, analysis);
    index.add({ ref, analysis });
  }
  const stories = await index.stories((ref) => analyses.get(ref.id)!);
  return { stories, findings: runCorpusRules({ stories }) };
}

/** The origin as published by a wire agency, and a rewrite of it a day later by another outlet. */
export const origin = (text = WIRE_STORY): Version => ({ text, outlet: 'Northgate Wire', publishedAt: '2025-03-04' });
export const rewrite = (text: string, outlet = 'Eastern Courier'): Version => ({ text, outlet, publishedAt: '2025-03-05' });
