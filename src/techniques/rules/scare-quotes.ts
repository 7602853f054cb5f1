import { isPunct, isQuoteMark } from '../context.js';
import { type TechniqueRule, firstAhead, sameSentence, words } from './rule.js';

/**
 * Scare quotes: one to three words in quotation marks inside a sentence, not a proper name and not
 * a quotation introduced by a verb of saying or a colon (Doubt: the writer keeps the word at a distance).
 */
export const scareQuotes: TechniqueRule = {
  id: 'scare-quotes',
  technique: 'Doubt',
  doc: 'a common word or two in quotation marks',
  confidence: 0.05,
  find(ctx) {
    const out = [];
    for (let i = 1; i < ctx.tokens.length; i++) {
      if (!isQuoteMark(ctx.lower[i]!) || ctx.quoted[i] || !ctx.quoted[i + 1 < ctx.tokens.length ? i + 1 : i]) continue;
      const close = firstAhead(ctx, i, i + 1, i + 5, (k) => isQuoteMark(ctx.lower[k]!) && !ctx.quoted[k]);
      if (close < 0 || close - i - 1 < 1 || !sameSentence(ctx, i - 1, close)) continue;
      let common = false;
      for (let k = i + 1; k < close; k++) {
        const p = ctx.tokens[k]!.pos;
        if (p === 'PROPN' || isPunct(ctx.lower[k]!)) {
          common = false;
          break;
        }
        if (/^\p{Ll}/u.test(ctx.tokens[k]!.text)) common = true;
      }
      const before = ctx.lower[i - 1]!;
      if (!common || before === ':' || before === ',' || ctx.tokens[i - 1]!.pos === 'VERB') continue;
      out.push({ first: i + 1, last: close - 1, cue: `scare quotes around '${words(ctx, i + 1, close - 1)}'` });
    }
    return out;
  },
};
