/** Every technique detector, in the order their spans are added, and the runner over them. */
import type { TechniqueSpan } from '../schema.js';
import type { ArticleContext } from '../context.js';
import type { TechniqueRule } from './rule.js';
import { labelPhrase } from './label.js';
import { loadedWord } from './loaded-word.js';
import { hitlerComparison } from './reductio-ad-hitlerum.js';
import { scareQuotes } from './scare-quotes.js';
import { soCalled } from './so-called.js';
import { stirredFear } from './stirred-fear.js';
import { twoChoices } from './two-choices.js';
import { warVocabulary } from './war-vocabulary.js';

export type { TechniqueRule } from './rule.js';

/** What the spans of the trained tagger and classifier name as their detector. */
export const MODEL_RULE = 'model';
export const MODEL_DOC = 'the trained span tagger and technique classifier (models/techniques.md): a span and its technique learned from PTC';

export const RULES: readonly TechniqueRule[] = [soCalled, scareQuotes, labelPhrase, hitlerComparison, loadedWord, stirredFear, twoChoices, warVocabulary];

/** Every rule's spans over the article, with offsets, confidence, the rule's id and its cue. */
export function runRules(ctx: ArticleContext, rules: readonly TechniqueRule[] = RULES): TechniqueSpan[] {
  const out: TechniqueSpan[] = [];
  for (const rule of rules) {
    for (const m of rule.find(ctx)) {
      out.push({
        technique: m.technique ?? rule.technique!,
        start: ctx.tokens[m.first]!.start,
        end: ctx.tokens[m.last]!.end,
        confidence: rule.confidence,
        cues: [`rule ${rule.id}: ${m.cue}`],
        rules: [rule.id],
      });
    }
  }
  return out;
}
