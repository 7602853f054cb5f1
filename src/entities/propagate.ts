/**
 * A name found once is the same name elsewhere in the article: every other occurrence of an
 * entity's name, and of a person's surname, on tokens no rule took, becomes a candidate of the
 * same type ("Krasnoarmskoye" found after "in" is also the bare "Krasnoarmskoye" two sentences up).
 * One map lookup per capitalised token.
 */
import { fromTokens, type Candidate } from './candidates.js';
import type { Lexicon } from './lexicon.js';
import { endsPossessive, type TokenView } from './tokens.js';

interface Known {
  words: string[];
  source: Candidate;
  surname: boolean;
}

export function propagateNames(view: TokenView, lex: Lexicon, found: Candidate[], taken: Uint8Array): Candidate[] {
  const byFirst = new Map<string, Known[]>();
  const add = (words: string[], source: Candidate, surname: boolean) => {
    if (words.length === 0 || words.some((w) => w === '')) return;
    const list = byFirst.get(words[0]!) ?? [];
    if (!list.some((k) => k.words.join(' ') === words.join(' '))) list.push({ words, source, surname });
    byFirst.set(words[0]!, list);
  };
  for (const c of found) {
    if (c.type === 'misc') continue;
    const words: string[] = [];
    for (let t = c.first; t <= c.last; t++) if (view.compact[t]) words.push(view.compactLower[t]!);
    add(words, c, false);
    const surname = words[words.length - 1]!;
    if (c.type === 'person' && words.length > 1 && surname.length > 2 && !lex.places.never.has(surname)) add([surname], c, true);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const out: Candidate[] = [];
  const n = view.tokens.length;
  for (let i = 0; i < n; i++) {
    if (taken[i] || !view.cap[i]) continue;
    const list = byFirst.get(wordOf(view, i));
    if (!list) continue;
    for (const k of list) {
      const last = i + k.words.length - 1;
      if (last >= n) continue;
      let same = true;
      for (let w = 0; w < k.words.length && same; w++) same = !taken[i + w] && wordOf(view, i + w) === k.words[w];
      if (!same) continue;
      const fromWholeName = !k.surname && k.source.canonical === true;
      out.push(
        fromTokens(view, i, last, {
          type: k.source.type,
          evidence: 'propagated',
          confidence: Math.round(k.source.confidence * 0.9 * 100) / 100,
          name: fromWholeName ? k.source.name : undefined,
          canonical: fromWholeName,
        }),
      );
      for (let t = i; t <= last; t++) taken[t] = 1;
      i = last;
      break;
    }
  }
  return out;
}

/** The token's letters, lower case, without a possessive "’s" glued to it. */
function wordOf(view: TokenView, t: number): string {
  const w = view.compactLower[t]!;
  return endsPossessive(view.tokens[t]!.text) ? w.slice(0, -1) : w;
}
