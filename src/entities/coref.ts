/**
 * Coreference inside one article: candidates become entities with all their mentions.
 *  - the same name (after quotes and possessives are gone) is the same entity;
 *  - a surname joins the person with that full name ("Gerasimov" -> Valery Gerasimov), and a full
 *    name joins a person first named by surname;
 *  - an acronym joins the entity whose initials it spells (NGU -> National Guard of Ukraine), in
 *    either order;
 *  - a shorter organisation name whose words all stand in an earlier one joins it ("the National
 *    Guard" after "the National Guard of Ukraine");
 *  - "the president", "the ministry": the most recent entity with that role or that head word.
 * Entity ids are e1, e2, ... in the order of first mention; the name is the lexicon's canonical
 * name, else the longest name mention.
 */
import type { Entity, EntityType } from '../core/schema.js';
import type { Candidate, Evidence } from './candidates.js';
import { isPossessive, sameStretch, type TokenView } from './tokens.js';

export type MentionKind = 'name' | 'surname' | 'nominal' | 'acronym';

interface Mention {
  start: number;
  end: number;
  kind: MentionKind;
  confidence: number;
}

interface Cluster {
  type: EntityType;
  /** the strongest evidence seen: decides the type when mentions disagree */
  evidence: Evidence;
  /** each distinct name, and whether it is a lexicon's canonical name */
  names: Map<string, boolean>;
  /** the longest name, as comparison words */
  longest: string[];
  /** the initials of its names ("NGU"), and its names without dots and spaces */
  initials: Set<string>;
  squeezed: Set<string>;
  words: Set<string>;
  role?: string;
  /** while only weak evidence (the model, cues) types it: the confidence given to each type */
  votes: Map<EntityType, number>;
  /** in text order: candidates arrive sorted */
  mentions: Mention[];
  nominals: Mention[];
}

const ACRONYM = /^\p{Lu}{2,6}$/u;
const WEAK: ReadonlySet<Evidence> = new Set(['ner', 'propagated', 'cue']);
const NAME_STOP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 's']);
/** nouns of "the ministry"-like mentions, by the entity types they may refer to */
const NOMINAL_HEADS: ReadonlyMap<string, readonly EntityType[]> = new Map<string, EntityType[]>([
  ...['ministry', 'committee', 'council', 'service', 'agency', 'government', 'administration', 'company', 'office', 'court', 'commission', 'alliance', 'guard', 'army', 'bank'].map(
    (w): [string, EntityType[]] => [w, ['organization', 'outlet', 'military-unit']],
  ),
  ...['brigade', 'regiment', 'battalion', 'corps', 'division', 'unit', 'group', 'legion', 'detachment'].map(
    (w): [string, EntityType[]] => [w, ['military-unit', 'organization']],
  ),
  ...['newspaper', 'channel', 'broadcaster', 'daily', 'outlet', 'tabloid', 'magazine'].map((w): [string, EntityType[]] => [w, ['outlet']]),
]);
const PERSON_HEADS = new Set(['president', 'minister', 'general', 'governor', 'commander', 'spokesman', 'spokeswoman', 'spokesperson', 'mayor', 'chancellor', 'premier', 'colonel', 'admiral', 'ambassador', 'envoy', 'chief', 'head', 'adviser', 'senator']);

export function corefer(view: TokenView, candidates: Candidate[], taken: Uint8Array): Entity[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();

  for (const c of candidates) {
    if (c.type === 'misc') continue;
    const key = keyOf(c.name);
    const words = key.split(' ');
    const mention: Mention = { start: c.start, end: c.end, kind: 'name', confidence: c.confidence };
    let cluster = byKey.get(key);
    if (cluster && cluster.type !== c.type && !WEAK.has(c.evidence) && !WEAK.has(cluster.evidence)) cluster = undefined;

    if (!cluster && c.type === 'person') cluster = samePerson(clusters, words, mention);
    if (!cluster) cluster = byAcronym(clusters, c, mention);
    if (!cluster && c.type !== 'person' && c.type !== 'place') cluster = shortForm(clusters, c, words);
    if (!cluster) {
      cluster = {
        type: c.type,
        evidence: c.evidence,
        names: new Map(),
        longest: [],
        initials: new Set(),
        squeezed: new Set(),
        words: new Set(),
        votes: new Map(),
        mentions: [],
        nominals: [],
      };
      clusters.push(cluster);
    } else if (cluster.type !== c.type && WEAK.has(cluster.evidence) && !WEAK.has(c.evidence)) {
      cluster.type = c.type; // the lexicon or a pattern knows better than the model
      cluster.evidence = c.evidence;
    }
    if (WEAK.has(cluster.evidence) && WEAK.has(c.evidence)) {
      // the model may call one name a person here and a place there: the majority decides
      cluster.votes.set(c.type, (cluster.votes.get(c.type) ?? 0) + c.confidence);
      let best = cluster.type;
      for (const [type, v] of cluster.votes) if (v > (cluster.votes.get(best) ?? 0)) best = type;
      cluster.type = best;
    }
    if (mention.kind === 'name') {
      addName(cluster, c, words);
      byKey.set(key, cluster);
      const surface = view.text.slice(c.start, c.end);
      if (ACRONYM.test(surface) && keyOf(surface) !== key) mention.kind = 'acronym'; // "NGU" for its lexicon name
    }
    if (c.role && !cluster.role) cluster.role = c.role;
    cluster.mentions.push(mention);
  }
  addNominals(view, clusters, taken);

  const sorted = clusters.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return sorted.map((k, i) => toEntity(view, k, `e${i + 1}`));
}

function addName(k: Cluster, c: Candidate, words: string[]): void {
  if (k.names.has(c.name)) {
    if (c.canonical) k.names.set(c.name, true);
    return;
  }
  k.names.set(c.name, c.canonical === true);
  if (words.length > k.longest.length || (words.length === k.longest.length && words.join(' ').length > k.longest.join(' ').length)) {
    k.longest = words;
  }
  const letters = initials(c.name);
  if (letters) k.initials.add(letters);
  k.squeezed.add(c.name.replace(/[.\s]/gu, ''));
  for (const w of words) k.words.add(w);
}

/**
 * A shorter name of an organisation or unit named before: all its words stand in the longer name
 * ("the National Guard" after "the National Guard of Ukraine"); one word only for an outlet, as
 * the last word of its name ("the Post" after "The Washington Post").
 */
function shortForm(clusters: Cluster[], c: Candidate, words: string[]): Cluster | undefined {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i]!;
    if (words.length > 1 && k.type === c.type && words.every((w) => k.words.has(w))) return k;
    if (words.length === 1 && k.type === 'outlet' && k.longest.length > 1 && k.longest[k.longest.length - 1] === words[0]) return k;
  }
  return undefined;
}

function samePerson(clusters: Cluster[], words: string[], mention: Mention): Cluster | undefined {
  const last = words[words.length - 1];
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i]!;
    if (k.type !== 'person') continue;
    const longest = k.longest;
    if (words.length === 1 && longest.length > 1 && longest[longest.length - 1] === last) {
      mention.kind = 'surname';
      return k;
    }
    // "Vladimir Putin" after "Putin", or "Vladimir Vladimirovich Putin" after "Vladimir Putin"
    if (longest[longest.length - 1] === last && (longest.length === 1 || longest[0] === words[0])) return k;
  }
  return undefined;
}

function byAcronym(clusters: Cluster[], c: Candidate, mention: Mention): Cluster | undefined {
  if (c.type === 'person') return undefined;
  const squeezed = c.name.replace(/[.\s]/gu, '');
  const isAcronym = ACRONYM.test(squeezed);
  const full = initials(c.name);
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i]!;
    if (k.type === 'person') continue;
    if (isAcronym && k.initials.has(squeezed)) {
      mention.kind = 'acronym';
      return k;
    }
    // the full name after its acronym: "the NGU ... the National Guard of Ukraine"
    if (full.length > 1 && k.squeezed.has(full)) return k;
  }
  return undefined;
}

/** Initials of the significant words: "National Guard of Ukraine" -> "NGU". */
function initials(name: string): string {
  const words = name.split(/[\s\-–]+/u).filter((w) => w && !NAME_STOP.has(w.toLowerCase().replace(/['’]s$/u, '')));
  return words.length > 1 ? words.map((w) => w.charAt(0).toUpperCase()).join('') : '';
}

/** "the president", "the ministry": free tokens only, the referent mentioned before. */
function addNominals(view: TokenView, clusters: Cluster[], taken: Uint8Array): void {
  const { lower } = view;
  const n = view.tokens.length;
  for (let i = 1; i < n; i++) {
    if (lower[i - 1] !== 'the' || taken[i] || !sameStretch(view, i - 1, i)) continue;
    const head = lower[i]!;
    const isPerson = PERSON_HEADS.has(head);
    const types = NOMINAL_HEADS.get(head);
    if (!isPerson && !types) continue;
    // "the president of France", "the ministry Press Office": someone else is being named
    const next = i + 1 < n && sameStretch(view, i, i + 1) ? i + 1 : -1;
    if (next !== -1 && (lower[next] === 'of' || (view.cap[next] && !isPossessive(lower[next]!)))) continue;
    const start = view.tokens[i]!.start;
    let best: Cluster | undefined;
    let bestAt = -1;
    for (const k of clusters) {
      const fits = isPerson
        ? k.type === 'person' && k.role !== undefined && k.role.toLowerCase().split(/\s+/u).includes(head)
        : types!.includes(k.type) && k.words.has(head);
      if (!fits) continue;
      const at = lastMentionBefore(k.mentions, start);
      if (at > bestAt) {
        bestAt = at;
        best = k;
      }
    }
    if (best) best.nominals.push({ start, end: view.tokens[i]!.end, kind: 'nominal', confidence: 0.6 });
  }
}

/** Start of the last mention before `offset` (mentions sorted by start), or -1. */
function lastMentionBefore(mentions: Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) {
      found = mentions[mid]!.start;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function toEntity(view: TokenView, k: Cluster, id: string): Entity {
  let confidence = 0;
  for (const m of k.mentions) confidence = Math.max(confidence, m.confidence);
  const mentions = k.nominals.length ? [...k.mentions, ...k.nominals].sort((a, b) => a.start - b.start) : k.mentions;
  return {
    id,
    type: k.type,
    name: canonicalName(k),
    ...(k.role ? { role: k.role } : {}),
    mentions: mentions.map((m) => ({
      start: m.start,
      end: m.end,
      text: view.text.slice(m.start, m.end),
      kind: m.kind,
      confidence: m.confidence,
    })),
    confidence,
  };
}

function canonicalName(k: Cluster): string {
  let longest = '';
  for (const [name, canonical] of k.names) {
    if (canonical) return name;
    if (name.length > longest.length) longest = name;
  }
  return longest;
}

/** Comparison key of a name: lower case, no possessive, words joined by single spaces. */
function keyOf(name: string): string {
  let key = '';
  let space = false;
  const lower = name.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const apostrophe = ch === "'" || ch === '’';
    if (apostrophe && lower[i + 1] === 's' && !isWordChar(lower[i + 2])) {
      i++; // possessive
      continue;
    }
    if (apostrophe || isWordChar(ch)) {
      if (space && key) key += ' ';
      key += apostrophe ? "'" : ch;
      space = false;
    } else space = true;
  }
  return key;
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(ch));
}
