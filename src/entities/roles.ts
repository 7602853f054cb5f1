/**
 * A person's role or title, from the words around the name:
 *  - before it: "President Vladimir Putin", "Ukraine's defence minister, Rustem Umerov",
 *    "General Staff Chief of the Russian Armed Forces Valery Gerasimov" (title, then an
 *    "of ..." qualifier naming the body);
 *  - after it, as an apposition: "Jane Doe, a spokeswoman for the ministry, said".
 * Titles are normalised through data/roles.json ("General Staff Chief" -> "Chief of the General
 * Staff"); a title that takes a complement keeps it ("President of Ukraine", "Spokesperson for the
 * ministry"). The title's tokens are not entities themselves, so the caller blocks them.
 * Also finds people the NER model missed, from a title followed by a capitalised name.
 */
import { cleanName, fromTokens, type Candidate } from './candidates.js';
import type { Lexicon, RoleTitle } from './lexicon.js';
import { isDemonym, isPossessive, isQuote, sameStretch, type TokenView } from './tokens.js';

export interface RoleFound {
  role: string;
  /** the title's tokens (inclusive), to be kept free of entities */
  first: number;
  last: number;
}

/**
 * For each token, the last token of the lexicon or pattern entity covering it (-1 if none): a title
 * is no title when an entity runs past its end ("the General Staff said" vs "General Staff Chief").
 */
export type EntityReach = Int32Array;

interface Title extends RoleTitle {
  first: number;
  last: number;
  modifier: string | undefined;
}

const MAX_QUALIFIER = 8;
const MAX_APPOSITION_LEAD = 3;
const MAX_COMPLEMENT = 8;
const MAX_NAME = 3;
const QUALIFIER_WORDS = new Set(['the', 'of', 'and', "'s", "'"]);
const APPOSITION_END = new Set([',', '.', ';', ')', '—', '–', ':']);

/** The role written before a name that starts at token `nameFirst`. */
export function roleBefore(view: TokenView, lex: Lexicon, reach: EntityReach, nameFirst: number): RoleFound | null {
  let j = nameFirst - 1;
  if (j < 0 || !sameStretch(view, j, nameFirst)) return null;
  if (view.lower[j] === ',') j--;
  if (j < 0) return null;
  const direct = titleEndingAt(view, lex, reach, j);
  if (direct) return found(view, reach, direct, undefined);
  // a qualifier between title and name: "Chief of the General Staff of the Armed Forces of Ukraine X"
  for (let q = j; q > 0 && q >= j - MAX_QUALIFIER; q--) {
    const w = view.lower[q]!;
    if (!(view.cap[q] || QUALIFIER_WORDS.has(w) || w === 'for')) return null;
    if (w !== 'of' && w !== 'for') continue;
    const title = titleEndingAt(view, lex, reach, q - 1);
    if (title) return found(view, reach, title, view.text.slice(view.tokens[q]!.start, view.tokens[j]!.end));
  }
  return null;
}

/**
 * The role before a quoted name: "the operative ‘Shuba’", "military blogger ‘Rybar’". A name in
 * quotes after a person's title is what that person goes by (a pseudonym, call sign or handle),
 * whatever type the model gave the quoted word.
 */
export function roleBeforeQuoted(view: TokenView, lex: Lexicon, reach: EntityReach, first: number, last: number): RoleFound | null {
  const open = first - 1;
  const close = last + 1;
  if (open < 1 || close >= view.tokens.length || !isQuote(view.lower[open]!) || !isQuote(view.lower[close]!)) return null;
  if (!sameStretch(view, open, close)) return null;
  return roleBefore(view, lex, reach, open);
}

/** The role in an apposition after a name that ends at token `nameLast`: ", a spokeswoman for X,". */
export function roleAfter(view: TokenView, lex: Lexicon, reach: EntityReach, nameLast: number): RoleFound | null {
  const comma = nameLast + 1;
  const n = view.tokens.length;
  if (comma >= n || view.lower[comma] !== ',' || !sameStretch(view, nameLast, comma)) return null;
  let k = comma + 1;
  if (k < n && (view.lower[k] === 'a' || view.lower[k] === 'an' || view.lower[k] === 'the')) k++;
  for (let at = k; at < n && at <= k + MAX_APPOSITION_LEAD; at++) {
    if (!sameStretch(view, comma, at) || !view.compact[at]) return null;
    const title = titleAt(view, lex, reach, at);
    if (!title) continue;
    let end = title.last + 1;
    let complement: string | undefined;
    const w = view.lower[end];
    if (w === 'of' || w === 'for' || w === 'at' || w === 'with') {
      let c = end + 1;
      while (c < n && c - end <= MAX_COMPLEMENT && sameStretch(view, end, c) && !APPOSITION_END.has(view.lower[c]!)) c++;
      if (c - end > MAX_COMPLEMENT || c === end + 1) return null;
      complement = view.text.slice(view.tokens[end]!.start, view.tokens[c - 1]!.end);
      end = c;
    }
    const closes = end >= n || !sameStretch(view, end - 1, end) || APPOSITION_END.has(view.lower[end]!);
    return closes ? found(view, reach, title, complement) : null;
  }
  return null;
}

/**
 * People named after a title where no other candidate stands: "President Vladimir Putin",
 * "General Staff Chief of the Russian Armed Forces Valery Gerasimov" (the name is what follows the
 * qualifier's known entity). Returns the person with its role, and the title to block.
 */
export function peopleAfterTitles(
  view: TokenView,
  lex: Lexicon,
  reach: EntityReach,
): { person: Candidate; title: RoleFound }[] {
  const out: { person: Candidate; title: RoleFound }[] = [];
  const n = view.tokens.length;
  for (let i = 0; i < n; i++) {
    const title = titleAt(view, lex, reach, i);
    if (!title) continue;
    let at = title.last + 1;
    let complement: string | undefined;
    let minLength = view.cap[title.first] ? 1 : 2;
    if (at < n && view.lower[at] === ',') {
      at++;
      minLength = 2;
    } else if (at < n && (view.lower[at] === 'of' || view.lower[at] === 'for')) {
      // the qualifier's last known entity ends it; without one the boundary is a guess we do not make
      let known = -1;
      for (let q = at + 1; q < n && q <= at + MAX_QUALIFIER && sameStretch(view, at, q); q++) {
        if (reach[q]! >= q) known = q = reach[q]!;
        else if (!(view.cap[q] || QUALIFIER_WORDS.has(view.lower[q]!))) break;
      }
      if (known === -1) {
        i = title.last;
        continue;
      }
      complement = view.text.slice(view.tokens[at]!.start, view.tokens[known]!.end);
      at = known + 1;
    }
    let last = at - 1;
    while (last + 1 < n && last + 1 - at < MAX_NAME && isNameWord(view, lex, reach, last + 1) && sameStretch(view, at, last + 1)) last++;
    if (last - at + 1 >= minLength) {
      const role = found(view, reach, title, complement);
      out.push({
        person: fromTokens(view, at, last, { type: 'person', evidence: 'role', confidence: 0.75, role: role.role }),
        title: role,
      });
      i = last;
    } else {
      i = title.last;
    }
  }
  return out;
}

function isNameWord(view: TokenView, lex: Lexicon, reach: EntityReach, t: number): boolean {
  const w = view.lower[t]!;
  return (
    view.cap[t]! &&
    !view.headline[t] && // "President Trump Says No": where the name ends is anyone's guess
    reach[t] === -1 &&
    view.compact[t] !== '' &&
    !isPossessive(w) &&
    !isQuote(w) &&
    !lex.places.never.has(w) &&
    !isDemonym(w) &&
    lex.roles.matchAt(view, t) === null
  );
}

/** A title (with its modifiers) starting at token i that no entity runs through. */
function titleAt(view: TokenView, lex: Lexicon, reach: EntityReach, i: number): Title | null {
  const mod = lex.roleModifiers.matchAt(view, i);
  const afterMod = mod && mod.last + 1 < view.tokens.length ? lex.roles.matchAt(view, mod.last + 1) : null;
  const plain = lex.roles.matchAt(view, i);
  let title: Title | null = null;
  if (afterMod && (!plain || afterMod.last > plain.last)) {
    title = { canonical: afterMod.value.canonical, complement: afterMod.value.complement, first: i, last: afterMod.last, modifier: view.text.slice(mod!.start, mod!.end) };
  } else if (plain) {
    // fields written out: an object spread here cost more than the lookups
    title = { canonical: plain.value.canonical, complement: plain.value.complement, first: i, last: plain.last, modifier: undefined };
  }
  if (!title) return null;
  for (let t = title.first; t <= title.last; t++) if (reach[t]! > title.last) return null;
  return title;
}

/** The longest title that ends exactly at token `end`. */
function titleEndingAt(view: TokenView, lex: Lexicon, reach: EntityReach, end: number): Title | null {
  for (let s = Math.max(0, end - 5); s <= end; s++) {
    if (!sameStretch(view, s, end)) continue;
    const title = titleAt(view, lex, reach, s);
    if (title && title.last === end) return title;
  }
  return null;
}

/**
 * The role text: modifier, canonical title, and the body it belongs to when the title takes one,
 * from the complement ("President of Ukraine") or from a known entity right before the title
 * ("Kremlin spokesman" -> "Kremlin Spokesperson").
 */
function found(view: TokenView, reach: EntityReach, title: Title, complement: string | undefined): RoleFound {
  const words = [title.modifier ? capitalise(title.modifier) : '', title.canonical];
  const open = title.complement && !title.canonical.includes(' of ');
  if (open && complement) words.push(complement.replace(/\s+/gu, ' '));
  else if (open && !title.modifier) words.unshift(bodyBefore(view, reach, title.first));
  return { role: words.filter(Boolean).join(' '), first: title.first, last: title.last };
}

/** The text of the lexicon or pattern entity that ends right before token t ('' if none). */
function bodyBefore(view: TokenView, reach: EntityReach, t: number): string {
  const end = t - 1;
  if (end < 0 || reach[end] !== end || !sameStretch(view, end, t)) return '';
  let first = end;
  while (first > 0 && reach[first - 1] === end && end - first < MAX_QUALIFIER) first--;
  return cleanName(view.text.slice(view.tokens[first]!.start, view.tokens[end]!.end));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
