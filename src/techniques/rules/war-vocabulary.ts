import { loadWarLexicon, WAR_RULE } from '../war.js';
import { type TechniqueRule, type RuleHit, words } from './rule.js';

/**
 * The loaded vocabulary of the Russia-Ukraine war from both sides (data/techniques/war.tsv): each
 * entry names its technique and why it persuades; the longest entry wins where several start at a
 * token. Its confidence is the hit's before calibration: PTC (US politics, 2017-18) has almost
 * none of these words, so the calibrator knows them only as rule spans of their technique.
 */
export const warVocabulary: TechniqueRule = {
  id: WAR_RULE,
  technique: null,
  doc: 'a loaded word of the Russia-Ukraine war (data/techniques/war.tsv), with the technique its entry names',
  confidence: 0.28,
  find(ctx) {
    const { entries, lexicon } = loadWarLexicon();
    const out: RuleHit[] = [];
    let covered = -1;
    for (const h of lexicon.match(ctx.lower)) {
      if (h.first <= covered) continue;
      const e = entries[h.cls]!;
      covered = h.last;
      out.push({ first: h.first, last: h.last, technique: e.technique, cue: `'${words(ctx, h.first, h.last)}' (${e.cue})` });
    }
    return out;
  },
};
