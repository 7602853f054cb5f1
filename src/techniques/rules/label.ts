import { type TechniqueRule, has, nounHead, nounTail, sameSentence, words } from './rule.js';

/** A label from our lexicon pinned on a group or person: 'a terrorist and extremist group' (Name_Calling). */
export const labelPhrase: TechniqueRule = {
  id: 'label',
  technique: 'Name_Calling,Labeling',
  doc: 'a labelling noun phrase',
  confidence: 0.16,
  find(ctx) {
    const out = [];
    let covered = -1;
    for (let i = 0; i < ctx.tokens.length; i++) {
      if (i <= covered || !has(ctx, i, 'labels')) continue;
      const first = nounHead(ctx, i);
      let last = i;
      // 'terrorist and extremist group': labels joined by 'and'/'or' make one phrase
      for (;;) {
        if (has(ctx, last + 1, 'labels') && sameSentence(ctx, i, last + 1)) last++;
        else if ((ctx.lower[last + 1] === 'and' || ctx.lower[last + 1] === 'or') && has(ctx, last + 2, 'labels') && sameSentence(ctx, i, last + 2)) last += 2;
        else break;
      }
      last = nounTail(ctx, last, 2);
      covered = last;
      out.push({ first, last, cue: `label: '${words(ctx, first, last)}'` });
    }
    return out;
  },
};
