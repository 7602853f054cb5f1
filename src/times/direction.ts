/**
 * Which way a relative or yearless expression points, read from the verb that governs it: the
 * nearest verb group before it in its clause ("said Tuesday", "will resume on Monday", "is due to
 * last until June"), or, for an expression that opens its clause ("On Tuesday, troops entered"),
 * the first one after it. A "will" elsewhere in the sentence does not count: "The minister said on
 * Friday that talks will resume" is about a past Friday.
 */

export type Direction = 'past' | 'future' | 'none';

// A modal or a "going/due/set/expected/scheduled/plans to" group points ahead; "would" too, as
// the future seen from a past report ("said construction would begin in the spring of 2027").
const FUTURE_WORD =
  /^(?:will|'ll|shall|would|wo|going|due|set|expected|scheduled|planned|plans|planning|intends?|aims?|hopes?|upcoming|coming|next|forthcoming|payable)$/i;
const PAST_WORD =
  /^(?:was|were|had|did|said|told|met|went|began|came|saw|made|took|gave|fell|rose|won|lost|left|held|sent|hit|struck|shot|killed|previously|became|got|ran|found|brought|built|sold|bought|paid|spent|led|kept|put|thought|knew|wrote|spoke|broke|fought|flew|drove|stood|chose|seized|captured|launched|announced|reported|according|\w{3,}ed)$/i;
// words a clause boundary is made of: governing verbs are not looked for across them
const BOUNDARY = /^(?:that|which|who|whom|whose|when|while|because|although|though|but|and|or|if|after|before|as|where)$/i;
const WORD = /[\p{L}']+|[,;:()"“”]|—|–/gu;
const LOOK_WORDS = 8;

/** Words in -ed that are not a past verb here (adjectives, participles of plans). */
const NOT_PAST = /^(?:proposed|intended|needed|used|based|related|alleged|united|limited|detailed|advanced|supposed|red|bed|shed|wed|hundred|dated)$/i;

const known = new Map<string, Direction | null>();

function classify(word: string): Direction | null {
  let d = known.get(word);
  if (d !== undefined) return d;
  d = FUTURE_WORD.test(word) ? 'future' : NOT_PAST.test(word) ? null : PAST_WORD.test(word) ? 'past' : null;
  // a bounded memo: news has a small vocabulary of verbs, an attack may not
  if (known.size < 20_000) known.set(word, d);
  return d;
}

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const PUNCTUATION = /^[,;:()"“”—–]$/;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)$/i;

/** The direction the clause around [start, end) of `sentence` gives the expression there. */
export function directionAt(sentence: string, start: number, end: number): Direction {
  const before = words(sentence.slice(Math.max(0, start - 120), start)).slice(-LOOK_WORDS);
  let opensClause = true;
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]!;
    if (PUNCTUATION.test(w) || BOUNDARY.test(w)) break;
    // an infinitive ("asked it to respond by Oct. 31") points ahead; "to" right before the expression is a preposition
    if (/^to$/i.test(w) && i < before.length - 1 && !DETERMINER.test(before[i + 1]!) && /^\p{Ll}/u.test(before[i + 1]!)) return 'future';
    const d = classify(w);
    if (d === 'past' && i > 0 && /^(?:be|being)$/i.test(before[i - 1]!)) continue; // "to be completed by": the auxiliary decides
    if (d) return d;
    if (/^(?:on|in|at|by|since|until|from|during|of|for|about|around|before|after|early|late|last|next|this)$/i.test(w) === false) opensClause = false;
  }
  if (!opensClause) return 'none';
  // "On Tuesday, troops entered": the verb comes after
  const after = words(sentence.slice(end, end + 120)).slice(0, LOOK_WORDS);
  for (const w of after) {
    if (w === ';' || w === ':' || w === '(' || w === ')') break;
    if (w === ',' || w === '"' || w === '“' || w === '”') continue;
    const d = classify(w);
    if (d) return d;
  }
  return 'none';
}
