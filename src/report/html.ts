/**
 * The HTML report: one self-contained file that works offline. The article and the analysis go
 * in as JSON inside `<script type="application/json">` (with `<`, `>`, `&`, U+2028/2029 escaped);
 * the page's own script (page/, a typed module bundled at build: page-script.ts) builds the DOM
 * from it with textContent. A strict Content-Security-Policy allows only our inline scripts, by
 * hash, and no request of any kind. The map (Leaflet, country borders and the regions of the
 * story's countries inlined) is added only when some place has coordinates.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Analysis, EntityType } from '../core/schema.js';
import { mapAssets } from './map-assets.js';
import { CLIENT_CSS, ENTITY_COLORS } from './html-style.js';
import { pageScript } from './page-script.js';
import { regionName, regionOutlines } from './regions.js';
import { lengthCap, segmentSpans } from './segments.js';
import { LOW_PLACE_CONFIDENCE, countBy, datelineLabel, techniqueSentenceShare, wordCount } from './stats.js';
import { TECHNIQUES, TECHNIQUE_DOCS } from '../techniques/docs.js';
import { countryName } from '../geo/countries.js';
import { jsonChunks, writeInPieces } from './json-chunks.js';
import { collectIfGrown } from '../core/heap.js';

/** More spans than this over one character are not all highlighted (see lengthCap). */
const MAX_OVERLAP = 64;

/** A highlighted span: its layer, its CSS class (from fixed sets only), its item in the layer. */
interface Mark {
  l: 'ent' | 'attr' | 'time' | 'tech' | 'find' | 'ev';
  c: string;
  r: number;
  /** part of an attribution: source | cue | content */
  p?: string;
  start: number;
  end: number;
}

export function renderHtml(a: Analysis): string {
  return [...htmlPieces(a)].join('');
}

/**
 * The report page in pieces, the same text as renderHtml: the page of a 5 MB article is over 60 MB,
 * most of it the page data, which is written as it is made instead of held whole (with its copy
 * for the write) beside the report.
 */
export function* htmlPieces(a: Analysis): Generator<string> {
  const view = buildView(a);
  const assets = view.places.length > 0 ? mapAssets() : undefined;
  const countries = [...new Set(view.places.map((p) => p.countryCode).filter((c): c is string => c !== null))].sort();
  const data = { ...view, geo: assets?.countries ?? null, regions: assets ? regionOutlines(countries) : null };
  const scripts = [assets?.leafletJs, pageScript()].filter((s): s is string => s !== undefined);
  for (const s of scripts) {
    // would end the script element early (or start an HTML comment state inside it)
    if (/<\/script|<!--/i.test(s)) throw new Error('inline script contains </script or <!--');
  }
  const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = a.document.title ?? a.document.source.path ?? 'unspin report';
  yield `<!doctype html>
<html lang="${escapeHtml(/^[a-z]{2,3}$/.test(a.document.language) ? a.document.language : 'und')}">
<head>
<meta charset="utf-8">
<meta name="generator" content="unspin ${escapeHtml(a.tool.version)}">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · unspin</title>
<style>${assets ? assets.leafletCss : ''}${CLIENT_CSS}</style>
</head>
<body>
<noscript><h1>${escapeHtml(title)}</h1><p>This report needs JavaScript for its highlights; the plain text follows.</p><pre style="white-space:pre-wrap">`;
  yield escapeHtml(a.document.text);
  yield `</pre></noscript>
<div id="app"></div>
<script type="application/json" id="unspin-data">`;
  // compact JSON in pieces; the escapes are per character, so a piece at a time is the same
  for (const piece of jsonChunks(data, 0, 2)) yield escapeScriptJson(piece);
  yield `</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}

/** Writes the page to a file piece by piece (see htmlPieces). */
export function writeHtml(file: string, a: Analysis, size = 65_536): void {
  const fd = openSync(file, 'w');
  try {
    writeInPieces(
      (piece) => {
        writeSync(fd, piece);
        collectIfGrown(32 * 1024 * 1024); // the pieces' garbage, which V8 would otherwise let pile up
      },
      htmlPieces(a),
      size,
    );
  } finally {
    closeSync(fd);
  }
}

// chained replaces without a callback: several times faster on markup-heavy text
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** JSON that can sit inside a script element: no `</script>`, no `<!--`, no JS line separators. */
/** JSON text made safe inside a script element: what could end it or break a JS string, escaped. */
export function escapeScriptJson(json: string): string {
  // one pass per character, and only when it occurs: most texts have none of them
  for (const [c, escaped] of JSON_ESCAPES) if (json.includes(c)) json = json.replaceAll(c, escaped);
  return json;
}
const JSON_ESCAPES = ['<', '>', '&', '\u2028', '\u2029'].map((c) => [c, `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`] as const);

const ENTITY_TYPES = Object.keys(ENTITY_COLORS);
const entityClass = (t: EntityType) => (ENTITY_TYPES.includes(t) ? t : 'other');

/** Everything the page script needs, computed here so the script only draws. */
function buildView(a: Analysis) {
  const marks: Mark[] = [];
  a.entities.forEach((e, r) => {
    for (const m of e.mentions) marks.push({ l: 'ent', c: `e-${entityClass(e.type)}`, r, start: m.start, end: m.end });
  });
  a.attributions.forEach((x, r) => {
    if (x.source) marks.push({ l: 'attr', c: 'a-source', p: 'source', r, start: x.source.start, end: x.source.end });
    if (x.cue) marks.push({ l: 'attr', c: 'a-cue', p: 'cue', r, start: x.cue.start, end: x.cue.end });
    marks.push({ l: 'attr', c: 'a-content', p: 'content', r, start: x.content.start, end: x.content.end });
  });
  a.times.forEach((t, r) => marks.push({ l: 'time', c: 'time', r, start: t.start, end: t.end }));
  a.techniques.forEach((t, r) => {
    const i = TECHNIQUES.indexOf(t.technique);
    marks.push({ l: 'tech', c: i < 0 ? 't-x' : `t-${i}`, r, start: t.start, end: t.end });
  });
  a.findings.forEach((f, r) => {
    for (const s of f.spans) marks.push({ l: 'find', c: `f-${f.severity}`, r, start: s.start, end: s.end });
  });
  // events are not a highlight layer of their own; their spans let the timeline point into the text
  a.events.forEach((e, r) => marks.push({ l: 'ev', c: 'ev', r, start: e.start, end: e.end }));

  // a pile of overlapping spans too deep to cut into segments: the longest are not highlighted
  const cap = lengthCap(marks, MAX_OVERLAP);
  const shown = cap === null ? marks : marks.map((m) => (m.end - m.start >= cap ? { start: 0, end: 0 } : m));
  const segs = segmentSpans(a.document.text.length, shown).map((s) => [s.start, s.end, ...s.covers]);
  // a loop, not Math.min(...spans): a spread of a huge array would overflow the stack
  const firstOffset = (spans: readonly { start: number }[]) => {
    let first = Infinity;
    for (const s of spans) if (s.start < first) first = s.start;
    return first;
  };
  const byOffset = <T>(items: readonly T[], at: (x: T) => number) =>
    items.map((_, i) => i).sort((i, j) => at(items[i]!) - at(items[j]!) || i - j);
  const eventDate = (i: number) => a.events[i]!.time?.value ?? null;

  return {
    analysis: a,
    words: wordCount(a.document.text),
    dateline: datelineLabel(a.document),
    lowPlace: LOW_PLACE_CONFIDENCE,
    marks: marks.map(({ l, c, r, p }) => (p ? { l, c, r, p } : { l, c, r })),
    /** spans at least this long are not highlighted in the text (too many overlap), or null */
    unhighlighted: cap,
    segs,
    entityTypes: [...new Set(a.entities.map((e) => entityClass(e.type)))].sort(),
    entityClass: a.entities.map((e) => entityClass(e.type)),
    techniques: TECHNIQUES,
    docs: TECHNIQUE_DOCS,
    techniqueCounts: countBy(a.techniques, (t) => t.technique),
    techniqueShare: techniqueSentenceShare(a),
    sources: sourcesOf(a),
    order: {
      findings: byOffset(a.findings, (f) => firstOffset(f.spans)),
      entities: byOffset(a.entities, (e) => firstOffset(e.mentions)),
      times: byOffset(a.times, (t) => t.start),
      // timeline: by date (undated last), then by position
      events: a.events
        .map((_, i) => i)
        .sort((i, j) => {
          const di = eventDate(i);
          const dj = eventDate(j);
          if (di !== dj) return di === null ? 1 : dj === null ? -1 : di.localeCompare(dj);
          return a.events[i]!.start - a.events[j]!.start;
        }),
    },
    places: placesOf(a),
    /** "Kharkiv Oblast, Ukraine" for `${countryCode}.${admin1}` of every place and candidate */
    where: placeNames(a),
    /** per entity: the `where` key of its linked place, or null */
    placeKey: a.entities.map((e) => (e.place?.countryCode ? `${e.place.countryCode}.${placeAdmin1(e.place) ?? ''}` : null)),
    /** what the reader must know first: shown at the top of the page */
    notices: notices(a, cap),
  };
}
export type ReportView = ReturnType<typeof buildView> & { geo: unknown; regions: unknown };


/** Readable "region, country" names for the admin codes the analysis carries. */
function placeNames(a: Analysis): Record<string, string> {
  const names: Record<string, string> = {};
  const add = (cc: string | null | undefined, admin1: string | undefined) => {
    if (!cc) return;
    const key = `${cc}.${admin1 ?? ''}`;
    if (key in names) return;
    const region = regionName(cc, admin1);
    names[key] = region ? `${region}, ${countryName(cc)}` : countryName(cc);
  };
  for (const e of a.entities) {
    if (!e.place) continue;
    for (const c of e.place.candidates ?? []) add(c.countryCode, c.admin1);
    add(e.place.countryCode, placeAdmin1(e.place));
  }
  return names;
}

/** The linked place's admin1 code, from its own candidate (a PlaceLink does not carry it). */
const placeAdmin1 = (p: NonNullable<Analysis['entities'][number]['place']>) => p.candidates?.find((c) => c.geonamesId === p.geonamesId)?.admin1;

function notices(a: Analysis, cap: number | null): string[] {
  const out: string[] = [];
  if (!a.document.publishedAt) out.push('No publication date was found: relative dates ("on Sunday", "last week") are not resolved. Give one with --published YYYY-MM-DD.');
  if (a.cut.length) out.push(`Not run, the time budget was spent: ${a.cut.map((c) => c.message).join(', ')}. Those layers are missing from this report.`);
  for (const w of a.warnings) out.push(w.message);
  if (cap !== null) out.push(`More than ${MAX_OVERLAP} spans overlap in places: spans of ${cap} characters or more are listed in the panels but not highlighted in the text.`);
  return out;
}

/** Sources grouped by entity when linked, else by their wording; most quoted first. */
function sourcesOf(a: Analysis) {
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const groups = new Map<string, { label: string; kind: string; attributions: number[] }>();
  a.attributions.forEach((x, i) => {
    const s = x.source;
    const entity = s?.entityId ? entities.get(s.entityId) : undefined;
    const key = entity ? `e:${entity.id}` : s ? `t:${s.text.toLowerCase().replace(/\s+/g, ' ').trim()}` : 'none';
    const group = groups.get(key);
    if (group) group.attributions.push(i);
    else groups.set(key, { label: entity?.name ?? s?.text ?? '(no named source)', kind: s?.kind ?? 'unattributed', attributions: [i] });
  });
  return [...groups.values()].sort((x, y) => y.attributions.length - x.attributions.length);
}

/** One map point per linked place (entities linked to the same GeoNames id share it). */
function placesOf(a: Analysis) {
  const byId = new Map<number, { entities: number[]; mentions: string[]; name: string; geonamesId: number; countryCode: string | null; lat: number; lon: number; confidence: number; low: boolean }>();
  a.entities.forEach((e, entity) => {
    const p = e.place;
    if (!p || p.lat === null || p.lon === null || p.geonamesId === null) return;
    const mentions = [...new Set(e.mentions.map((m) => a.document.text.slice(m.start, m.end)))];
    const point = byId.get(p.geonamesId);
    if (point) {
      point.entities.push(entity);
      point.mentions.push(...mentions.filter((m) => !point.mentions.includes(m)));
      point.confidence = Math.max(point.confidence, p.confidence);
      point.low = point.confidence < LOW_PLACE_CONFIDENCE;
      return;
    }
    byId.set(p.geonamesId, {
      entities: [entity], mentions, name: p.name, geonamesId: p.geonamesId, countryCode: p.countryCode,
      lat: p.lat, lon: p.lon, confidence: p.confidence, low: p.confidence < LOW_PLACE_CONFIDENCE,
    });
  });
  return [...byId.values()];
}
