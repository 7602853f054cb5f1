import { isPunct } from '../context.js';
import { type TechniqueRule, firstAhead, has, sameSentence, words } from './rule.js';

/** 'reignited fears of a broader escalation': a verb that stirs a fear, the fear, and its object (Appeal_to_fear). */
export const stirredFear: TechniqueRule = {
  id: 'stirred-fear',
  technique: 'Appeal_to_fear-prejudice',
  doc: 'a verb that raises a fear, with what is feared',
  confidence: 0.09,
  find(ctx) {
    const out = [];
    for (let i = 0; i < ctx.tokens.length; i++) {
      if (!has(ctx, i, 'fear-triggers')) continue;
      const fear = firstAhead(ctx, i, i + 1, i + 4, (k) => has(ctx, k, 'fear') && ctx.tokens[k]!.pos === 'NOUN');
      if (fear < 0) continue;
      let last = fear;
      if (ctx.lower[fear + 1] === 'of' || ctx.lower[fear + 1] === 'that' || ctx.lower[fear + 1] === 'about') {
        // the object: up to the next punctuation or conjunction, at most 8 tokens
        for (let k = fear + 2; k < Math.min(ctx.tokens.length, fear + 10) && sameSentence(ctx, i, k); k++) {
          if (isPunct(ctx.lower[k]!) || ctx.tokens[k]!.pos === 'CCONJ' || ctx.tokens[k]!.pos === 'SCONJ') break;
          last = k;
        }
      }
      out.push({ first: i, last, cue: `'${words(ctx, i, fear)}' raises a fear` });
    }
    return out;
  },
};
