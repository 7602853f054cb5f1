/**
 * The place gold sample of our own on warnews (test/gold/places/): town and village mentions
 * drawn at random from the real articles and resolved by hand, scored against the place layer.
 *
 * - `placeMentions(dir)`: every mention of a place entity in every article, as `unspin analyze`
 *   reads it (ingest with its page-chrome cut, publication date from the file name), with offsets
 *   in the file's own text (the cut put back) and the entity's link.
 * - `drawSample(mentions, options)`: settlement mentions (the best candidate is a town or village),
 *   drawn with a seed, at most a few per article and one per entity in an article, spread over the
 *   outlets' countries (the file name's CC), so both sides of the war are in it. The draw carries
 *   no link: the annotator resolves it blind.
 * - `scoreGold(gold, mentions)`: the share of gold mentions whose link is right.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../analyze.js';
import type { PlaceLink } from '../core/schema.js';
import { entitiesAnalyzer } from '../entities/analyzer.js';
import { inputOffset } from '../ingest/chrome.js';
import { ingest } from '../ingest/index.js';
import { seededRandom, shuffle } from '../learn/perceptron.js';
import { LOW_PLACE_CONFIDENCE } from '../report/stats.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { placesAnalyzer } from './analyzer.js';

const PLACE_LAYERS = [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer, placesAnalyzer];

/**
 * The gold of a mention: a GeoNames id; 'region:NAME' for an entry of the gazetteer that has no
 * GeoNames id (our regions, seas and US counties: 'region:Kherson Oblast'), by its name there;
 * or why there is none: the place is not in the gazetteer, or the mention is no place at all.
 */
export type PlaceGold = number | `region:${string}` | 'not-in-gazetteer' | 'not-a-place';
export type GoldKind = 'id' | 'region' | 'not-in-gazetteer' | 'not-a-place';
export const GOLD_KINDS: readonly GoldKind[] = ['id', 'region', 'not-in-gazetteer', 'not-a-place'];
export const goldKind = (g: PlaceGold): GoldKind => (typeof g === 'number' ? 'id' : g.startsWith('region:') ? 'region' : (g as GoldKind));

export interface GoldMention {
  /** the article's file name in ../shared/data/warnews/articles */
  file: string;
  /** offsets in the file's text (UTF-16, as JavaScript reads it) */
  start: number;
  end: number;
  /** the name as the text writes it (a check that the offsets still point to it) */
  surface: string;
  gold: PlaceGold;
  note: string;
}

export interface PlaceMention {
  file: string;
  /** the outlets' country, from the file name */
  country: string;
  start: number;
  end: number;
  surface: string;
  entityId: string;
  link: PlaceLink | null;
  /** the link's best candidate is a settlement (a town or village: kind 'city') */
  settlement: boolean;
}

/** The outlets' country a warnews file name carries (YYYYMMDDTHHMMSSZ_CC_LANG_hash.txt). */
export const countryOf = (file: string) => /^\d{8}T\d{6}Z_([A-Z]{2})_/.exec(file)?.[1] ?? '??';
const dateOf = (file: string) => /^(\d{4})(\d{2})(\d{2})T/.exec(file)?.slice(1, 4).join('-');

/** The place mentions of one article, in the file's offsets. */
export async function articlePlaceMentions(dir: string, file: string): Promise<PlaceMention[]> {
  const published = dateOf(file);
  const { info, warnings } = await ingest({ kind: 'file', path: join(dir, file) }, published ? { published } : {});
  const analysis = analyzeDocument(info, warnings, { analyzers: PLACE_LAYERS, budgetMs: 60_000 });
  const removed = info.removed ?? [];
  const out: PlaceMention[] = [];
  for (const e of analysis.entities) {
    if (e.type !== 'place') continue;
    const link = e.place ?? null;
    const settlement = link?.candidates?.[0]?.kind === 'city';
    for (const m of e.mentions) {
      out.push({
        file,
        country: countryOf(file),
        start: inputOffset(removed, m.start),
        end: inputOffset(removed, m.end, true),
        surface: info.text.slice(m.start, m.end),
        entityId: e.id,
        link,
        settlement,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The place mentions of every article in `dir` (or of the files named). */
export async function placeMentions(dir: string, files?: readonly string[], onArticle?: (done: number, total: number) => void): Promise<PlaceMention[]> {
  const names = files ? [...new Set(files)].sort() : readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: PlaceMention[] = [];
  for (const [i, file] of names.entries()) {
    out.push(...(await articlePlaceMentions(dir, file)));
    onArticle?.(i + 1, names.length);
  }
  return out;
}

export interface DrawOptions {
  /** mentions to draw (100) */
  n?: number;
  seed?: number;
  /** at most this many from one article (3) */
  perArticle?: number;
  /** at least this many from each outlets' country, where it has them (10) */
  perCountry?: number;
}

export interface Drawn {
  file: string;
  start: number;
  end: number;
  surface: string;
}

/**
 * Settlement mentions drawn at random. The unit drawn is a place an article names (an entity of
 * the article whose best candidate is a settlement), then one of its mentions: so a capital the
 * article repeats twenty times weighs as much as a village it names once, and the sample holds
 * more towns and villages than a draw of mentions would. The places are shuffled with the seed and
 * taken in that order, at most `perArticle` from one article; each outlets' country first gets its
 * `perCountry` (so the 23 Belarusian state-media articles are not drowned by the rest), then the
 * rest are taken as they come. In file order.
 */
export function drawSample(mentions: readonly PlaceMention[], options: DrawOptions = {}): Drawn[] {
  const { n = 100, seed = 6, perArticle = 3, perCountry = 10 } = options;
  const random = seededRandom(seed);
  const places = new Map<string, PlaceMention[]>();
  for (const m of mentions) {
    if (!m.settlement) continue;
    const key = `${m.file}\t${m.entityId}`;
    places.set(key, [...(places.get(key) ?? []), m]);
  }
  const order = shuffle([...places.keys()].sort(), random).map((k) => places.get(k)!);
  const taken: PlaceMention[] = [];
  const perFile = new Map<string, number>();
  const done = new Set<PlaceMention[]>();
  const take = (place: PlaceMention[]) => {
    const file = place[0]!.file;
    if (taken.length >= n || done.has(place) || (perFile.get(file) ?? 0) >= perArticle) return false;
    taken.push(place[Math.floor(random() * place.length)]!);
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
    done.add(place);
    return true;
  };
  const countries = [...new Set(order.map((p) => p[0]!.country))].sort();
  for (const c of countries) {
    let got = 0;
    for (const p of order) if (got < perCountry && p[0]!.country === c && take(p)) got++;
  }
  for (const p of order) take(p);
  return taken
    .sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)
    .map(({ file, start, end, surface }) => ({ file, start, end, surface }));
}

export interface GoldRow {
  gold: GoldMention;
  /** the link of the place mention found at the gold's offsets (overlapping them), if any */
  predicted: { geonamesId: number | null; name: string; confidence: number } | null;
  right: boolean;
}

export interface GoldScore {
  mentions: number;
  right: number;
  share: number;
  /** per kind of gold: mentions and right */
  byGold: Record<GoldKind, { mentions: number; right: number }>;
  rows: GoldRow[];
}

/**
 * Right: a gold id is linked to that id, a gold region to that region; a place not in the gazetteer, or no place at all, is not
 * linked, or linked with a confidence the report shows as low (LOW_PLACE_CONFIDENCE). A mention the
 * pipeline no longer finds as a place is not linked.
 */
export function scoreGold(gold: readonly GoldMention[], mentions: readonly PlaceMention[]): GoldScore {
  const byFile = new Map<string, PlaceMention[]>();
  for (const m of mentions) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m]);
  const byGold = Object.fromEntries(GOLD_KINDS.map((k) => [k, { mentions: 0, right: 0 }])) as GoldScore['byGold'];
  const rows = gold.map((g): GoldRow => {
    const overlap = (m: PlaceMention) => Math.min(m.end, g.end) - Math.max(m.start, g.start);
    const found = (byFile.get(g.file) ?? []).filter((m) => overlap(m) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
    const link = found?.link ?? null;
    const predicted = link ? { geonamesId: link.geonamesId, name: link.name, confidence: link.confidence } : null;
    const kind = goldKind(g.gold);
    const right =
      kind === 'id'
        ? link?.geonamesId === g.gold
        : kind === 'region'
          ? link !== null && link.geonamesId === null && link.name === (g.gold as string).slice('region:'.length)
          : !link || link.lat === null || link.confidence < LOW_PLACE_CONFIDENCE;
    byGold[kind].mentions++;
    if (right) byGold[kind].right++;
    return { gold: g, predicted, right };
  });
  const right = rows.filter((r) => r.right).length;
  return { mentions: rows.length, right, share: rows.length ? right / rows.length : 0, byGold, rows };
}

/** Reads and checks a gold file's JSON (an array of GoldMention). */
export function parseGold(json: string, name = 'gold'): GoldMention[] {
  const data = JSON.parse(json) as unknown;
  const items = Array.isArray(data) ? data : (data as { mentions?: unknown }).mentions;
  if (!Array.isArray(items)) throw new Error(`${name}: expected an array of mentions (or { mentions: [...] })`);
  return items.map((x, i) => {
    const g = x as Partial<GoldMention>;
    const ok =
      typeof g.file === 'string' && Number.isInteger(g.start) && Number.isInteger(g.end) && typeof g.surface === 'string' &&
      (Number.isInteger(g.gold) || g.gold === 'not-in-gazetteer' || g.gold === 'not-a-place' || (typeof g.gold === 'string' && /^region:\S/.test(g.gold)));
    if (!ok) throw new Error(`${name}: mention ${i + 1} needs file, start, end, surface and gold (a GeoNames id, 'region:NAME', 'not-in-gazetteer' or 'not-a-place')`);
    return { file: g.file!, start: g.start!, end: g.end!, surface: g.surface!, gold: g.gold!, note: g.note ?? '' };
  });
}

const GOLD_LABEL: Record<GoldKind, string> = {
  id: 'a GeoNames id', region: 'a gazetteer region without id', 'not-in-gazetteer': 'not in the gazetteer', 'not-a-place': 'not a place',
};

export function formatGoldScore(s: GoldScore, name: string): string {
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '0.0'}%`;
  const lines = [
    `${name}: ${s.right} of ${s.mentions} place mentions linked right (${pct(s.right, s.mentions)})`,
    ...GOLD_KINDS.map((k) => `  ${GOLD_LABEL[k]}: ${s.byGold[k].right} of ${s.byGold[k].mentions}`),
  ];
  const wrong = s.rows.filter((r) => !r.right);
  if (wrong.length) lines.push('wrong:');
  for (const r of wrong) {
    const p = r.predicted ? `${r.predicted.name} (${r.predicted.geonamesId ?? 'no id'}, confidence ${r.predicted.confidence.toFixed(2)})` : 'no link';
    lines.push(`  ${r.gold.file}\t${r.gold.start}-${r.gold.end}\t${r.gold.surface}\tgold ${r.gold.gold}\tlinked ${p}`);
  }
  return lines.join('\n');
}
