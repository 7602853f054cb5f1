/**
 * Word normalisation shared by the tagger's features and the cue lexicon, and the lexicon itself:
 * how often each word form acts as (part of) a cue in the training corpus.
 */

/** Lower case with the commonest English inflections cut: says/said-ish forms meet ("claims" -> "claim"). */
export function lemma(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** lemma -> share of its training occurrences inside a cue span (only lemmas seen often enough). */
export type CueLexicon = Record<string, number>;

/** A coarse strength class, so the tagger can generalise across cue words of similar reliability. */
export function cueStrength(lexicon: CueLexicon, lem: string): 0 | 1 | 2 | 3 {
  const share = lexicon[lem];
  if (share === undefined) return 0;
  return share >= 0.5 ? 3 : share >= 0.2 ? 2 : 1;
}

/** Builds the lexicon from counts of (lemma in a cue, lemma anywhere). */
export function buildCueLexicon(inCue: Map<string, number>, total: Map<string, number>, minCount = 3, minShare = 0.05): CueLexicon {
  const lexicon: CueLexicon = {};
  for (const [lem, n] of [...inCue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const share = n / (total.get(lem) ?? n);
    if (n >= minCount && share >= minShare && /\p{L}/u.test(lem)) lexicon[lem] = Math.round(share * 1000) / 1000;
  }
  return lexicon;
}
