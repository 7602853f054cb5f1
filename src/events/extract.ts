/**
 * Events: who did what to whom, where, when, according to whom. Per sentence, trigger words give
 * the type; the armed actors come from nationality phrases ("Russian forces") and the entities
 * layer; the place is the place mention nearest the trigger; the time is the time expression of
 * the sentence nearest the trigger; the attribution is the one whose content holds the trigger
 * (a statement or denial is the attribution itself). The result is ordered as a timeline.
 */
import type { Attribution, Entity, Event, PlaceLink, Sentence, TimeExpr } from '../core/schema.js';
import { isCountryName } from '../geo/countries.js';
import { excerpt } from '../core/excerpt.js';
import { lowerBound } from '../core/search.js';
import { valueStart } from '../times/calendar.js';
import { FORCE_PHRASE, NATIONALITIES, TRIGGERS, type EventType } from './lexicon.js';

export interface EventInput {
  text: string;
  sentences: readonly Sentence[];
  times: readonly TimeExpr[];
  entities?: readonly Entity[];
  places?: Readonly<Record<string, PlaceLink>>;
  attributions?: readonly Attribution[];
  /** true once the article's time budget is spent: the events of the sentences read so far are returned */
  expired?: () => boolean;
}

interface Span {
  start: number;
  end: number;
}
type Actor = Event['actors'][number];
interface Force extends Span {
  text: string;
  side: string;
}
interface Mention extends Span {
  entity: Entity;
}

const inside = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const distance = (a: Span, b: Span) => (a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0);

export function extractEvents(input: EventInput): Event[] {
  const { text, sentences } = input;
  const attributions = input.attributions ?? [];
  const mentions = mentionIndex(input.entities ?? []);
  const events: Event[] = [];
  // attributions already told as a statement or denial event (one per attribution)
  const spoken = new Set<string>();

  const withCue = attributions.filter((a) => a.cue).sort((a, b) => a.cue!.start - b.cue!.start);
  const byContent = [...attributions].sort((a, b) => a.content.start - b.content.start);
  let t = 0;
  let m = 0;
  let c = 0;
  let open = 0;
  const active: Attribution[] = [];
  for (const s of sentences) {
    if (input.expired?.()) break;
    // times, mentions and attributions are sorted by offset: walk them alongside the sentences
    while (t < input.times.length && input.times[t]!.start < s.start) t++;
    while (m < mentions.length && mentions[m]!.start < s.start) m++;
    while (c < withCue.length && withCue[c]!.cue!.start < s.start) c++;
    const cues: Attribution[] = [];
    for (let i = c; i < withCue.length && withCue[i]!.cue!.start < s.end; i++) if (withCue[i]!.cue!.end <= s.end) cues.push(withCue[i]!);
    // attributions whose content reaches into this sentence
    while (open < byContent.length && byContent[open]!.content.start < s.end) active.push(byContent[open++]!);
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.content.end <= s.start) active.splice(i, 1);
    const times: TimeExpr[] = [];
    for (let i = t; i < input.times.length && input.times[i]!.end <= s.end; i++) times.push(input.times[i]!);
    const here: Mention[] = [];
    for (let i = m; i < mentions.length && mentions[i]!.end <= s.end; i++) here.push(mentions[i]!);
    const sentence = text.slice(s.start, s.end);
    const forces = findForces(sentence, s.start);

    for (const trigger of findTriggers(sentence, s.start)) {
      const cueOf = cues.find((a) => a.cue!.start < trigger.end && trigger.start < a.cue!.end);
      // a statement word that is no attribution cue is counted only when there is no attributions layer
      if (trigger.type === 'statement' && !cueOf && input.attributions) continue;
      if (trigger.type !== 'statement' && trigger.type !== 'denial' && cueOf) continue;
      const attribution = cueOf ?? innermost(active, trigger);
      if (attribution && (trigger.type === 'statement' || trigger.type === 'denial')) spoken.add(attribution.id);
      events.push(
        buildEvent(trigger, { sentence: s, forces, mentions: here, times, attribution, places: input.places ?? {}, text }),
      );
    }
    // statements the attributions layer found with cues our lexicon lacks
    for (const a of cues) {
      if (spoken.has(a.id)) continue;
      spoken.add(a.id);
      const trigger = { start: a.cue!.start, end: a.cue!.end, type: 'statement' as EventType };
      events.push(buildEvent(trigger, { sentence: s, forces, mentions: here, times, attribution: a, places: input.places ?? {}, text }));
    }
  }
  return timeline(events).map((e, i) => ({ ...e, id: `ev${i + 1}` }));
}

interface Trigger extends Span {
  type: EventType;
  subtype?: string;
}

/** More trigger words than this in one sentence is a list or garbage, not prose: the rest are skipped. */
const MAX_TRIGGERS_PER_SENTENCE = 40;

function findTriggers(sentence: string, offset: number): Trigger[] {
  const found: Trigger[] = [];
  const claimed = new Uint8Array(sentence.length);
  for (const c of TRIGGERS) {
    c.pattern.lastIndex = 0;
    for (let m = c.pattern.exec(sentence); m && found.length < MAX_TRIGGERS_PER_SENTENCE; m = c.pattern.exec(sentence)) {
      const end = m.index + m[0].length;
      // the first class listed wins a word claimed twice
      if (claimed.subarray(m.index, end).some((x) => x === 1)) continue;
      claimed.fill(1, m.index, end);
      found.push({ start: offset + m.index, end: offset + end, type: c.type, ...(c.subtype ? { subtype: c.subtype } : {}) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function findForces(sentence: string, offset: number): Force[] {
  const out: Force[] = [];
  FORCE_PHRASE.lastIndex = 0;
  for (let m = FORCE_PHRASE.exec(sentence); m; m = FORCE_PHRASE.exec(sentence)) {
    const side = NATIONALITIES[m[1]!.toLowerCase().replace('’', "'")];
    if (side) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], side });
  }
  return out;
}

function mentionIndex(entities: readonly Entity[]): Mention[] {
  return entities.flatMap((entity) => entity.mentions.map((mn) => ({ start: mn.start, end: mn.end, entity }))).sort((a, b) => a.start - b.start);
}

/** The attribution whose content most tightly holds the span. */
function innermost(attributions: readonly Attribution[], span: Span): Attribution | undefined {
  let best: Attribution | undefined;
  for (const a of attributions) {
    if (!inside(span, a.content)) continue;
    if (!best || a.content.end - a.content.start < best.content.end - best.content.start) best = a;
  }
  return best;
}

interface Context {
  sentence: Sentence;
  forces: Force[];
  mentions: Mention[];
  times: TimeExpr[];
  attribution?: Attribution;
  places: Readonly<Record<string, PlaceLink>>;
  text: string;
}

/**
 * Mentions and times further than this (in characters) from a trigger are not its participants,
 * place or date: no real sentence is that long, and a run-on "sentence" of thousands of quotes
 * must not make every event scan all of them.
 */
const REACH = 600;

/** The items of `sorted` (by start) within REACH of the span. */
function around<T extends Span>(sorted: readonly T[], span: Span): readonly T[] {
  const from = lowerBound(sorted, (x) => x.start < span.start - REACH);
  const to = lowerBound(sorted, (x) => x.start < span.end + REACH);
  return from === 0 && to === sorted.length ? sorted : sorted.slice(from, to);
}

function buildEvent(trigger: Trigger, c: Context): Event {
  const actors: Actor[] = [];
  const isSpeech = trigger.type === 'statement' || trigger.type === 'denial';
  if (isSpeech && c.attribution?.source) {
    const src = c.attribution.source;
    actors.push({ text: src.text, role: 'source', ...(src.entityId ? { entityId: src.entityId } : {}) });
  }
  const agent = isSpeech ? undefined : agentOf(trigger, c.forces, c.text);
  // a force phrase that is also an entity mention ("the Ukrainian National Guard") carries its id
  const forceActor = (f: Force, role: string): Actor => {
    const mn = around(c.mentions, f).find((x) => x.start < f.end && f.start < x.end && x.entity.type !== 'place');
    return { text: f.text, role, side: f.side, ...(mn ? { entityId: mn.entity.id } : {}) };
  };
  if (agent) actors.push(forceActor(agent, 'agent'));
  if (!isSpeech) for (const f of c.forces) if (f !== agent) actors.push(forceActor(f, 'other'));
  const near = around(c.mentions, trigger);
  for (const mn of near) {
    const type = mn.entity.type;
    if (type === 'place' || actors.some((a) => a.entityId === mn.entity.id)) continue;
    if (!isSpeech && c.forces.some((f) => f.start < mn.end && mn.start < f.end)) continue;
    if (isSpeech && c.attribution?.source && inside(mn, c.attribution.source)) continue;
    if (type === 'person' || type === 'organization' || type === 'military-unit' || type === 'outlet') {
      actors.push({ entityId: mn.entity.id, text: c.text.slice(mn.start, mn.end), role: 'participant' });
    }
  }

  const place = isSpeech ? undefined : nearestPlace(trigger, near, c.places, c.text);
  const time = nearest(trigger, around(c.times, trigger));
  const triggerText = c.text.slice(trigger.start, trigger.end);
  const event: Event = {
    id: '',
    type: trigger.type,
    start: c.sentence.start,
    end: c.sentence.end,
    trigger: { start: trigger.start, end: trigger.end, text: triggerText },
    actors,
  };
  if (trigger.subtype) event.subtype = trigger.subtype;
  if (agent) event.side = agent.side;
  if (place) event.placeEntityId = place.entity.id;
  if (time) {
    const partial = time.value === null || time.value.startsWith('XXXX') || time.precision !== 'day';
    event.time = { value: time.value, start: time.start, end: time.end, ...(time.precision ? { precision: time.precision } : {}), partial };
  }
  if (c.attribution) event.attributionId = c.attribution.id;
  const who = actors.find((a) => a.role === 'agent' || a.role === 'source')?.text;
  if (isSpeech && c.attribution) {
    // a timeline line for a statement: who, and what they said
    event.summary = `${who ?? 'unnamed source'} (${triggerText}): “${excerpt(c.text, c.attribution.content, 90)}”`;
  } else {
    const where = place ? c.text.slice(place.start, place.end) : undefined;
    event.summary = [who, triggerText, where ? `(${where})` : undefined].filter(Boolean).join(' ');
  }
  return event;
}

/**
 * The armed actor behind an action: "by Russian forces" after the trigger (passive), else the
 * nearest force named before it (the subject), else the nearest after it.
 */
function agentOf(trigger: Span, forces: Force[], text: string): Force | undefined {
  const byAfter = forces.find((f) => f.start >= trigger.end && /\bby[ \t]+(?:the[ \t]+)?$/iu.test(text.slice(Math.max(trigger.end, f.start - 12), f.start)));
  if (byAfter) return byAfter;
  const before = forces.filter((f) => f.end <= trigger.start).pop();
  return before ?? forces.find((f) => f.start >= trigger.end);
}

/**
 * The place mention nearest the trigger, preferring one after it ("took X", "patrolling X"). A place
 * after "by" is an agent, the government named for its capital ("branded a gang by Moscow"), not
 * where the action happens.
 */
function nearestPlace(trigger: Span, mentions: readonly Mention[], places: Readonly<Record<string, PlaceLink>>, text: string): Mention | undefined {
  const candidates = mentions.filter(
    (mn) => (mn.entity.type === 'place' || places[mn.entity.id]) && !/\bby[ \t]+(?:the[ \t]+)?$/iu.test(text.slice(Math.max(0, mn.start - 8), mn.start)),
  );
  let best: Mention | undefined;
  let bestScore = Infinity;
  for (const mn of candidates) {
    // a country names no place an action happens at ("banned in Russia ... to the city of X")
    const score = distance(trigger, mn) + (mn.start < trigger.start ? 40 : 0) + (isCountryName(mn.entity.name) ? 200 : 0);
    if (score < bestScore) {
      best = mn;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The date or time nearest the trigger. A length of time ("for three weeks"), a recurrence ("every
 * day") or "now" / "recently" is not the date an event happened on, so it does not date one.
 */
function nearest(trigger: Span, times: readonly TimeExpr[]): TimeExpr | undefined {
  let best: TimeExpr | undefined;
  for (const t of times) {
    if ((t.type !== 'DATE' && t.type !== 'TIME') || (t.value !== null && t.value.endsWith('_REF'))) continue;
    if (!best || distance(trigger, t) < distance(trigger, best)) best = t;
  }
  return best;
}

/**
 * Timeline order: dated events by the start of their date; those without a year by month and day
 * after them (their `time.partial` marks it); undated ones last; ties in text order.
 */
export function timeline(events: Event[]): Event[] {
  const key = (e: Event) => {
    const v = e.time?.value;
    if (!v) return '~~';
    return v.startsWith('XXXX') ? `~${v.slice(4)}` : sortableStart(v);
  };
  return events
    .map((e, i) => ({ e, i, k: key(e) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.e);
}

/** The first day a value covers, as a sortable string (see times/calendar.ts); durations and references sort as given. */
export const sortableStart = (value: string): string => valueStart(value) ?? value;
