/**
 * Rule detectors: each is a small pattern over tokens, POS tags and our lexicons that marks a
 * span with its own technique and says why. They work on tokens (no regular expression runs over
 * the article), with bounded look-ahead, so their cost is linear in the article.
 */
import type { Technique } from '../core/schema.js';
import { type ArticleContext, isPunct, isQuoteMark } from './context.js';
import { LEXICON_CLASSES, type LexiconClass } from './lexicons.js';
import type { TechniqueName } from './names.js';
import type { RuleMeta } from '../core/rule.js';

export interface Rule extends RuleMeta {
  technique: TechniqueName;
  /**
   * The share of its spans that overlap a gold span of its technique on the 371 PTC training
   * articles (measured; PTC marks few of the words a rule can see, hence the low values).
   */
  confidence: number;
  find(ctx: ArticleContext): { first: number; last: number; cue: string }[];
}

const bit = (c: LexiconClass) => 1 << LEXICON_CLASSES.indexOf(c);
const has = (ctx: ArticleContext, i: number, c: LexiconClass) => i >= 0 && i < ctx.tokens.length && (ctx.lexMask[i]! & bit(c)) !== 0;
const sameSentence = (ctx: ArticleContext, a: number, b: number) => ctx.tokens[a]!.sentence === ctx.tokens[b]!.sentence;
const words = (ctx: ArticleContext, first: number, last: number) => ctx.text.slice(ctx.tokens[first]!.start, ctx.tokens[last]!.end);
const NOUNS = new Set(['NOUN', 'PROPN']);

/** Extends right over the nouns that follow, in the same sentence (at most `max`). */
function nounTail(ctx: ArticleContext, i: number, max = 3): number {
  let j = i;
  while (j + 1 < ctx.tokens.length && j - i < max && sameSentence(ctx, i, j + 1) && NOUNS.has(ctx.tokens[j + 1]!.pos)) j++;
  return j;
}

/** Extends left over adjectives and nouns (and 'and' between two of them) of the same sentence. */
function nounHead(ctx: ArticleContext, i: number, max = 4): number {
  let j = i;
  while (j - 1 >= 0 && i - j < max && sameSentence(ctx, i, j - 1)) {
    const p = ctx.tokens[j - 1]!.pos;
    if (p === 'ADJ' || p === 'NOUN' || has(ctx, j - 1, 'labels')) j--;
    else if (ctx.lower[j - 1] === 'and' && j - 2 >= 0 && (ctx.tokens[j - 2]!.pos === 'ADJ' || has(ctx, j - 2, 'labels'))) j -= 2;
    else break;
  }
  return j;
}

/** 'so-called X': the speaker doubts the name (Doubt). */
const soCalled: Rule = {
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

/**
 * Scare quotes: one to three words in quotation marks inside a sentence, not a proper name and not
 * a quotation introduced by a verb of saying or a colon (Doubt: the writer keeps the word at a distance).
 */
const scareQuotes: Rule = {
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

/** A label from our lexicon pinned on a group or person: 'a terrorist and extremist group' (Name_Calling). */
const labelPhrase: Rule = {
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

/** Nazi, Hitler, swastika, Stalinist...: the comparison does the arguing (Reductio_ad_hitlerum). */
const hitlerComparison: Rule = {
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

/** An emotive word from our lexicon; an adjective or adverb takes the word it colours ('relentless aggression'). */
const loadedWord: Rule = {
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

/** 'reignited fears of a broader escalation': a verb that stirs a fear, the fear, and its object (Appeal_to_fear). */
const stirredFear: Rule = {
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

/** 'either ... or', 'the only way': two choices, or one (Black-and-White_Fallacy). */
const twoChoices: Rule = {
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

/** The first token in [from, until) of the sentence of `anchor` that passes `test`, or -1 (a bounded look ahead). */
function firstAhead(ctx: ArticleContext, anchor: number, from: number, until: number, test: (k: number) => boolean): number {
  for (let k = from; k < Math.min(ctx.tokens.length, until) && sameSentence(ctx, anchor, k); k++) if (test(k)) return k;
  return -1;
}

/** Last token of the clause from i, before punctuation, at most `max` tokens on. */
function sentenceEnd(ctx: ArticleContext, i: number, max: number): number {
  let last = i;
  for (let k = i + 1; k < Math.min(ctx.tokens.length, i + max + 1) && sameSentence(ctx, i, k) && !isPunct(ctx.lower[k]!); k++) last = k;
  return last;
}

export const RULES: readonly Rule[] = [soCalled, scareQuotes, labelPhrase, hitlerComparison, loadedWord, stirredFear, twoChoices];

/** Every rule's spans over the article, with offsets, confidence and cue. */
export function runRules(ctx: ArticleContext, rules: readonly Rule[] = RULES): Technique[] {
  const out: Technique[] = [];
  for (const rule of rules) {
    for (const m of rule.find(ctx)) {
      out.push({
        technique: rule.technique,
        start: ctx.tokens[m.first]!.start,
        end: ctx.tokens[m.last]!.end,
        confidence: rule.confidence,
        cues: [`rule ${rule.id}: ${m.cue}`],
      });
    }
  }
  return out;
}
