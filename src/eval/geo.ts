/**
 * Geoparsing corpora (LGL, TR-News as released by Gritta et al. 2019) and their scores, as defined
 * in ../shared/data/README.md and Gritta et al. 2018/2019:
 * - recognition P/R/F1 of place mentions against the gold toponyms, by span overlap and exact;
 * - resolution on the gold toponyms that a prediction overlaps and places: accuracy@161 km, mean and
 *   median error, the AUC of the error curve (sorted log(1 + km), trapezoids, normalised by
 *   log(20,039 km) and the number of steps; lower is better), and the share linked to exactly the
 *   gold GeoNames id;
 * - a reliability table: the predicted links' confidence in bins against their accuracy@161.
 */
import { distanceKm } from '../geo/place.js';

export interface GoldToponym {
  start: number;
  end: number;
  phrase: string;
  /** absent for the few toponyms the corpus left without a gazetteer link */
  geonamesId?: number;
  lat?: number;
  lon?: number;
}

export interface GeoArticle {
  id: string;
  text: string;
  /** YYYY-MM-DD when the corpus says when it was downloaded (LGL) */
  date?: string;
  toponyms: GoldToponym[];
}

export interface PredictedPlace {
  start: number;
  end: number;
  geonamesId: number | null;
  lat: number | null;
  lon: number | null;
  confidence: number;
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

function field(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) return undefined;
  const body = m[1]!;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(body);
  return cdata ? cdata[1]! : unescapeXml(body);
}

/** Reads a corpus file: `<article>`s with `<text>` and `<toponyms>`. */
export function readGeoCorpus(xml: string): GeoArticle[] {
  const articles: GeoArticle[] = [];
  for (const a of xml.matchAll(/<article(\s[^>]*)?>([\s\S]*?)<\/article>/g)) {
    const body = a[2]!;
    const docid = /\bdocid="([^"]*)"/.exec(a[1] ?? '')?.[1];
    const text = field(body, 'text') ?? '';
    const date = field(body, 'dltime')?.slice(0, 10);
    const toponyms: GoldToponym[] = [];
    for (const t of body.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const x = t[1]!;
      const start = Number(field(x, 'start'));
      const end = Number(field(x, 'end'));
      if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) continue;
      const gaz = /<gaztag\s+geonameid="(\d+)"/.exec(x);
      const lat = Number(field(x, 'lat'));
      const lon = Number(field(x, 'lon'));
      toponyms.push({
        start,
        end,
        phrase: field(x, 'phrase') ?? text.slice(start, end),
        ...(gaz && Number.isFinite(lat) && Number.isFinite(lon) && field(x, 'lat') !== undefined
          ? { geonamesId: Number(gaz[1]), lat, lon }
          : {}),
      });
    }
    articles.push({ id: docid ?? String(articles.length + 1), text, ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}), toponyms });
  }
  return articles;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface ReliabilityBin {
  /** confidence range [from, to) (the last bin includes 1) */
  from: number;
  to: number;
  links: number;
  /** share within 161 km of the gold point */
  accuracy: number;
}

export interface GeoScore {
  articles: number;
  gold: number;
  predicted: number;
  recognition: { overlap: PRF; exact: PRF };
  resolution: {
    /** gold toponyms with coordinates that a prediction overlaps and places */
    scored: number;
    accuracyAt161: number;
    meanKm: number;
    medianKm: number;
    auc: number;
    exactId: number;
  };
  reliability: ReliabilityBin[];
}

const EARTH_HALF_CIRCUMFERENCE_KM = 20_039;
const ACCURATE_KM = 161;
const BINS = [0, 0.3, 0.5, 0.7, 0.9, 1];

const prf = (tpP: number, nP: number, tpR: number, nR: number): PRF => {
  const precision = nP ? tpP / nP : 0;
  const recall = nR ? tpR / nR : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** AUC of the error curve (Gritta et al. 2018): lower is better, 0 when every error is 0 km. */
export function errorAuc(errorsKm: readonly number[]): number {
  if (errorsKm.length === 0) return 0;
  const ys = errorsKm.map((e) => Math.log(1 + e)).sort((a, b) => a - b);
  if (ys.length === 1) return ys[0]! / Math.log(EARTH_HALF_CIRCUMFERENCE_KM);
  let area = 0;
  for (let i = 1; i < ys.length; i++) area += (ys[i - 1]! + ys[i]!) / 2;
  return area / ((ys.length - 1) * Math.log(EARTH_HALF_CIRCUMFERENCE_KM));
}

/** The reliability bin of a confidence: [0, 0.3), [0.3, 0.5)... [0.9, 1]. */
function binOf(confidence: number): number {
  for (let k = 1; k < BINS.length - 1; k++) if (confidence < BINS[k]!) return k - 1;
  return BINS.length - 2;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One article's gold toponym paired with the prediction that resolves it (for error lists). */
export interface Resolution {
  article: string;
  gold: GoldToponym;
  predicted: PredictedPlace;
  km: number;
}

/**
 * Scores predictions against gold, article by article (`predictions[i]` for `articles[i]`). A gold
 * toponym is resolved by the longest placed prediction overlapping it.
 */
export function scoreGeo(articles: readonly GeoArticle[], predictions: readonly (readonly PredictedPlace[])[], onResolved?: (r: Resolution) => void): GeoScore {
  let gold = 0, predicted = 0, tpPOverlap = 0, tpROverlap = 0, exact = 0;
  const errors: number[] = [];
  let exactIds = 0;
  const bins = BINS.slice(1).map(() => ({ links: 0, right: 0 }));
  articles.forEach((article, i) => {
    const preds = predictions[i] ?? [];
    gold += article.toponyms.length;
    predicted += preds.length;
    tpPOverlap += preds.filter((p) => article.toponyms.some((g) => overlaps(p, g))).length;
    tpROverlap += article.toponyms.filter((g) => preds.some((p) => overlaps(p, g))).length;
    exact += article.toponyms.filter((g) => preds.some((p) => p.start === g.start && p.end === g.end)).length;
    for (const g of article.toponyms) {
      if (g.lat === undefined || g.lon === undefined) continue;
      const placed = preds
        .filter((p) => overlaps(p, g) && p.lat !== null && p.lon !== null)
        .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
      if (!placed) continue;
      const km = distanceKm({ lat: g.lat, lon: g.lon }, { lat: placed.lat!, lon: placed.lon! });
      errors.push(km);
      if (placed.geonamesId !== null && placed.geonamesId === g.geonamesId) exactIds++;
      const bin = bins[binOf(placed.confidence)]!;
      bin.links++;
      if (km <= ACCURATE_KM) bin.right++;
      onResolved?.({ article: article.id, gold: g, predicted: placed, km });
    }
  });
  const n = errors.length;
  return {
    articles: articles.length,
    gold,
    predicted,
    recognition: { overlap: prf(tpPOverlap, predicted, tpROverlap, gold), exact: prf(exact, predicted, exact, gold) },
    resolution: {
      scored: n,
      accuracyAt161: n ? errors.filter((e) => e <= ACCURATE_KM).length / n : 0,
      meanKm: n ? errors.reduce((s, e) => s + e, 0) / n : 0,
      medianKm: median(errors),
      auc: errorAuc(errors),
      exactId: n ? exactIds / n : 0,
    },
    reliability: bins.map((b, k) => ({ from: BINS[k]!, to: BINS[k + 1]!, links: b.links, accuracy: b.links ? b.right / b.links : 0 })),
  };
}

const pct = (x: number) => (100 * x).toFixed(1);

export function formatGeoScore(s: GeoScore, corpus: string): string {
  const r = s.resolution;
  const lines = [
    `${corpus}: ${s.articles} articles, ${s.gold} gold toponyms, ${s.predicted} predicted place mentions`,
    `recognition (overlap)  P ${pct(s.recognition.overlap.precision)}  R ${pct(s.recognition.overlap.recall)}  F1 ${pct(s.recognition.overlap.f1)}`,
    `recognition (exact)    P ${pct(s.recognition.exact.precision)}  R ${pct(s.recognition.exact.recall)}  F1 ${pct(s.recognition.exact.f1)}`,
    `resolution on ${r.scored} recognised and placed gold toponyms:`,
    `  accuracy@161 km ${pct(r.accuracyAt161)}  mean ${Math.round(r.meanKm)} km  median ${Math.round(r.medianKm)} km  AUC ${r.auc.toFixed(3)}  exact GeoNames id ${pct(r.exactId)}`,
    'reliability (confidence of the link -> share within 161 km):',
    ...s.reliability.map((b) => `  [${b.from.toFixed(1)}, ${b.to.toFixed(1)}${b.to === 1 ? ']' : ')'}  ${String(b.links).padStart(5)} links  ${b.links ? pct(b.accuracy) : '  -'}`),
  ];
  return lines.join('\n');
}
