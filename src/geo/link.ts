/**
 * Links place entities to the gazetteer and says why: every candidate carries a score and its
 * reasons, and the link a confidence. Context decides between places of one name: the
 * countries and regions the article mentions, the other places it names (distance), the
 * dateline, and population as a prior. When nothing in the article supports the best candidate,
 * or it lies far from the story, the link says so with a low confidence instead of guessing.
 */
import type { Span } from '../core/schema-parts.js';
import type { Entity, PlaceCandidate, PlaceLink } from '../core/schema.js';
import { findDateline } from '../text/dateline.js';
import type { Token } from '../text/schema.js';
import { countryPhrases } from './context.js';
import { countryName } from './countries.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { normalizeKey, skeleton } from './normalize.js';
import { distanceKm, type Place } from './place.js';

export interface LinkContext {
  /** defaults to the shared, compiled gazetteer */
  gazetteer?: Gazetteer;
  /** the article's date (YYYY-MM-DD): a former name was current before the renaming */
  publishedAt?: string | null;
  /** the tokens layer, with parts of speech: tells "the West must" (a name with the article) from "the Gaza war" */
  tokens?: readonly Token[];
}

type MatchedBy = 'exact' | 'transliteration' | 'alternate' | 'former-name' | 'fuzzy';

interface Candidate {
  place: Place;
  matchedBy: MatchedBy;
  /** fuzzy matches: edits from the nearest spelling */
  distance: number;
  score: number;
  reasons: string[];
  /** something in the article (country, region, nearby place) points to it */
  supported: boolean;
  /** a region the article names or a place near one it names points to it, not only its country */
  local: boolean;
  /** a town: the county the article names that it is in; a county: the towns the article names in it */
  county?: string;
  towns?: string[];
}

interface Resolved {
  entity: Entity;
  /** the spelling that matched */
  form: string;
  candidates: Candidate[];
  /** a mention opens the text, as in "KYIV, Ukraine —" */
  dateline: boolean;
  /** the text names a region by this name ("Russia's Tula region") that the gazetteer lacks */
  regionMissing?: string;
  /** towns of this name were set aside: the text writes it with the article ("the West"), as no town is named */
  article?: boolean;
  /** towns of this name were set aside: it is a point of the compass alone ("tanks West again") */
  compass?: boolean;
}

interface Anchor {
  entityId: string;
  /** the spelling the article uses */
  form: string;
  place: Place;
  dateline: boolean;
}

interface Context {
  /** country code -> the phrases that name it (names, demonyms, the entities linked to it) */
  countries: Map<string, string[]>;
  regions: { entityId: string; place: Place }[];
  anchors: Anchor[];
}

// Score weights: a prior from population (log10(population) / 7, so that with SHARPNESS 8 ten
// times the people weigh about three times more) and rank, then what the article says.
const W = {
  population: 1, capital: 0.1, adminSeat: 0.05, ownName: 0.05, othersName: 0.25, region: 0.9, country: 1.1,
  inCountry: 0.3, inRegion: 0.35, near: 0.4, inCounty: 0.5,
};
const REGION_REASON: Record<string, string> = { RGN: 'a region (colloquial name)', CONT: 'a continent', H: 'a sea or river', ADM2: 'a county' };
const SHARPNESS = 8;
const NEAR_KM = 600;
const FAR_KM = 500;
const MAX_CITY_CANDIDATES = 50;
const SHOWN_CANDIDATES = 5;
/**
 * Below this share of the evidence no link is made, the candidates are listed: on LGL dev such links
 * were right (within 161 km) 17% of the time (132 links), and on the 428 warnews articles 21 of the
 * 23 they made were wrong ("Union" as a New Jersey town, Glasgow, Kentucky for the climate summit).
 */
const MIN_LINK_CONFIDENCE = 0.3;
const REGION_WORD = /^[ \t]+(?:region|oblast|province|krai|area)\b/i;
const REGION_SUFFIX = /[ \t]+(?:region|oblast|province|krai|area)$/i;
const TITLED = /^(?:the[ \t]+)?(state|commonwealth|republic|kingdom)[ \t]+of[ \t]+(?=\p{Lu})/iu;
// an administrative region for sure ("area" may be a town's surroundings: "the Tampa area")
const ADMIN_WORD = /^[ \t]+(?:region|oblast|province|krai)\b/i;
const ADMIN_SUFFIX = /[ \t]+(?:region|oblast|province|krai)$/i;
// "the regions of Donetsk, Kherson, Luhansk and" before the name: a list of regions
// names before this one in a list: "Donetsk, Kherson and "
const LISTED = String.raw`(?:\p{Lu}[\p{L}'’-]*[ \t]*(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+|[ \t]+))`;
// a list a region word opens: "the regions of Donetsk, Kherson and Luhansk", "four regions of Ukraine -- Donetsk, Lugansk"
const REGIONS_OF = new RegExp(String.raw`\b(?:regions?|oblasts?|provinces?)[ \t]+of[ \t]+(?:\p{Lu}\p{L}*[ \t]*(?:--|—|–|:)[ \t]*)?${LISTED}*$`, 'u');
// "parts of Donetsk, Luhansk, Kherson and Zaporizhzhia": regions when two or more are listed
const PARTS_OF_LIST = new RegExp(String.raw`\bparts[ \t]+of[ \t]+${LISTED}+$`, 'u');
const PARTS_OF = /\bparts[ \t]+of[ \t]+$/u;
const LIST_GOES_ON = /^[ \t]*(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+)\p{Lu}/u;
/** The text names the mention in a list of regions (the 100 characters before it and 12 after are read). */
function listedAsRegion(text: string, m: Span): boolean {
  const before = text.slice(Math.max(0, m.start - 100), m.start);
  return REGIONS_OF.test(before) || PARTS_OF_LIST.test(before) || (PARTS_OF.test(before) && LIST_GOES_ON.test(text.slice(m.end, m.end + 12)));
}
// abbreviations a place's own name writes in full ("St. Petersburg" is Saint Petersburg's own name)
const ABBREVIATIONS: [RegExp, string][] = [[/(^| )st( |$)/g, '$1saint$2'], [/(^| )ste( |$)/g, '$1sainte$2'], [/(^| )mt( |$)/g, '$1mount$2'], [/(^| )ft( |$)/g, '$1fort$2']];
const fullKey = (name: string) => ABBREVIATIONS.reduce((k, [re, to]) => k.replace(re, to), normalizeKey(name));

const COMPASS = /^(?:north|south|east|west|northeast|northwest|southeast|southwest)$/i;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const isCity = (p: Place) => p.kind === 'city';
const isLocal = (p: Place) => p.kind === 'city' || p.feature === 'ADM2';

/** Links every place entity; keyed by entity id. */
export function linkPlaces(text: string, entities: readonly Entity[], context: LinkContext = {}): Record<string, PlaceLink> {
  const gaz = context.gazetteer ?? loadGazetteer();
  const filedAt = findDateline(text)?.place ?? null;
  const resolved = entities
    .filter((e) => e.type === 'place')
    .map((e) => withoutCompassTowns(withoutArticleTowns(text, resolve(text, e, gaz, filedAt), context.tokens)));
  pairTownsWithCounties(resolved);

  // Pass 0: which entities name a country or a region (context for the rest); twice, so that a
  // county only one state has ("Barrow County") can turn "Georgia" from the country to the state.
  const phrases = countryPhrases(text);
  let ctx: Context = { countries: phrases, regions: [], anchors: [] };
  for (let round = 0; round < 2; round++) ctx = regionContext(resolved, ctx, gaz, phrases);
  // Pass 1, with countries and regions: the places confidently linked become anchors for distance.
  // Capitals are left out: "Kyiv said" names a government, not where the story happens.
  const proposed: (Anchor & { confidence: number })[] = [];
  for (const r of resolved) {
    const ranked = rank(r, ctx, gaz);
    const best = ranked[0];
    if (!best || !isCity(best.place)) continue;
    const confidence = r.dateline ? 1 : confidenceOf(ranked);
    if (r.dateline || (confidence >= 0.6 && best.place.feature !== 'PPLC')) {
      proposed.push({ entityId: r.entity.id, form: r.form, place: best.place, dateline: r.dateline, confidence });
    }
  }
  // Most confident first; a small town far from every anchor taken so far is itself in doubt
  // (isAstray), so it anchors nothing.
  for (const a of proposed.sort((x, y) => y.confidence - x.confidence)) {
    if (ctx.anchors.length === 0 || !isAstray(a.place, nearestAnchor(a.place, a.entityId, ctx.anchors))) ctx.anchors.push(a);
  }
  // the country of most of the towns linked with confidence is the story's, as if it were named:
  // "Dallas" makes "Paris" the one in Texas more likely
  const perCountry = new Map<string, number>();
  for (const a of ctx.anchors) perCountry.set(a.place.countryCode, (perCountry.get(a.place.countryCode) ?? 0) + 1);
  for (const a of ctx.anchors) {
    if (perCountry.get(a.place.countryCode)! * 2 <= ctx.anchors.length) continue;
    sayCountry(ctx.countries, a.place.countryCode, a.form);
  }
  // Pass 2: everything, with distances to the anchors.
  const links: Record<string, PlaceLink> = {};
  const year = context.publishedAt ? Number(context.publishedAt.slice(0, 4)) : undefined;
  for (const r of resolved) links[r.entity.id] = toLink(r, rank(r, ctx, gaz), ctx, gaz, year);
  return links;
}

/** Records that `form` names country `cc`, once. */
function sayCountry(countries: Map<string, string[]>, cc: string, form: string): void {
  const said = countries.get(cc);
  if (!said) countries.set(cc, [form]);
  else if (!said.includes(form)) said.push(form);
}

/** The countries and regions the entities name, each read in the context `prior` gives. */
function regionContext(resolved: readonly Resolved[], prior: Context, gaz: Gazetteer, phrases: ReadonlyMap<string, string[]>): Context {
  const ctx: Context = { countries: new Map([...phrases].map(([cc, p]) => [cc, [...p]])), regions: [], anchors: [] };
  const say = (cc: string, form: string) => sayCountry(ctx.countries, cc, form);
  for (const r of resolved) {
    const best = rank(r, prior, gaz)[0];
    if (best?.place.kind === 'country') say(best.place.countryCode, r.form);
    if (best?.place.kind !== 'region') continue;
    // a county's name is borne in many states ("Jackson County"): only one no other state has places
    // the story, or the one of them a town the article names is in
    if (best.place.feature === 'ADM2' && r.candidates.filter((c) => c.place.feature === 'ADM2').length > 1 && !(best.towns && r.candidates.filter((c) => c.towns).length === 1)) continue;
    ctx.regions.push({ entityId: r.entity.id, place: best.place });
    if (best.place.countryCode) say(best.place.countryCode, r.form);
  }
  return ctx;
}

/**
 * A town and a county the article names place each other where the town is in the county, as
 * GeoNames' county codes say: "Paris" and "Henry County" are both in many states, but Paris,
 * Tennessee is in Henry County, Tennessee. Marks the candidates of both (US counties only: the
 * gazetteer has no other second-level divisions).
 */
function pairTownsWithCounties(resolved: readonly Resolved[]): void {
  const counties = resolved.filter((r) => r.candidates.some((c) => c.place.feature === 'ADM2'));
  if (counties.length === 0) return;
  const codeOf = (p: Place) => `${p.countryCode}|${p.admin1}|${p.admin2}`;
  for (const county of counties) {
    const byCode = new Map<string, Candidate>();
    for (const c of county.candidates) if (c.place.feature === 'ADM2') byCode.set(codeOf(c.place), c);
    for (const town of resolved) {
      if (town === county) continue;
      for (const c of town.candidates) {
        if (!isCity(c.place) || !c.place.admin2) continue;
        const holder = byCode.get(codeOf(c.place));
        if (!holder) continue;
        c.county ??= holder.place.name;
        if (!(holder.towns ??= []).includes(town.form)) holder.towns.push(town.form);
      }
    }
  }
}

/** `filedAt`: the place of the article's dateline, where the story was filed. */
function resolve(text: string, entity: Entity, gaz: Gazetteer, filedAt: Span | null): Resolved {
  const said = [entity.name, ...entity.mentions.map((m) => m.text ?? text.slice(m.start, m.end))];
  // "the Donbass region" is Donbass when no region is listed under the longer name
  const forms = [...new Set([...said, ...said.map((f) => f.replace(REGION_SUFFIX, ''))])];
  // a list of regions names the region, unless the name stands elsewhere for the town ("the port of Kherson")
  const listed = entity.mentions.map((m) => listedAsRegion(text, m));
  const regionHint =
    entity.mentions.some((m) => REGION_WORD.test(text.slice(m.end, m.end + 16))) || (listed.length > 0 && listed.every(Boolean));
  const adminSaid =
    said.some((f) => ADMIN_SUFFIX.test(f)) || listed.some(Boolean) || entity.mentions.some((m) => ADMIN_WORD.test(text.slice(m.end, m.end + 16)));
  const dateline = filedAt !== null && entity.mentions.some((m) => m.start < filedAt.end && m.end > filedAt.start);
  const candidatesOf = (form: string, hits: ReturnType<Gazetteer['lookup']>) => {
    let cities = 0;
    const out: Candidate[] = [];
    for (const h of hits) {
      const place = gaz.place(h.index);
      if (isCity(place) && ++cities > MAX_CITY_CANDIDATES) continue;
      out.push({ place, matchedBy: matchKind(form, place, h.former), distance: 0, score: 0, reasons: [], supported: false, local: false });
    }
    return out;
  };
  for (const form of forms) {
    if (regionHint) {
      const regions = gaz.lookup(skeleton(`${form} region`)).filter((h) => gaz.place(h.index).kind === 'region');
      if (regions.length) return { entity, form, dateline, candidates: candidatesOf(form, regions) };
    }
    const hits = gaz.lookup(skeleton(form));
    if (hits.length) {
      const candidates = candidatesOf(form, hits);
      const regionMissing = adminSaid && !candidates.some((c) => c.place.kind === 'region') ? form.replace(REGION_SUFFIX, '') : undefined;
      return { entity, form, dateline, candidates, ...(regionMissing ? { regionMissing } : {}) };
    }
  }
  // "the State of Ohio", "the Republic of Belarus": the division or country under its formal title
  for (const f of said) {
    const title = TITLED.exec(f);
    if (!title) continue;
    const form = f.slice(title[0].length);
    const kind = /^(?:state|commonwealth)$/i.test(title[1]!) ? 'region' : 'country';
    const hits = gaz.lookup(skeleton(form)).filter((h) => gaz.place(h.index).kind === kind);
    if (hits.length) return { entity, form, dateline, candidates: candidatesOf(form, hits) };
  }
  // Nothing spelled so: a truncated or garbled name, within one or two edits of a spelling.
  const skel = skeleton(entity.name);
  const fuzzy = skel.length >= 5 ? gaz.fuzzy(skel, skel.length >= 8 ? 2 : 1) : [];
  const nearest = new Map<number, number>();
  for (const h of fuzzy) nearest.set(h.index, Math.min(h.distance, nearest.get(h.index) ?? Infinity));
  const candidates = [...nearest]
    .sort((a, b) => a[1] - b[1] || gaz.place(b[0]).population - gaz.place(a[0]).population)
    .slice(0, MAX_CITY_CANDIDATES)
    .map(([index, distance]): Candidate => ({
      place: gaz.place(index), matchedBy: 'fuzzy', distance, score: 0, reasons: [], supported: false, local: false,
    }));
  return { entity, form: entity.name, dateline, candidates };
}

const ATTRIBUTIVE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/** The first token starting at or after `offset` (tokens are in text order). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mention is the head of a phrase with the definite article: "the West must", "the Pacific,".
 * A town's name takes no article; as a modifier it does ("the Gaza war", "the Kakhovka dam",
 * "the Berlin-based council", "the Zurich, Switzerland-based body"), so a noun, a name, an
 * adjective, a number or a hyphen after it makes it a modifier. Undecided, so not a head: "of"
 * ("the Nice of Russia") and "and" ("the Huntingdon and District Sea Cadets") after it.
 */
function headWithArticle(text: string, m: { start: number; end: number }, tokens: readonly Token[]): boolean {
  if (!/(?:^|[^\p{L}])the[ \t]+$/iu.test(text.slice(Math.max(0, m.start - 5), m.start))) return false;
  const i = tokenAt(tokens, m.end);
  const next = tokens[i];
  const last = tokens[i - 1];
  if (!next || (last && next.sentence !== last.sentence)) return true;
  if (next.start === m.end && /^[-‐‑–]/.test(next.text)) return false;
  if (/^,[ \t]*(?:\p{Lu}[\p{L}.]*[ \t]*){1,3}[-‐‑]/u.test(text.slice(m.end, m.end + 40))) return false;
  if (next.pos === 'CCONJ' || /^of$/i.test(next.text)) return false;
  return !ATTRIBUTIVE.has(next.pos);
}

/**
 * Sets aside the towns of a one-word name every mention writes with the article, unless the
 * town's own name has it (The Hague). Longer names with the article are often a region or a
 * water that cities500 lists as a town too ("the Gold Coast", "the Sunshine Coast").
 */
function withoutArticleTowns(text: string, r: Resolved, tokens?: readonly Token[]): Resolved {
  if (!tokens?.length || r.entity.mentions.length === 0 || !r.candidates.some((c) => isCity(c.place))) return r;
  if (r.entity.mentions.some((m) => /\s/.test(text.slice(m.start, m.end)))) return r;
  // "the Bakhmut region": the article is the region word's
  const own = (m: Entity['mentions'][number]) => REGION_SUFFIX.test(text.slice(m.start, m.end)) || REGION_WORD.test(text.slice(m.end, m.end + 16));
  if (!r.entity.mentions.every((m) => !own(m) && headWithArticle(text, m, tokens))) return r;
  const candidates = r.candidates.filter((c) => !isCity(c.place) || normalizeKey(c.place.name).startsWith('the '));
  return candidates.length === r.candidates.length ? r : { ...r, candidates, article: true };
}

/** A point of the compass alone is a direction or a bloc ("send tanks West again"), not the hamlet of West, Texas. */
function withoutCompassTowns(r: Resolved): Resolved {
  if (!COMPASS.test(r.form) || !r.candidates.some((c) => isCity(c.place))) return r;
  return { ...r, candidates: r.candidates.filter((c) => !isCity(c.place)), compass: true };
}

function matchKind(form: string, place: Place, former: boolean): MatchedBy {
  if (former) return 'former-name';
  if (fullKey(form) === fullKey(place.name)) return 'exact';
  return skeleton(form) === skeleton(place.name) ? 'transliteration' : 'alternate';
}

/** Scores a resolved entity's candidates in this context, best first. */
function rank(r: Resolved, ctx: Context, gaz: Gazetteer): Candidate[] {
  // GeoNames' alternate names are noisy ("Missouri" for Bozeman): where some place bears the name
  // as its own, a place that merely lists it needs more evidence
  const someoneOwns = r.candidates.some((c) => c.matchedBy === 'exact' || c.matchedBy === 'transliteration' || c.matchedBy === 'former-name');
  // and where one is spelled exactly so, a place whose name only folds to the same skeleton
  // ("Asia" and Ashiya) needs more evidence too
  const someoneExact = r.candidates.some((c) => c.matchedBy === 'exact');
  const scored = r.candidates.map((c): Candidate => {
    const p = c.place;
    const reasons: string[] = [];
    let score = 0;
    let supported = false;
    let local = false;
    if (p.kind === 'country') {
      score += W.country;
      reasons.push('a country');
    } else if (p.kind === 'region') {
      score += W.region;
      reasons.push(REGION_REASON[p.feature] ?? 'a first-level region');
    } else {
      score += W.population * Math.min(1, Math.log10(p.population + 1) / 7);
      if (p.population > 0) reasons.push(`population ${p.population.toLocaleString('en-US')}`);
      if (p.feature === 'PPLC') (score += W.capital), reasons.push(`capital of ${countryName(p.countryCode)}`);
      if (p.feature === 'PPLA') (score += W.adminSeat), reasons.push('a regional capital');
    }
    if (c.matchedBy === 'former-name') {
      const info = gaz.renamedInfo(p.geonamesId);
      reasons.push(`"${r.form}" is its former name${info ? ` (until ${info.year})` : ''}`);
    }
    if (c.matchedBy === 'alternate') {
      reasons.push(`"${r.form}" is one of its names`);
      // our countries' and regions' other names are chosen by hand ("Georgia (US state)" is "Georgia")
      if (someoneOwns && isCity(p)) score -= W.othersName;
    }
    else if (c.matchedBy === 'exact' || c.matchedBy === 'transliteration') score += W.ownName;
    if (c.matchedBy === 'transliteration' && someoneExact) score -= W.othersName;
    if (c.matchedBy === 'fuzzy') {
      score -= 0.1 * c.distance;
      reasons.push(`spelled ${c.distance} letter${c.distance > 1 ? 's' : ''} away from one of its names`);
    }
    // the country counts when something other than this very name mentions it: for a town or a
    // region, the country it is in; for a country called by its name, a region of it ("Georgia" and
    // "South Ossetia"; not "West Bank", one of Palestine's names, over the West Bank itself)
    const otherPhrase = p.kind === 'country' && c.matchedBy === 'alternate' ? undefined : ctx.countries.get(p.countryCode)?.find((phrase) => normalizeKey(phrase) !== normalizeKey(r.form));
    if (otherPhrase !== undefined) {
      score += W.inCountry;
      supported = true;
      reasons.push(p.kind === 'country' ? `the article also mentions it or a place in it (“${otherPhrase}”)` : `in ${countryName(p.countryCode)}, which the article mentions`);
    }
    // a town or a county is placed by the region the article names and by the places around it
    if (isLocal(p)) {
      const region = ctx.regions.find((x) => x.entityId !== r.entity.id && x.place.countryCode === p.countryCode && x.place.covers?.includes(p.admin1));
      if (region) {
        score += W.inRegion;
        supported = local = true;
        const own = gaz.regionName(p.countryCode, p.admin1);
        reasons.push(
          region.place.feature === 'ADM2'
            ? `in ${own ?? 'the state'}, as ${region.place.name} is, which the article mentions`
            : own && own !== region.place.name ? `in ${own}, part of ${region.place.name}, which the article mentions` : `in ${region.place.name}, which the article mentions`,
        );
      }
      const near = nearestAnchor(p, r.entity.id, ctx.anchors);
      if (near && near.km < NEAR_KM) {
        score += W.near * (1 - near.km / NEAR_KM);
        supported = local = true;
        reasons.push(anchorReason(near));
      }
    }
    if (c.county) {
      score += W.inCounty;
      supported = local = true;
      reasons.push(`in ${c.county}, which the article names`);
    }
    if (c.towns) {
      score += W.inCounty;
      supported = local = true;
      reasons.push(`${c.towns.join(', ')}, which the article names, ${c.towns.length > 1 ? 'are' : 'is'} in it`);
    }
    // a first-level region is placed by the counties and towns the article names in it
    if (p.kind === 'region' && p.feature === 'ADM1' && p.covers) {
      const inside = ctx.regions.find((x) => x.entityId !== r.entity.id && x.place.feature === 'ADM2' && x.place.countryCode === p.countryCode && p.covers!.includes(x.place.admin1))?.place
        ?? ctx.anchors.find((a) => a.entityId !== r.entity.id && a.place.countryCode === p.countryCode && p.covers!.includes(a.place.admin1))?.place;
      if (inside) {
        score += W.inRegion;
        supported = local = true;
        reasons.push(`${inside.name}, which the article also names, is in it`);
      }
    }
    return { ...c, score, reasons, supported, local };
  });
  return scored.sort((a, b) => b.score - a.score || b.place.population - a.place.population);
}

function nearestAnchor(p: Place, entityId: string, anchors: Anchor[]): { anchor: Anchor; km: number } | undefined {
  let best: { anchor: Anchor; km: number } | undefined;
  for (const anchor of anchors) {
    if (anchor.entityId === entityId) continue;
    const km = distanceKm(p, anchor.place);
    if (!best || km < best.km) best = { anchor, km };
  }
  return best;
}

/** The article says something about where it happens, besides this entity. */
const hasContext = (r: Resolved, ctx: Context) =>
  ctx.countries.size > 0 || ctx.regions.length > 0 || ctx.anchors.some((a) => a.entityId !== r.entity.id);

function anchorReason({ anchor, km }: { anchor: Anchor; km: number }): string {
  const where = anchor.dateline ? 'the dateline' : 'also in the article';
  if (km < 1) return `the place the article also names as ${anchor.form}`;
  return `${Math.round(km)} km from ${anchor.place.name}, ${where}`;
}

/**
 * Small places are named because the story is there: one far from every other place the
 * article names is probably another place of that name, missing from the gazetteer.
 */
function isAstray(p: Place, near: { km: number } | undefined): boolean {
  const minor = isCity(p) && p.feature !== 'PPLC' && p.feature !== 'PPLA' && p.population < 500_000;
  return minor && near !== undefined && near.km > FAR_KM;
}

/**
 * The best candidate's share of the evidence: a softmax over all candidates and "none of them"
 * (score 0: a place missing from the gazetteer), so many near-equal namesakes mean low confidence.
 */
function confidenceOf(ranked: Candidate[]): number {
  const best = ranked[0];
  if (!best) return 0;
  let sum = Math.exp(-SHARPNESS * best.score);
  for (const c of ranked) sum += Math.exp(SHARPNESS * (c.score - best.score));
  let conf = 1 / sum;
  if (best.matchedBy === 'fuzzy') conf *= 0.9 - 0.1 * best.distance;
  return conf;
}

function describe(p: Place, gaz: Gazetteer): string {
  if (p.kind === 'country') return p.name;
  const region = p.kind === 'city' ? gaz.regionName(p.countryCode, p.admin1) : undefined;
  return `${p.name} (${region ? `${region}, ` : ''}${countryName(p.countryCode)})`;
}

function toLink(r: Resolved, ranked: Candidate[], ctx: Context, gaz: Gazetteer, publishedYear?: number): PlaceLink {
  const best = ranked[0];
  if (!best) {
    return {
      geonamesId: null, name: r.entity.name, lat: null, lon: null, countryCode: null, confidence: 0,
      note: r.article
        ? `the article writes "the ${r.entity.name}", as no town is named: not the towns of that name`
        : r.compass
          ? `"${r.entity.name}" alone is a point of the compass (a direction, or a bloc such as the West): not the towns of that name`
          : `"${r.entity.name}" is not in the gazetteer (GeoNames places of 500+ people, and our regions)`,
    };
  }
  const p = best.place;
  const notes: string[] = [];
  let confidence = confidenceOf(ranked);
  if (best.matchedBy === 'fuzzy' && !best.local) {
    // a near spelling with nothing near it in the article ("Putin" and Putian, in a story that names
    // China; "Nordic" and Norwich): no link, candidates listed. Its country alone is no evidence for a
    // misspelling, since a story names few countries and every one holds thousands of near spellings.
    return {
      geonamesId: null, name: r.entity.name, lat: null, lon: null, countryCode: null, confidence: 0,
      note: `no place is spelled "${r.entity.name}"; the nearest spellings (${ranked.slice(0, 3).map((c) => c.place.name).join(', ')}) have nothing near them in the article`,
      candidates: shown(ranked),
    };
  }
  if (confidence < MIN_LINK_CONFIDENCE) {
    const which = ranked.length > 1 ? `${ranked.length} places are called "${r.form}" and the article does not say which` : `"${r.form}" barely matches ${p.name}`;
    return {
      geonamesId: null, name: r.entity.name, lat: null, lon: null, countryCode: null, confidence: 0,
      note: `${which}: the likeliest, ${describe(p, gaz)}, is too uncertain to link (${round(confidence, 2)})`,
      candidates: shown(ranked),
    };
  }
  if (best.matchedBy === 'former-name') {
    const info = gaz.renamedInfo(p.geonamesId);
    notes.push(
      info && publishedYear !== undefined && publishedYear < info.year
        ? `${r.form} was the name of ${p.name} when the article was published (renamed in ${info.year})`
        : `${r.form} is the former name${info ? ` (until ${info.year})` : ''} of ${p.name}`,
    );
  }
  if (best.matchedBy === 'fuzzy') notes.push(`no place is spelled "${r.entity.name}"; ${p.name} is the nearest spelling`);
  if (p.note) notes.push(p.note);

  const near = isCity(p) ? nearestAnchor(p, r.entity.id, ctx.anchors) : undefined;
  if (near && isAstray(p, near)) {
    confidence = Math.min(confidence, 0.3);
    notes.push(`the best candidate, ${describe(p, gaz)}, is ${Math.round(near.km).toLocaleString('en-US')} km from ${near.anchor.place.name}, the nearest other place the article names: the place meant may be another one of that name, missing from the gazetteer`);
  } else if (isCity(p) && r.regionMissing) {
    // "Russia's Tula region": the region is meant, and the gazetteer lacks it
    confidence = Math.min(confidence, 0.45);
    notes.push(`the article names the ${r.regionMissing} region, which the gazetteer lacks; ${describe(p, gaz)} is the place of that name`);
  } else if (isCity(p) && !best.supported && (ranked.length > 1 || best.matchedBy !== 'exact') && p.population < 100_000 && hasContext(r, ctx)) {
    // a lone candidate too, when only folded spelling makes it one ("Khatyn" and Hà Tĩnh)
    confidence = Math.min(confidence, 0.45);
    notes.push(
      ranked.length > 1
        ? `nothing in the article points to ${describe(p, gaz)}; chosen by population among ${ranked.length} candidates`
        : `nothing in the article points to ${describe(p, gaz)}, the only place spelled like "${r.form}"`,
    );
  } else if (ranked.length >= 3 && confidence < 0.6) {
    notes.push(`${ranked.length} places share this name; the article does not make clear which`);
  }

  const candidates = shown(ranked);
  return {
    geonamesId: p.geonamesId,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    countryCode: p.countryCode,
    feature: p.feature,
    confidence: round(confidence, 2),
    matchedBy: best.matchedBy,
    ...(best.matchedBy === 'former-name' ? { formerName: r.form } : {}),
    ...(notes.length ? { note: notes.join('; ') } : {}),
    candidates,
  };
}

function shown(ranked: Candidate[]): PlaceCandidate[] {
  return ranked.slice(0, SHOWN_CANDIDATES).map((c) => ({
    geonamesId: c.place.geonamesId,
    name: c.place.name,
    kind: c.place.kind,
    countryCode: c.place.countryCode,
    ...(c.place.admin1 ? { admin1: c.place.admin1 } : {}),
    lat: c.place.lat,
    lon: c.place.lon,
    ...(c.place.population ? { population: c.place.population } : {}),
    score: round(c.score, 3),
    reasons: c.reasons,
  }));
}
