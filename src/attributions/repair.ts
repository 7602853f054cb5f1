/**
 * Span repair on the tagger's labels, before they become spans. The tagger often finds the head
 * of a source but not its whole noun phrase ("Trump" for "Donald Trump", "’s administration"
 * without its possessor), or finds a cue with no source at all ("Putin, in response,
 * expressed ..."). The repairs, per token:
 *  - a source is completed leftwards over its noun phrase (determiners, adjectives, nouns, names,
 *    a possessor, "of" inside a name; not a common noun before a name the tagger began: "a
 *    Bloomberg interview Trump") and rightwards to its head ("The" + "Republican nominee",
 *    "President" + "Obama") and over the rest of a name, across an abbreviation's period ("the Rev.
 *    Peter Wherry"); a trailing relative pronoun is dropped ("the Department which"), a trailing
 *    possessive kept ("Trump’s" + cue "claim");
 *  - a cue whose sentence has no source gets the noun phrase just before it (past adverbs,
 *    auxiliaries and a parenthetical between commas), or the name just after it ("said Ana");
 *  - a noun cue glued to a source and followed by a verb is the source's head ("intelligence reports
 *    suggesting"); an apposition is part of its source (see appositions below).
 * Before all that, `cuesInContent` frees a claiming verb the tagger read as content ("Adding to
 * the gravity of the situation, ... Valery Gerasimov reported to ...").
 * Content tokens directly before a source may be taken into it unless they sit in double
 * quotation marks: a claim does not sit between its source and the rest of the source's phrase.
 */
import type { Token } from '../core/doc.js';
import { LABELS } from './tagger.js';

const NONE = 0;
const SOURCE = 1;
const CUE = 2;
const B_SOURCE = LABELS.indexOf('B-source');
const B_CUE = LABELS.indexOf('B-cue');
const CONTENT = 3;
const B_CONTENT = LABELS.indexOf('B-content');

const NP_INNER = new Set(['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM']);
const POSSESSIVE = /^(?:’s|'s)$/;
const RELATIVE = /^(?:who|which|that|whom|whose)$/i;
const FUNCTION_POS = new Set(['AUX', 'DET', 'ADP', 'PART', 'PRON', 'CCONJ', 'SCONJ', 'PUNCT', 'SYM', 'NUM']);
const PERSONAL = /^(?:he|she|it|they|we|i)$/i;
const TRAILING_POS = new Set(['ADP', 'ADV', 'AUX', 'PART', 'CCONJ', 'SCONJ']);
const DOUBLE_QUOTE = /^[“”"«»]$/;

const roleOf = (label: number) => (label === 0 ? NONE : ((label + 1) >> 1) as 1 | 2 | 3);

export function repairLabels(tokens: readonly Token[], input: readonly number[]): number[] {
  const labels = [...input];
  const n = tokens.length;
  const role = (i: number) => roleOf(labels[i]!);
  const sameSentence = (i: number, j: number) => i >= 0 && i < n && tokens[i]!.sentence === tokens[j]!.sentence;
  const setSource = (first: number, last: number) => {
    for (let k = first; k <= last; k++) labels[k] = k === first ? B_SOURCE : B_SOURCE + 1;
    if (last + 1 < n && role(last + 1) === SOURCE) labels[last + 1] = B_SOURCE + 1; // touching runs become one
  };
  /** "state and local leaders": an "and" with a free noun-phrase word before it. */
  const coordinated = (i: number) =>
    tokens[i]!.text === 'and' && role(i) === NONE && i > 0 && sameSentence(i - 1, i) && role(i - 1) === NONE && NP_INNER.has(tokens[i - 1]!.pos) && tokens[i - 1]!.pos !== 'DET';
  /** Is the content run holding token i free of verbs (a noun phrase, not a claim)? */
  const verbless = (i: number) => {
    let a = i;
    let b = i;
    while (a > 0 && role(a - 1) === role(i) && sameSentence(a - 1, i)) a--;
    while (b + 1 < n && role(b + 1) === role(i) && sameSentence(b + 1, i)) b++;
    for (let k = a; k <= b; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return false;
    return true;
  };
  /** Can token i join a source phrase that starts at i + 1? */
  const joinsLeft = (i: number, next: number) => {
    if (!sameSentence(i, next)) return false;
    const r = role(i);
    if (r !== NONE && r !== SOURCE && !verbless(i)) return false;
    if (r === CUE || DOUBLE_QUOTE.test(tokens[i]!.text)) return false;
    if (r === SOURCE) return true;
    const t = tokens[i]!;
    if (NP_INNER.has(t.pos) || /^(?:’s|'s)$/.test(t.text)) return true;
    if (t.text === 'of') return NP_INNER.has(tokens[i - 1]?.pos ?? '') || tokens[i - 1]?.text === '’';
    // a name in single quotes: the ‘Center’ group
    if (t.text === '’' || t.text === "'") return tokens[i - 1]?.pos === 'PROPN';
    if (t.text === '‘') return tokens[next]!.pos === 'PROPN';
    return false;
  };

  // 0. A cue of function words only ("has", "the", "about") is noise: a claim needs a word that claims, or a colon ("Ana: ...").
  for (let i = 0; i < n; i++) {
    if (role(i) !== CUE) continue;
    let last = i;
    while (last + 1 < n && role(last + 1) === CUE && labels[last + 1] !== labels[i]) last++;
    let content = false;
    for (let k = i; k <= last; k++) if (!FUNCTION_POS.has(tokens[k]!.pos) || tokens[k]!.text === ':') content = true;
    if (!content) labels.fill(0, i, last + 1);
    i = last;
  }

  // 0b. A noun cue right after a source ending in a common noun, and before a verb, is the head of the
  // source's phrase ("a series of intelligence" + "reports" + "suggesting"): one phrase, the source.
  for (let i = 1; i < n; i++) {
    if (labels[i] !== B_CUE || role(i - 1) !== SOURCE || tokens[i - 1]!.pos !== 'NOUN') continue;
    let last = i;
    while (last + 1 < n && labels[last + 1] === labels[i]! + 1) last++;
    let nouns = true;
    for (let k = i; k <= last; k++) if (tokens[k]!.pos !== 'NOUN') nouns = false;
    // a verb must follow ("... reports suggesting that"): a noun-tagged verb ("others vow consequences") is a cue
    const verb = last + 1 < n && sameSentence(last + 1, i) && (tokens[last + 1]!.pos === 'VERB' || tokens[last + 1]!.pos === 'AUX');
    if (nouns && verb && sameSentence(i - 1, last)) labels.fill(B_SOURCE + 1, i, last + 1);
  }

  // 1. Complete every source run.
  for (let i = 0; i < n; i++) {
    if (role(i) !== SOURCE || (i > 0 && role(i - 1) === SOURCE && labels[i] !== B_SOURCE)) continue;
    let first = i;
    let last = i;
    while (last + 1 < n && role(last + 1) === SOURCE) last++;
    if (last > first && RELATIVE.test(tokens[last]!.text)) labels[last--] = 0;
    // "who watched the ceremony" -> "who"; "the network RT he" -> "he": the pronoun is the source.
    if (last > first && RELATIVE.test(tokens[first]!.text)) while (last > first) labels[last--] = 0;
    if (last > first && PERSONAL.test(tokens[last]!.text)) while (first < last) labels[first++] = 0;
    // a finite verb with an object ends the phrase, unless a comma or a relative pronoun opened a
    // clause before it: "The Clinton campaign" + "released an ad", "Sen. Claire McCaskill" + "scolded him"
    for (let k = first + 1; k < last; k++) {
      const t = tokens[k]!;
      if (RELATIVE.test(t.text) || t.text === ',') break;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && /^\p{Ll}/u.test(t.text) && !/ing$/.test(t.text) && /^(?:DET|PRON)$/.test(tokens[k + 1]!.pos)) {
        while (last >= k) labels[last--] = 0;
        break;
      }
    }
    // trailing words that cannot end a noun phrase: "the Council in", "Davis talks", "Mr. Kamin,"
    // (a possessive stays: "Trump’s" + cue "claim" is the source, as PolNeAR marks it)
    while (last > first && TRAILING_POS.has(tokens[last]!.pos) && !POSSESSIVE.test(tokens[last]!.text)) labels[last--] = 0;
    if (labels[first] !== B_SOURCE) labels[first] = B_SOURCE;
    // an abbreviation's period does not end a name: "the Rev" + "." + "Peter Wherry" is one source
    while (last + 2 < n && tokens[last + 1]!.text === '.' && tokens[last + 1]!.start === tokens[last]!.end && role(last + 1) === NONE && role(last + 2) === SOURCE && sameSentence(last + 2, last)) {
      last += 2;
      while (last + 1 < n && role(last + 1) === SOURCE && labels[last + 1] !== B_SOURCE) last++;
    }
    // a pronoun is a whole source: "Moscow’s network RT he" is two phrases
    // a name the tagger began does not take a common noun before it: "a Bloomberg interview" + "Trump"
    const named = (k: number) => tokens[k]!.pos === 'PROPN' && role(k - 1) === NONE && tokens[k - 1]?.pos === 'NOUN' && /^\p{Ll}/u.test(tokens[k - 1]!.text);
    while (first > 0 && tokens[first]!.pos !== 'PRON' && !(first === i && named(first)) && (joinsLeft(first - 1, first) || coordinated(first - 1))) {
      first--;
      // a determiner opens the phrase, unless it follows "of" inside one ("Chief of the Army")
      if (tokens[first]!.pos === 'DET' && tokens[first - 1]?.text !== 'of') break;
    }
    // a phrase does not end in a determiner or an adjective: it runs on to its head ("The" + "Republican nominee")
    const free = (k: number) => k < n && sameSentence(k, last) && role(k) === NONE;
    if (/^(?:DET|ADJ)$/.test(tokens[last]!.pos)) while (free(last + 1) && /^(?:ADJ|NOUN|PROPN|NUM)$/.test(tokens[last + 1]!.pos)) last++;
    // a capitalised title runs on into its name: "President" + "Obama"
    if (tokens[last]!.pos === 'NOUN' && /^\p{Lu}/u.test(tokens[last]!.text) && free(last + 1) && tokens[last + 1]!.pos === 'PROPN') last++;
    while (tokens[last]!.pos === 'PROPN' && last + 1 < n && sameSentence(last + 1, last) && role(last + 1) === NONE && tokens[last + 1]!.pos === 'PROPN') last++;
    // a possessor is not a source by itself: "Putin’s" + "administration"
    if (POSSESSIVE.test(tokens[last]!.text)) {
      while (last + 1 < n && sameSentence(last + 1, last) && role(last + 1) === NONE && NP_INNER.has(tokens[last + 1]!.pos) && tokens[last + 1]!.pos !== 'DET') last++;
    }
    // close a parenthesis the phrase opened: "Rep. Ana Berg (D-Maine)"
    let open = 0;
    for (let k = first; k <= last; k++) open += tokens[k]!.text === '(' ? 1 : tokens[k]!.text === ')' ? -1 : 0;
    for (let k = last + 1; open > 0 && k < n && k <= last + 8 && sameSentence(k, last) && role(k) !== CUE; k++) {
      if (tokens[k]!.text === ')') {
        last = k;
        open--;
      }
    }
    setSource(first, last);
    i = last;
  }

  // 2. A cue in a sentence with no source: the phrase before it, or the name after it.
  const hasSource = new Set<number>();
  for (let i = 0; i < n; i++) if (role(i) === SOURCE) hasSource.add(tokens[i]!.sentence);
  for (let i = 0; i < n; i++) {
    if (role(i) !== CUE || (i > 0 && role(i - 1) === CUE) || hasSource.has(tokens[i]!.sentence)) continue;
    let k = i - 1;
    while (k >= 0 && sameSentence(k, i) && role(k) === NONE && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
    if (k >= 0 && sameSentence(k, i) && tokens[k]!.text === ',') {
      // skip a short parenthetical: ", in response ,"
      let j = k - 1;
      while (j >= 0 && k - j <= 6 && sameSentence(j, i) && role(j) === NONE && tokens[j]!.text !== ',') j--;
      if (j >= 0 && sameSentence(j, i) && tokens[j]!.text === ',') k = j - 1;
    }
    let first = k + 1;
    while (first - 1 >= 0 && sameSentence(first - 1, i) && role(first - 1) === NONE && (NP_INNER.has(tokens[first - 1]!.pos) || tokens[first - 1]!.pos === 'PRON' || POSSESSIVE.test(tokens[first - 1]!.text))) first--;
    if (first <= k && /^(?:PROPN|NOUN|PRON)$/.test(tokens[k]!.pos)) {
      setSource(first, k);
      hasSource.add(tokens[i]!.sentence);
      continue;
    }
    let end = i;
    while (end + 1 < n && role(end + 1) === CUE) end++;
    let last = end;
    while (last + 1 < n && sameSentence(last + 1, i) && role(last + 1) === NONE && tokens[last + 1]!.pos === 'PROPN') last++;
    if (last > end) {
      setSource(end + 1, last);
      hasSource.add(tokens[i]!.sentence);
    }
  }
  appositions(tokens, labels);
  return labels;
}

/** The nearest tagged role before token i in its sentence, or NONE. */
function roleBefore(tokens: readonly Token[], labels: readonly number[], i: number): number {
  for (let k = i - 1; k >= 0 && tokens[k]!.sentence === tokens[i]!.sentence; k--) if (labels[k] !== 0) return roleOf(labels[k]!);
  return NONE;
}

const APPOSITION_START = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const SENTENCE_END = /^[.!?”"’']$/;

/**
 * 3. Boundaries of a source with an apposition ("Ana Berg, a lawyer for the union, said"), as
 * PolNeAR marks them: the description is part of the source; before its cue, the source keeps the
 * comma that closes the description; after its cue ("said Ana Berg, a lawyer ...") it runs to the
 * end of the sentence when nothing else is tagged there; a sentence-opening name or title before
 * a tagged description joins it ("Ana Berg, the union's lawyer, said"). A trailing comma with no
 * cue after it is dropped ("said Berg, who ...").
 */
function appositions(tokens: readonly Token[], labels: number[]): void {
  const n = tokens.length;
  const role = (i: number) => (i >= 0 && i < n ? roleOf(labels[i]!) : NONE);
  const same = (i: number, j: number) => i >= 0 && i < n && tokens[i]!.sentence === tokens[j]!.sentence;
  for (let i = 0; i < n; i++) {
    if (role(i) !== SOURCE || labels[i] !== B_SOURCE) continue;
    let first = i;
    let last = i;
    while (last + 1 < n && labels[last + 1] === B_SOURCE + 1) last++;
    // "Ana Berg" + "," + "a lawyer for the union ,": one source with its apposition, which a comma closes
    // (as many as follow: "Jo Wilson, of Springfield" + "," + "Va.,")
    while (tokens[last + 1]?.text === ',' && labels[last + 2] === B_SOURCE && same(last + 2, first) && tokens[last + 2]!.pos !== 'PRON') {
      let end = last + 2;
      while (end + 1 < n && labels[end + 1] === B_SOURCE + 1) end++;
      if (tokens[end]!.text !== ',' && tokens[end + 1]?.text !== ',') break;
      labels[last + 1] = labels[last + 2] = B_SOURCE + 1;
      last = end;
    }
    let comma = false;
    for (let k = first + 1; k < last; k++) if (tokens[k]!.text === ',') comma = true;
    // a cue or a verb next (maybe after an adverb): the source ends there ("..., has been", "..., also said")
    const predicate = (k: number) => same(k, first) && (role(k) === CUE || tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX');
    const cueNext = (k: number) => predicate(k) || (tokens[k]?.pos === 'ADV' && predicate(k + 1));
    if (tokens[last]!.text === ',' && last > first && !cueNext(last + 1)) last--;
    else if ((comma || tokens[first - 1]?.text === ',') && tokens[last + 1]?.text === ',' && role(last + 1) === NONE && cueNext(last + 2)) last++;
    const before = roleBefore(tokens, labels, first);
    if (before === CUE) {
      // "said Ana Berg, a lawyer who ...": the description runs to the sentence's end
      const opens = (k: number) => tokens[k]?.text === ',' && APPOSITION_START.has(tokens[k + 1]?.pos ?? '') && same(k + 1, first);
      let apposition = false;
      for (let k = first + 1; k <= last + 1 && !apposition; k++) apposition = opens(k) && (k <= last || role(k + 1) === NONE);
      let end = last;
      // "..., in a statement": the description ends at its comma
      const closes = (k: number) => tokens[k]!.text === ',' && tokens[k + 1]?.pos === 'ADP';
      while (end + 1 < n && same(end + 1, first) && role(end + 1) === NONE && end - last < 40 && !closes(end)) end++;
      const sentenceEnds = end + 1 >= n || !same(end + 1, first) || closes(end);
      if (tokens[end]!.text !== ',') while (end > last && (SENTENCE_END.test(tokens[end]!.text) || tokens[end]!.text === ',')) end--;
      if (apposition && sentenceEnds) last = end;
    } else if (before === NONE && tokens[first - 1]?.text === ',' && tokens[last]!.text === ',' && cueNext(last + 1)) {
      // "Ana Berg, the union's lawyer, said": a plain noun phrase opening the sentence before the comma
      let start = first - 2;
      while (same(start - 1, first) && role(start - 1) === NONE && start - first > -12) start--;
      const opensSentence = !same(start - 1, first);
      let phrase = opensSentence && start < first - 1 && tokens[start]!.pos !== 'ADP' && tokens[start]!.pos !== 'SCONJ';
      let head = false;
      for (let k = start; phrase && k <= first - 2; k++) {
        const t = tokens[k]!;
        if (t.pos === 'NOUN' || t.pos === 'PROPN') head = true;
        else if (!NP_INNER.has(t.pos) && !POSSESSIVE.test(t.text) && !/^(?:of|at|for|in)$/.test(t.text)) phrase = false;
      }
      if (phrase && head) first = start;
    }
    for (let k = first; k <= last; k++) labels[k] = k === first ? B_SOURCE : B_SOURCE + 1;
    for (let k = last + 1; k < n && labels[k] === B_SOURCE + 1; k++) labels[k] = 0;
    i = last;
  }
}

/**
 * A claiming verb the tagger swallowed into content, in a sentence where it found no cue: "Adding to
 * the gravity of the situation, General Staff Chief Valery Gerasimov reported to President Putin
 * ..." tagged as content from "Adding". A cue verb (`isCue`: often a cue in training) right after
 * a name, outside quotation marks (`quotes`), becomes the cue; the content before it is released,
 * so that the source repair above finds the name's phrase.
 */
export function cuesInContent(tokens: readonly Token[], input: readonly number[], isCue: (i: number) => boolean, quotes: () => Uint8Array): number[] {
  const labels = [...input];
  const n = tokens.length;
  let quoted: Uint8Array | undefined;
  for (let s0 = 0; s0 < n; ) {
    let s1 = s0;
    while (s1 + 1 < n && tokens[s1 + 1]!.sentence === tokens[s0]!.sentence) s1++;
    let hasCue = false;
    for (let k = s0; k <= s1 && !hasCue; k++) hasCue = roleOf(labels[k]!) === CUE;
    for (let k = s0 + 1; k <= s1 && !hasCue; k++) {
      if (roleOf(labels[k]!) !== CONTENT || tokens[k]!.pos !== 'VERB' || tokens[k - 1]!.pos !== 'PROPN' || !isCue(k)) continue;
      quoted ??= quotes(); // rarely needed: computed on first use
      if (quoted[k]) continue;
      for (let j = s0; j < k; j++) if (roleOf(labels[j]!) === CONTENT) labels[j] = 0;
      labels[k] = B_CUE;
      if (k + 1 <= s1 && roleOf(labels[k + 1]!) === CONTENT) labels[k + 1] = B_CONTENT;
      hasCue = true;
    }
    s0 = s1 + 1;
  }
  return labels;
}
