import type { Event } from '../../core/schema.js';
import { countryName } from '../../geo/countries.js';
import { type FindingContext, type FindingRule, quote, readableDate, sentenceAt, type RuleFinding } from '../context.js';
import { sortableStart } from '../../events/extract.js';
import { valueStart } from '../../times/calendar.js';
import { directionAt, pointsAhead } from '../../times/direction.js';

// a hedge is not a report of the past either ("could come in June"); case-sensitive, so that the month May is not the modal
const HEDGE = /\b(?:could|might|may)\b/;

/** The place an event is at, as one key for every spelling: the GeoNames id when linked, else the entity. */
function placeKey(ctx: FindingContext, e: Event): string | undefined {
  if (!e.placeEntityId) return undefined;
  const id = ctx.places[e.placeEntityId]?.geonamesId;
  return id != null ? `g${id}` : `e${e.placeEntityId}`;
}

/** A date both sides can be compared on: full dates with each other, year-less ones with each other. */
function dateOf(e: Event): string | undefined {
  const v = e.time?.value;
  if (!v || e.time?.precision !== 'day') return undefined;
  return v.startsWith('XXXX') ? v : sortableStart(v);
}
const comparable = (a: string, b: string) => a.startsWith('XXXX') === b.startsWith('XXXX');

const adjective: Record<string, string> = { RU: 'Russian', UA: 'Ukrainian' };
const sideName = (code: string) => `${adjective[code] ?? countryName(code)} forces`;

export const chronology: FindingRule = {
  id: 'chronology',
  doc: 'The order of events does not hold together: a place reported taken by one side on one date and held by the other side later in the same text (with no retaking in between), or an event dated after the article was published.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    return [...heldAfterTaken(ctx, this), ...afterPublication(ctx, this)];
  },
};

function heldAfterTaken(ctx: FindingContext, rule: FindingRule): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const dated = ctx.events.filter((e) => e.side && placeKey(ctx, e) && dateOf(e));
  const taken = dated.filter((e) => e.type === 'territory-taken');
  const held = dated.filter((e) => e.type === 'deployment' && e.subtype !== 'withdrawal');
  // one finding per place and pair of sides: the first capture contradicted by a later presence
  const reported = new Set<string>();
  for (const t of taken) {
    for (const h of held) {
      const pair = `${placeKey(ctx, t)} ${t.side} ${h.side}`;
      if (reported.has(pair)) continue;
      const [dt, dh] = [dateOf(t)!, dateOf(h)!];
      if (placeKey(ctx, t) !== placeKey(ctx, h) || h.side === t.side || !comparable(dt, dh) || dh <= dt) continue;
      // a retaking by the other side in between explains it
      const retaken = taken.some((r) => r.side === h.side && placeKey(ctx, r) === placeKey(ctx, t) && dateOf(r)! > dt && dateOf(r)! <= dh);
      if (retaken) continue;
      reported.add(pair);
      const placeName = ctx.text.slice(...mentionOf(ctx, t));
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message:
          `${placeName} is reported taken by ${sideName(t.side!)} on ${readableDate(t.time!.value)} (${quote(ctx, t.trigger!)}), ` +
          `yet ${sideName(h.side!)} are reported there on ${readableDate(h.time!.value)} (${quote(ctx, h.trigger!)}), ` +
          'and the text says nothing of the place changing hands again: one of the two accounts is wrong, or a place name is.',
        spans: [t, h].map((e) => ({ start: e.start, end: e.end })),
        evidence: {
          taken: { eventId: t.id, side: t.side, date: t.time!.value },
          heldLater: { eventId: h.id, side: h.side, date: h.time!.value },
          place: placeKey(ctx, t),
        },
      });
    }
  }
  return findings;
}

function mentionOf(ctx: FindingContext, e: Event): [number, number] {
  const entity = ctx.entities.find((x) => x.id === e.placeEntityId)!;
  const m = entity.mentions.find((mn) => mn.start >= e.start && mn.end <= e.end) ?? entity.mentions[0]!;
  return [m.start, m.end];
}

function afterPublication(ctx: FindingContext, rule: FindingRule): RuleFinding[] {
  if (!ctx.publishedAt) return [];
  const published = ctx.publishedAt;
  const findings: RuleFinding[] = [];
  const seen = new Set<number>();
  for (const e of ctx.events) {
    const v = e.time?.value;
    if (!v || v.startsWith('XXXX') || seen.has(e.time!.start)) continue;
    // compare at the precision of the value: a month after the publication month, a day after its day
    const start = valueStart(v);
    if (start === null || start <= published.slice(0, start.length)) continue;
    // the verb that governs the date points ahead ("said construction would begin in the spring of 2027"):
    // the times layer reads it, not a "will" anywhere in the sentence
    const sentence = sentenceAt(ctx, e.time!.start);
    if (sentence) {
      const said = ctx.text.slice(sentence.start, sentence.end);
      if (pointsAhead(directionAt(said, e.time!.start - sentence.start, e.time!.end - sentence.start)) || HEDGE.test(said)) continue;
    }
    seen.add(e.time!.start);
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      message: `${quote(ctx, e.time!)} (${readableDate(v)}) dates an event reported as past after the article's publication on ${readableDate(published)}: a wrong date, or a wrong publication date.`,
      spans: [{ start: e.time!.start, end: e.time!.end }],
      evidence: { eventId: e.id, value: v, publishedAt: published },
    });
  }
  return findings;
}
