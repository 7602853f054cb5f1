import type { PlaceLink } from '../../core/schema.js';
import type { FindingContext, FindingRule, RuleFinding } from '../context.js';
import { countryName, isCountryName } from '../../geo/countries.js';
import { distanceKm } from '../../geo/place.js';
import { findDateline } from '../../text/dateline.js';

/** Farther than this from the story's other places counts as far. */
export const FAR_KM = 500;
/** Links below this confidence are doubtful: they do not define the region, and only they are flagged. */
const CONFIDENT = 0.5;
/**
 * Never flagged: countries, regions, continents, waters, and capitals, which stories name for
 * their governments ("branded a gang by Moscow") and for talks held there ("talks in Paris").
 */
const NOT_A_STORY_SETTLEMENT = new Set(['PCLI', 'ADM1', 'RGN', 'CONT', 'H', 'PPLC']);
const LOCATIVE = /\b(?:in|near|outside|at|into|to|towards?|from|around|village of|town of|city of|settlement of)[ \t]+$/iu;

interface Located {
  entityId: string;
  name: string;
  link: PlaceLink;
  lat: number;
  lon: number;
  countryCode: string | null;
  /** named by its own spelling and used as a location */
  flaggable: boolean;
}

export const placeOutOfRegion: FindingRule = {
  id: 'place-out-of-region',
  doc: "A settlement whose link is doubtful (confidence under 0.5) and that lies far (over 500 km) from the story's other places: the text may mean another place of that name, missing from the gazetteer. Confident links, capitals, countries, regions and datelines are never flagged: stories name far places on purpose; nor the only place of that name when it lies in a country the article names.",
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    const located: Located[] = [];
    // where the story was filed ("MOSCOW, May 3 —") says nothing of where it happens
    const filedAt = findDateline(ctx.text)?.place;
    const isDateline = (m: { start: number; end: number }) => filedAt !== undefined && m.start < filedAt.end && m.end > filedAt.start;
    for (const e of ctx.entities) {
      const link = ctx.places[e.id];
      if (!link || isCountryName(e.name) || isCountryName(link.name)) continue;
      if (NOT_A_STORY_SETTLEMENT.has(link.feature ?? '') || e.mentions.some(isDateline)) continue;
      // an unlinked name contradicts nothing; a fuzzy or alternate-name link is no claim about the name
      if (link.lat === null || link.lon === null) continue;
      const named = link.matchedBy === 'exact' || link.matchedBy === 'transliteration' || link.matchedBy === 'former-name';
      // flagged only where the text uses the name as a location ("in X", "the village of X"): a
      // capitalised word the tagger took for a place ("the West", "Peace") is no claim about a place
      const usedAsLocation = e.mentions.some((m) => LOCATIVE.test(ctx.text.slice(Math.max(0, m.start - 24), m.start)));
      located.push({ entityId: e.id, name: e.name, link, lat: link.lat, lon: link.lon, countryCode: link.countryCode, flaggable: named && usedAsLocation });
    }
    const confident = located.filter((p) => p.link.confidence >= CONFIDENT);
    const findings: RuleFinding[] = [];
    // the countries the article names ("Russia", "Belarus")
    const namedCountries = new Set(
      ctx.entities.flatMap((e) => {
        const link = ctx.places[e.id];
        return link?.countryCode && (link.feature === 'PCLI' || isCountryName(e.name)) ? [link.countryCode] : [];
      }),
    );

    for (const p of located) {
      if (!p.flaggable) continue;
      const others = confident.filter((o) => o.entityId !== p.entityId && o.link.geonamesId !== p.link.geonamesId);
      if (others.length < 2) continue;
      const centre = { lat: median(others.map((o) => o.lat)), lon: median(others.map((o) => o.lon)) };
      const km = distanceKm(p, centre);
      if (km <= FAR_KM) continue;
      const country = storyCountry(others);
      const foreign = country !== null && p.countryCode !== null && p.countryCode !== country;
      if (p.link.confidence >= CONFIDENT) continue;
      // the only place of that name, in a country the article names ("a base in Asipovichy" in a
      // story that names Belarus): the story has gone there, no other place is meant
      if (p.link.candidates !== undefined && p.link.candidates.length <= 1 && p.countryCode !== null && namedCountries.has(p.countryCode)) continue;

      const entity = ctx.entities.find((e) => e.id === p.entityId)!;
      const near = (p.link.candidates ?? []).filter((c) => distanceKm(c, centre) <= FAR_KM);
      const anchorName = nearestTo(centre, others).link.name;
      const where = `${p.link.name}${p.countryCode ? `, ${countryName(p.countryCode)}` : ''}`;
      const why = [
        `about ${Math.round(km / 10) * 10} km from the story's other places (around ${anchorName})`,
        foreign ? `in another country than the story's (${countryName(country)})` : '',
      ].filter(Boolean);
      const alternatives = near.length
        ? `A place of that name nearer the story: ${near.map((c) => `${c.name}, ${countryName(c.countryCode)}`).join('; ')}.`
        : 'No place of that name in the gazetteer lies in the story\'s region.';
      findings.push({
        rule: this.id,
        severity: this.severity,
        message:
          `“${entity.name}” is matched to ${where}, ${why.join(' and ')}` +
          `; the match is uncertain (confidence ${p.link.confidence.toFixed(2)}). ` +
          `Check which place the text means. ${alternatives}`,
        spans: entity.mentions.map((m) => ({ start: m.start, end: m.end })),
        evidence: {
          geonamesId: p.link.geonamesId,
          distanceKm: Math.round(km),
          storyCountry: country,
          placeCountry: p.countryCode,
          confidence: p.link.confidence,
          centre,
          nearerCandidates: near.map((c) => c.geonamesId),
        },
      });
    }
    return findings;
  },
};

/** The country most of the places are in, when one has a strict majority of them. */
function storyCountry(places: Located[]): string | null {
  const counts = new Map<string, number>();
  for (const p of places) if (p.countryCode) counts.set(p.countryCode, (counts.get(p.countryCode) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  return top && top[1] * 2 > places.length ? top[0] : null;
}

function nearestTo(centre: { lat: number; lon: number }, places: Located[]): Located {
  return places.reduce((a, b) => (distanceKm(b, centre) < distanceKm(a, centre) ? b : a));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
