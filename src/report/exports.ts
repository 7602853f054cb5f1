/**
 * Exports for the next tool: the places as GeoJSON (RFC 7946) for QGIS or a web map, and flat CSV
 * tables (RFC 4180) for a spreadsheet or pandas. Both take several analyses: a batch goes into one
 * file per table, each row naming its article.
 */
import type { Analysis } from '../core/schema.js';
import { displayName } from './terminal.js';
import { techniqueLabel } from '../techniques/message.js';

/**
 * One Feature per place entity: a Point where it is linked (longitude first, as RFC 7946 wants),
 * a null geometry where it is not (still useful for its candidates).
 */
export function placesGeoJson(analyses: readonly Analysis[]) {
  const features = analyses.flatMap((a) =>
    a.entities
      .filter((e) => e.place)
      .map((e) => {
        const p = e.place!;
        const located = p.lat !== null && p.lon !== null;
        return {
          type: 'Feature' as const,
          id: `${a.document.id}:${e.id}`,
          geometry: located ? { type: 'Point' as const, coordinates: [p.lon!, p.lat!] } : null,
          properties: {
            article: displayName(a),
            documentId: a.document.id,
            entityId: e.id,
            name: e.name,
            place: p.name,
            geonamesId: p.geonamesId,
            countryCode: p.countryCode,
            confidence: p.confidence,
            ...(p.formerName ? { formerName: p.formerName } : {}),
            ...(p.note ? { note: p.note } : {}),
            mentions: e.mentions.map((m) => ({ text: a.document.text.slice(m.start, m.end), start: m.start, end: m.end })),
            candidates: p.candidates ?? [],
          },
        };
      }),
  );
  return { type: 'FeatureCollection' as const, features };
}

type Cell = string | number | boolean | null | undefined;
export interface Table {
  header: readonly string[];
  rows: Cell[][];
}

/**
 * The tables of `--csv DIR`, keyed by file name: entities, attributions (a flat quotes table), times,
 * techniques, findings, and sentences with their technique score (the probability that the sentence
 * carries any technique, as Prta's sentence-level task scores it) and the techniques shown in them.
 */
export function csvTables(analyses: readonly Analysis[]): Record<string, Table> {
  const tables = {
    'entities.csv': { header: ['article', 'entity_id', 'type', 'name', 'role', 'mentions', 'first_start', 'first_end', 'place', 'geonames_id', 'country_code', 'lat', 'lon', 'place_confidence'], rows: [] as Cell[][] },
    'attributions.csv': { header: ['article', 'id', 'source', 'source_kind', 'cue', 'claim', 'claim_start', 'claim_end', 'mode', 'via', 'confidence'], rows: [] as Cell[][] },
    'times.csv': { header: ['article', 'text', 'start', 'end', 'value', 'end_value', 'precision'], rows: [] as Cell[][] },
    'techniques.csv': { header: ['article', 'technique', 'label', 'text', 'start', 'end', 'confidence', 'rule', 'cues'], rows: [] as Cell[][] },
    'findings.csv': { header: ['article', 'rule', 'severity', 'message', 'start', 'end'], rows: [] as Cell[][] },
    'sentences.csv': { header: ['article', 'sentence', 'start', 'end', 'text', 'technique_score', 'techniques'], rows: [] as Cell[][] },
  };
  for (const a of analyses) {
    const article = displayName(a);
    const text = a.document.text;
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    for (const e of a.entities) {
      const m = e.mentions[0];
      const p = e.place;
      tables['entities.csv'].rows.push([article, e.id, e.type, e.name, e.role, e.mentions.length, m?.start, m?.end, p?.name, p?.geonamesId, p?.countryCode, p?.lat, p?.lon, p?.confidence]);
    }
    for (const x of a.attributions) {
      tables['attributions.csv'].rows.push([
        article, x.id, x.source?.text, x.source?.kind ?? 'unattributed', x.cue ? slice(x.cue) : null, slice(x.content), x.content.start, x.content.end,
        x.mode, (x.via ?? []).map((v) => v.name).join(' > '), x.confidence,
      ]);
    }
    for (const t of a.times) tables['times.csv'].rows.push([article, t.text, t.start, t.end, t.value, t.end_value, t.precision]);
    for (const t of a.techniques) {
      tables['techniques.csv'].rows.push([article, t.technique, techniqueLabel(t.technique), slice(t), t.start, t.end, t.confidence, t.rule, (t.cues ?? []).join('; ')]);
    }
    for (const f of a.findings) {
      // one row per span, so that each row points at one place in the text
      const spans = f.spans.length > 0 ? f.spans : [null];
      for (const s of spans) tables['findings.csv'].rows.push([article, f.rule, f.severity, f.message, s?.start, s?.end]);
    }
    const shownIn = techniquesBySentence(a);
    const scores = a.techniqueSummary?.sentenceScores;
    a.sentences.forEach((s, i) => {
      tables['sentences.csv'].rows.push([article, i + 1, s.start, s.end, slice(s), scores?.[i], shownIn[i] ? [...shownIn[i]!].join('; ') : '']);
    });
  }
  return tables;
}

/** The labels of the shown techniques that overlap each sentence (sentences sorted, as the layer gives them). */
function techniquesBySentence(a: Analysis): (Set<string> | undefined)[] {
  const out: (Set<string> | undefined)[] = new Array(a.sentences.length);
  for (const t of a.techniques) {
    // the first sentence that ends after the span starts
    let lo = 0;
    let hi = a.sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a.sentences[mid]!.end <= t.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < a.sentences.length && a.sentences[i]!.start < t.end; i++) (out[i] ??= new Set()).add(techniqueLabel(t.technique));
  }
  return out;
}

/** A table as RFC 4180 CSV (CRLF line ends, quotes where needed). */
export function toCsv(table: Table): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  // text that a spreadsheet would run as a formula (an article can contain "=HYPERLINK(...)")
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
