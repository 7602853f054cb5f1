import { type TechniqueRule, firstAhead, sentenceEnd, words } from './rule.js';

/** 'either ... or', 'the only way': two choices, or one (Black-and-White_Fallacy). */
export const twoChoices: TechniqueRule = {
  id: 'two-choices',
  technique: 'Black-and-White_Fallacy',
  doc: "'either ... or', 'the only way/solution/option', 'no choice/alternative'",
  confidence: 0.09,
  find(ctx) {
    const out = [];
    for (let i = 0; i < ctx.tokens.length; i++) {
      const w = ctx.lower[i]!;
      if (w === 'either') {
        const or = firstAhead(ctx, i, i + 2, i + 15, (k) => ctx.lower[k] === 'or');
        if (or >= 0) out.push({ first: i, last: sentenceEnd(ctx, or, 8), cue: "'either ... or' framing" });
      } else if ((w === 'only' && /^(way|solution|option|answer|choice)$/.test(ctx.lower[i + 1] ?? '')) || (w === 'no' && /^(choice|alternative)$/.test(ctx.lower[i + 1] ?? ''))) {
        out.push({ first: i, last: sentenceEnd(ctx, i + 1, 8), cue: `'${words(ctx, i, i + 1)}' framing` });
      }
    }
    return out;
  },
};
