import { LEXICON_CLASSES } from '../lexicons.js';
import { type TechniqueRule, nounTail, words } from './rule.js';

/** An emotive word from our lexicon; an adjective or adverb takes the word it colours ('relentless aggression'). */
export const loadedWord: TechniqueRule = {
  id: 'loaded-word',
  technique: 'Loaded_Language',
  doc: 'an emotive word or phrase',
  confidence: 0.28,
  find(ctx) {
    const out = [];
    const loaded = LEXICON_CLASSES.indexOf('loaded');
    // a single word inside a longer loaded phrase is left to the phrase
    const inPhrase = new Uint8Array(ctx.tokens.length);
    for (const h of ctx.hits) if (h.cls === loaded && h.last > h.first) inPhrase.fill(1, h.first, h.last + 1);
    for (const h of ctx.hits) {
      if (h.cls !== loaded || (h.first === h.last && inPhrase[h.first])) continue;
      const pos = ctx.tokens[h.last]!.pos;
      const last = pos === 'ADJ' || pos === 'ADV' ? nounTail(ctx, h.last, 1) : h.last;
      out.push({ first: h.first, last, cue: `lexicon: '${words(ctx, h.first, h.last)}' (loaded language)` });
    }
    return out;
  },
};
