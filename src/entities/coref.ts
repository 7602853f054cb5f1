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
  /** last token, for recency */
  token: number;
}

interface Cluster {
  type: EntityType;
  /** the strongest evidence seen: decides the type when mentions disagree */
  evidence: Evidence;
  names: { text: string; canonical: boolean }[];
  words: Set<string>;
  role?: string;
  mentions: Mention[];
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
    const mention: Mention = { start: c.start, end: c.end, kind: 'name', confidence: c.confidence, token: c.last };
    let cluster = byKey.get(key);
    if (cluster && cluster.type !== c.type && !WEAK.has(c.evidence) && !WEAK.has(cluster.evidence)) cluster = undefined;

    if (!cluster && c.type === 'person') cluster = samePerson(clusters, words, mention);
    if (!cluster) cluster = byAcronym(clusters, c, mention);
    if (!cluster && c.type !== 'person' && c.type !== 'place' && words.length > 1) {
      cluster = [...clusters].reverse().find((k) => k.type === c.type && words.every((w) => k.words.has(w)));
    }
    if (!cluster) {
      cluster = { type: c.type, evidence: c.evidence, names: [], words: new Set(), mentions: [] };
      clusters.push(cluster);
    } else if (cluster.type !== c.type && WEAK.has(cluster.evidence) && !WEAK.has(c.evidence)) {
      cluster.type = c.type; // the lexicon or a pattern knows better than the model
      cluster.evidence = c.evidence;
    }
    if (mention.kind === 'name') {
      cluster.names.push({ text: c.name, canonical: c.canonical === true });
      for (const w of words) cluster.words.add(w);
      byKey.set(key, cluster);
    }
    const surface = view.text.slice(c.start, c.end);
    if (mention.kind === 'name' && ACRONYM.test(surface) && keyOf(surface) !== key) mention.kind = 'acronym'; // "NGU" for its lexicon name
    if (c.role && !cluster.role) cluster.role = c.role;
    cluster.mentions.push(mention);
  }
  addNominals(view, clusters, taken);

  const sorted = clusters
    .map((k) => ({ k, first: Math.min(...k.mentions.map((m) => m.start)) }))
    .sort((a, b) => a.first - b.first);
  return sorted.map(({ k }, i) => toEntity(view, k, `e${i + 1}`));
}

function samePerson(clusters: Cluster[], words: string[], mention: Mention): Cluster | undefined {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i]!;
    if (k.type !== 'person') continue;
    const longest = keyOf(longestName(k)).split(' ');
    const last = words[words.length - 1];
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
  const text = c.name.replace(/[.\s]/gu, '');
  const isAcronym = ACRONYM.test(text);
  for (let i = clusters.length - 1; i >= 0; i--) {
    const k = clusters[i]!;
    if (k.type === 'person' || c.type === 'person') continue;
    if (isAcronym && k.names.some((n) => initials(n.text) === text)) {
      mention.kind = 'acronym';
      return k;
    }
    // the full name after its acronym: "the NGU ... the National Guard of Ukraine"
    const full = initials(c.name);
    if (full.length > 1 && k.names.some((n) => n.text.replace(/[.\s]/gu, '') === full)) return k;
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
      for (const m of k.mentions) {
        if (m.kind !== 'nominal' && m.start < start && m.start > bestAt) {
          bestAt = m.start;
          best = k;
        }
      }
    }
    if (best) best.mentions.push({ start, end: view.tokens[i]!.end, kind: 'nominal', confidence: 0.6, token: i });
  }
}

function toEntity(view: TokenView, k: Cluster, id: string): Entity {
  const mentions = [...k.mentions].sort((a, b) => a.start - b.start);
  const confidence = Math.max(...mentions.filter((m) => m.kind !== 'nominal').map((m) => m.confidence));
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
  return k.names.find((n) => n.canonical)?.text ?? longestName(k);
}

function longestName(k: Cluster): string {
  let best = '';
  for (const n of k.names) if (n.text.length > best.length) best = n.text;
  return best;
}

/** Comparison key of a name: straight quotes, no possessive, lower case, single spaces. */
function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[‘’]/gu, "'")
    .replace(/'s\b/gu, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}
