/**
 * `corpus export`: the stored corpus for the tools analysts use next. JSONL: one Analysis a line
 * with the store's record of the article (`corpus`). CSV: a folder with a table per layer
 * (articles, entities, attributions, places, techniques, findings), one row per item, joined on
 * the article id (pandas, spreadsheets). GeoJSON: a FeatureCollection with a point per place per
 * article (QGIS). Articles are read in pages: memory stays flat however large the store.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { CorpusStore, StoredArticle } from './store.js';

export type ExportFormat = 'jsonl' | 'csv' | 'geojson';

type Cell = string | number | boolean | null | undefined;

/** The CSV tables: their columns, and the rows one article gives. */
const TABLES: Record<string, { columns: string[]; rows: (a: StoredArticle) => Cell[][] }> = {
  articles: {
    columns: ['article', 'title', 'url', 'canonical_url', 'outlet', 'published', 'language', 'origin', 'added_at', 'characters', 'entities', 'attributions', 'techniques', 'findings'],
    rows: (a) => [[a.id, a.title, a.url, a.canonicalUrl, a.outlet, a.published, a.language, a.origin, a.addedAt, a.analysis.document.text.length, a.analysis.entities.length, a.analysis.attributions.length, a.analysis.techniques.length, a.analysis.findings.length]],
  },
  entities: {
    columns: ['article', 'entity', 'type', 'name', 'role', 'mentions', 'first_start', 'first_end', 'geonames_id', 'lat', 'lon', 'country'],
    rows: (a) =>
      a.analysis.entities.map((e) => [a.id, e.id, e.type, e.name, e.role, e.mentions.length, e.mentions[0]?.start, e.mentions[0]?.end, e.place?.geonamesId, e.place?.lat, e.place?.lon, e.place?.countryCode]),
  },
  attributions: {
    columns: ['article', 'attribution', 'source', 'source_kind', 'source_entity', 'cue', 'mode', 'content_start', 'content_end', 'content'],
    rows: (a) => {
      const text = a.analysis.document.text;
      return a.analysis.attributions.map((t) => [
        a.id,
        t.id,
        t.source?.text,
        t.source?.kind ?? 'none',
        t.source?.entityId,
        t.cue ? text.slice(t.cue.start, t.cue.end) : undefined,
        t.mode,
        t.content.start,
        t.content.end,
        text.slice(t.content.start, t.content.end),
      ]);
    },
  },
  places: {
    columns: ['article', 'entity', 'name', 'geonames_id', 'lat', 'lon', 'country', 'confidence', 'mentions'],
    rows: (a) =>
      a.analysis.entities.flatMap((e) => (e.place ? [[a.id, e.id, e.place.name, e.place.geonamesId, e.place.lat, e.place.lon, e.place.countryCode, e.place.confidence, e.mentions.length]] : [])),
  },
  techniques: {
    columns: ['article', 'technique', 'start', 'end', 'confidence', 'text'],
    rows: (a) => a.analysis.techniques.map((t) => [a.id, t.technique, t.start, t.end, t.confidence, a.analysis.document.text.slice(t.start, t.end)]),
  },
  findings: {
    columns: ['article', 'rule', 'severity', 'message', 'start', 'end'],
    rows: (a) => a.analysis.findings.map((f) => [a.id, f.rule, f.severity, f.message, f.spans[0]?.start, f.spans[0]?.end]),
  },
};

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (cells: Cell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** Writes, waiting when the stream's buffer is full (a large export does not pile up in memory). */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** JSONL or GeoJSON to a stream; returns the number of articles (GeoJSON: features) written. */
export async function exportStream(store: CorpusStore, format: 'jsonl' | 'geojson', out: Writable): Promise<number> {
  let n = 0;
  if (format === 'jsonl') {
    for await (const a of store.articles()) {
      const { analysis, ...record } = a;
      await write(out, `${JSON.stringify({ ...analysis, corpus: record })}\n`);
      n++;
    }
    return n;
  }
  await write(out, '{"type":"FeatureCollection","features":[');
  for await (const a of store.articles()) {
    for (const e of a.analysis.entities) {
      const p = e.place;
      if (!p || p.lat === null || p.lon === null) continue;
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          article: a.id,
          title: a.title ?? null,
          outlet: a.outlet ?? null,
          published: a.published,
          name: p.name,
          mentioned_as: e.name,
          geonames_id: p.geonamesId,
          country: p.countryCode,
          confidence: p.confidence,
          mentions: e.mentions.length,
        },
      };
      await write(out, `${n === 0 ? '' : ','}\n${JSON.stringify(feature)}`);
      n++;
    }
  }
  await write(out, '\n]}\n');
  return n;
}

/** A CSV table per layer in `dir`; returns the rows written per table. */
export async function exportCsv(store: CorpusStore, dir: string): Promise<Record<string, number>> {
  await mkdir(dir, { recursive: true });
  const files = new Map<string, WriteStream>();
  const counts: Record<string, number> = {};
  try {
    for (const [name, table] of Object.entries(TABLES)) {
      const file = createWriteStream(join(dir, `${name}.csv`));
      files.set(name, file);
      counts[name] = 0;
      await write(file, csvLine(table.columns));
    }
    for await (const a of store.articles()) {
      for (const [name, table] of Object.entries(TABLES)) {
        for (const row of table.rows(a)) {
          await write(files.get(name)!, csvLine(row));
          counts[name]!++;
        }
      }
    }
  } finally {
    await Promise.all([...files.values()].map((f) => new Promise<void>((resolve, reject) => f.end((err?: Error | null) => (err ? reject(err) : resolve())))));
  }
  return counts;
}
