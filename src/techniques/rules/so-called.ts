import { isQuoteMark } from '../context.js';
import { type TechniqueRule, firstAhead, nounTail, words } from './rule.js';

/** 'so-called X': the speaker doubts the name (Doubt). */
export const soCalled: TechniqueRule = {
  id: 'so-called',
  technique: 'Doubt',
  doc: "'so-called' before a name",
  confidence: 0.07,
  find(ctx) {
    const out = [];
    for (let i = 0; i < ctx.tokens.length; i++) {
      let last: number;
      if (ctx.lower[i] === 'so-called') last = i;
      else if (ctx.lower[i] === 'so' && ctx.lower[i + 1] === '-' && ctx.lower[i + 2] === 'called') last = i + 2;
      else continue;
      let end = last;
      if (last + 1 < ctx.tokens.length && isQuoteMark(ctx.lower[last + 1]!)) {
        // the quoted name, up to its closing mark (at most 8 tokens on)
        const close = firstAhead(ctx, i, last + 2, last + 10, (k) => isQuoteMark(ctx.lower[k]!));
        if (close >= 0) end = close;
      } else end = nounTail(ctx, last, 4);
      const name = end > last ? words(ctx, last + 1, end).replace(/^\W+|[\s,.;:]+$/gu, '') : '';
      out.push({ first: i, last: end, cue: name ? `'so-called' before '${name}'` : "'so-called'" });
    }
    return out;
  },
};
