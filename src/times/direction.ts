/**
 * Which way a relative or yearless expression points, read first from the words right before it
 * ("since March" is past; "as soon as Tuesday", "effective June 1" ahead; "last Oct. 23" past),
 * then from the verb that governs it: the nearest verb group before it in its clause ("said
 * Tuesday", "will resume on Monday", "is due to last until June"), or, for an expression that opens
 * its clause ("On Tuesday, troops entered"), the first one after it. A "will" elsewhere in the
 * sentence does not count: "The minister said on Friday that talks will resume" is about a past Friday.
 */

/**
 * 'past' and 'future' as a verb gives them; 'before' and 'after' when the words right before the
 * expression say so ("last", "since", "next", "as soon as"), which holds however far the date is.
 */
export type Direction = 'past' | 'future' | 'before' | 'after' | 'none';

export const pointsAhead = (d: Direction) => d === 'future' || d === 'after';

// A modal or a "going/due/set/expected/scheduled/plans to" group points ahead; "would" too, as
// the future seen from a past report ("said construction would begin in the spring of 2027"); so
// does a verb of putting off ("extended the loans through January", "postponed until Tuesday").
const FUTURE_WORD =
  /^(?:will|'ll|shall|would|wo|going|due|expected|scheduled|planned|plans|planning|intends?|aims?|hopes?|upcoming|coming|next|forthcoming|payable|extended|postponed|delayed|deferred|adjourned|rescheduled)$/i;
const PAST_WORD =
  /^(?:was|were|had|did|said|told|met|went|began|came|saw|made|took|gave|fell|rose|won|lost|left|held|sent|hit|struck|shot|killed|previously|became|got|ran|found|brought|built|sold|bought|paid|spent|led|kept|put|thought|knew|wrote|spoke|broke|fought|flew|drove|stood|chose|seized|captured|launched|announced|reported|according|\w{3,}ed)$/i;
// words a clause boundary is made of: governing verbs are not looked for across them
const BOUNDARY = /^(?:that|which|who|whom|whose|when|while|because|although|though|but|and|or|if|after|before|as|where)$/i;
// a full stop glued to the next sentence ("World War II.On June 6") is a boundary the segmenter missed
const WORD = /[\p{L}']+|[,;:()"“”]|\.(?=\p{Lu})|—|–/gu;
const LOOK_WORDS = 14;
// words right before the expression that fix its direction whatever the verb
const PAST_LEAD = /(?:^|[^\p{L}])(?:since|last)[ \t]+(?:the[ \t]+)?$/iu;
const UNTIL_LEAD = /(?:^|[^\p{L}])(?:by|until|till|through)[ \t]+(?:the[ \t]+)?$/iu;
const FUTURE_LEAD = /(?:^|[^\p{L}])(?:as[ \t]+(?:soon|early)[ \t]+as|no[ \t]+later[ \t]+than|effective|set[ \t]+(?:for|to)|slated[ \t]+for)[ \t]+(?:on[ \t]+|the[ \t]+)?$/iu;
/**
 * An infinitive points ahead ("asked it to respond by Oct. 31", "pledged to take the town by May
 * 9") only after a verb of intending, asking or planning; elsewhere "to" is as often a preposition
 * ("shot to death on Oct. 23", "fell to 4 percent in December", "amounted to more than 13%").
 */
const INTENDING =
  /^(?:expected|expects|expect|due|set|scheduled|plans?|planned|planning|wants?|wanted|agreed|agrees|decided|decides|promised|promises|pledged|pledges|vowed|vows|threatened|threatens|intends?|intended|hopes?|hoped|aims?|aimed|going|is|are|was|were|has|have|had|needs?|needed|able|ready|likely|sought|seeks?|offered|offers|prepared|prepares|preparing)$/i;
/** verbs of asking that take an object before the infinitive: "asked it to respond", "urged Kyiv to" */
const ASKING = /^(?:asked|asks|ask|told|tells|urged|urges|ordered|orders|called|calls|invited|invites|allowed|allows|expected|wants?|wanted)$/i;

/** Words in -ed that are not a past verb here (adjectives, participles of plans, verbs in -eed). */
const NOT_PAST =
  /^(?:proposed|intended|needed|used|based|related|alleged|united|limited|detailed|advanced|supposed|red|bed|shed|wed|hundred|dated|succeed|proceed|exceed|need|feed|speed|seed|breed|bleed|indeed|heed|deed|greed|steed|weed|reed|unspecified|unidentified|unnamed|undisclosed)$/i;

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

const PUNCTUATION = /^[,;:()"“”—–.]$/;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your)$/i;

/** Whether the "to" at `i` opens an infinitive of intent: "asked (it) to respond", "plans to visit". */
function infinitive(before: string[], i: number): boolean {
  const next = before[i + 1]!;
  if (DETERMINER.test(next) || !/^\p{Ll}/u.test(next)) return false;
  // the verb right before "to", or a verb of asking before its object ("asked it to", "urged Kyiv to")
  return INTENDING.test(before[i - 1]!) || ASKING.test(before[i - 1]!) || (i > 1 && ASKING.test(before[i - 2]!));
}

/** The direction the clause around [start, end) of `sentence` gives the expression there. */
export function directionAt(sentence: string, start: number, end: number): Direction {
  const lead = sentence.slice(Math.max(0, start - 30), start);
  if (PAST_LEAD.test(lead)) return 'before';
  if (FUTURE_LEAD.test(lead)) return 'after';
  const before = words(sentence.slice(Math.max(0, start - 160), start)).slice(-LOOK_WORDS);
  let opensClause = true;
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]!;
    if (PUNCTUATION.test(w) || BOUNDARY.test(w)) break;
    // an infinitive after a verb of intending points ahead; "to" right before the expression is a preposition
    const d = /^to$/i.test(w) && i > 0 && i < before.length - 1 && infinitive(before, i) ? 'future' : classify(w);
    if (d === 'past' && i > 0 && /^(?:be|being)$/i.test(before[i - 1]!)) continue; // "to be completed by": the auxiliary decides
    // a plan seen from the past is past: "had been due to expire Friday", "as previously planned Saturday"
    if (d === 'future' && before.slice(Math.max(0, i - 3), i).some((b) => /^(?:had|previously|originally)$/i.test(b))) return 'past';
    if (d) return d;
    if (/^(?:on|in|at|by|since|until|from|during|of|for|about|around|before|after|early|late|last|next|this)$/i.test(w) === false) opensClause = false;
  }
  // with no verb to read, "by", "until", "through" a date is a deadline or an end: ahead ("loans through January", "repay it by February")
  if (!opensClause && UNTIL_LEAD.test(lead)) return 'future';
  // "On Tuesday, troops entered": the verb comes after; inside a clause only the verb right after counts
  // ("The chancellor on Monday is to visit Kyiv")
  const after = words(sentence.slice(end, end + 160)).slice(0, opensClause ? LOOK_WORDS + 4 : 2);
  for (const [i, w] of after.entries()) {
    if (w === ';' || w === ':' || w === '(' || w === ')' || w === '.') break;
    if (w === ',' || w === '"' || w === '“' || w === '”') continue;
    // "On Monday he is to visit Kyiv" points ahead; "On June 6 there is an anniversary" is the present: no direction
    // ("On Tuesday Scholz is expected to" reads its next word)
    if (/^(?:is|are|am)$/i.test(w)) return /^to$/i.test(after[i + 1] ?? '') ? 'future' : (classify(after[i + 1] ?? '') ?? 'none');
    const d = classify(w);
    if (d) return d;
  }
  return 'none';
}
