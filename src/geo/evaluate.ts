/**
 * Runs the place layer on a geoparsing corpus the way it runs on articles (text, entities, places,
 * affiliations) and scores it (eval/geo.ts). Every mention of a place entity is a predicted
 * toponym, placed where the entity's link puts it; so is every affiliation, at its country (LGL and
 * TR-News annotate demonyms, "American", "Georgian", as toponyms of their country), unless
 * `affiliations` is false.
 */
import { analyzeDocument } from '../analyze.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { entitiesAnalyzer } from '../entities/analyzer.js';
import { affiliationsAnalyzer, placesAnalyzer } from './analyzer.js';
import type { Analysis } from '../core/schema.js';
import { scoreGeo, type GeoArticle, type GeoScore, type PredictedPlace, type Resolution } from '../eval/geo.js';

const PLACE_LAYERS = [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer, placesAnalyzer, affiliationsAnalyzer];

/**
 * The predicted place mentions of an analysis, and its affiliations unless told not to. An
 * affiliation names its country for certain: confidence 1.
 */
export function predictedPlaces(analysis: Pick<Analysis, 'entities' | 'affiliations'>, { affiliations = true } = {}): PredictedPlace[] {
  const out: PredictedPlace[] = [];
  for (const e of analysis.entities) {
    if (e.type !== 'place') continue;
    for (const m of e.mentions) {
      out.push({
        start: m.start,
        end: m.end,
        geonamesId: e.place?.geonamesId ?? null,
        lat: e.place?.lat ?? null,
        lon: e.place?.lon ?? null,
        confidence: e.place?.confidence ?? 0,
      });
    }
  }
  if (affiliations) {
    for (const a of analysis.affiliations ?? []) out.push({ start: a.start, end: a.end, geonamesId: a.geonamesId, lat: a.lat, lon: a.lon, confidence: 1 });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function placesOf(article: GeoArticle, options: { affiliations?: boolean } = {}): PredictedPlace[] {
  const analysis = analyzeDocument(
    { id: article.id, text: article.text, language: 'en', publishedAt: article.date ?? null, source: { kind: 'text' } },
    [],
    { analyzers: PLACE_LAYERS, budgetMs: 60_000 },
  );
  return predictedPlaces(analysis, options);
}

export function evaluatePlaces(articles: readonly GeoArticle[], onResolved?: (r: Resolution) => void, options: { affiliations?: boolean } = {}): GeoScore {
  return scoreGeo(articles, articles.map((a) => placesOf(a, options)), onResolved);
}
