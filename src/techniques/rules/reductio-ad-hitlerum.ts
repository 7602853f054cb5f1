import { LEXICON_CLASSES } from '../lexicons.js';
import { type TechniqueRule, nounHead, nounTail, words } from './rule.js';

/** Nazi, Hitler, swastika, Stalinist...: the comparison does the arguing (Reductio_ad_hitlerum). */
export const hitlerComparison: TechniqueRule = {
  id: 'reductio-ad-hitlerum',
  technique: 'Bandwagon,Reductio_ad_hitlerum',
  doc: 'a word for the worst regimes of the 20th century',
  confidence: 0.19,
  find(ctx) {
    const out = [];
    for (const h of ctx.hits) {
      if (LEXICON_CLASSES[h.cls] !== 'hitler') continue;
      const first = nounHead(ctx, h.first, 2);
      const last = nounTail(ctx, h.last, 2);
      out.push({ first, last, cue: `lexicon: '${words(ctx, h.first, h.last)}' (totalitarian comparison)` });
    }
    return out;
  },
};
