/**
 * Runs the place layer on a geoparsing corpus the way it runs on articles (text, entities, places)
 * and scores it (eval/geo.ts). Every mention of a place entity is a predicted toponym, placed where
 * the entity's link puts it.
 */
import { analyzeDocument } from '../analyze.js';
import { sentencesAnalyzer, tokensAnalyzer } from '../text/analyzers.js';
import { entitiesAnalyzer } from '../entities/analyzer.js';
import { placesAnalyzer } from './analyzer.js';
import type { Analysis } from '../core/schema.js';
import { scoreGeo, type GeoArticle, type GeoScore, type PredictedPlace, type Resolution } from '../eval/geo.js';

const PLACE_LAYERS = [sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer, placesAnalyzer];

/** The predicted place mentions of an analysis. */
export function predictedPlaces(analysis: Pick<Analysis, 'entities'>): PredictedPlace[] {
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
  return out;
}

export function placesOf(article: GeoArticle): PredictedPlace[] {
  const analysis = analyzeDocument(
    { id: article.id, text: article.text, language: 'en', publishedAt: article.date ?? null, source: { kind: 'text' } },
    [],
    { analyzers: PLACE_LAYERS, budgetMs: 60_000 },
  );
  return predictedPlaces(analysis);
}

export function evaluatePlaces(articles: readonly GeoArticle[], onResolved?: (r: Resolution) => void): GeoScore {
  return scoreGeo(articles, articles.map(placesOf), onResolved);
}
