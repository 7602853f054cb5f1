/**
 * The terminal report, in the manner of a linter: a header, counts per layer, the sourcing
 * profile, then one `line:col  kind  message` row per finding or notable span, section by
 * section in text order. Strings from the article are stripped of control characters so a
 * hostile text cannot drive the terminal.
 */
import type { Analysis, Attribution, Entity, Event, PlaceLink } from '../core/schema.js';
import { excerpt } from '../core/excerpt.js';
import { LOW_PLACE_CONFIDENCE, countBy, lineIndex, techniqueSentenceShare, wordCount, type LineCol } from './stats.js';

type Paint = (s: string) => string;
interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  blue: Paint;
  green: Paint;
  magenta: Paint;
  cyan: Paint;
}
const sgr = (open: number, close: number): Paint => (s) => `\x1b[${open}m${s}\x1b[${close}m`;
const COLOR: Palette = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  blue: sgr(34, 39),
  green: sgr(32, 39),
  magenta: sgr(35, 39),
  cyan: sgr(36, 39),
};
const plain: Paint = (s) => s;
const PLAIN: Palette = { bold: plain, dim: plain, red: plain, yellow: plain, blue: plain, green: plain, magenta: plain, cyan: plain };

// C0/C1 controls (ESC included) and the bidi overrides that can disguise text
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** One line of untrusted text, safe to print. */
const clean = (s: string) => s.replace(CONTROL, ' ');

const MAX_QUOTE = 70;
function quote(text: string, span: { start: number; end: number }): string {
  return `"${excerpt(text, span, MAX_QUOTE, (s) => clean(s).replace(/ {2,}/g, ' ').trim())}"`;
}
const pct = (x: number) => `${Math.round(x * 100)}%`;
const list = (pairs: [string, number][]) => pairs.map(([k, n]) => `${clean(k)} ${n}`).join(', ');

interface Row {
  at: number;
  pos: LineCol;
  kind: string;
  message: string;
}

export function renderTerminal(a: Analysis, opts: { color: boolean }): string {
  const p = opts.color ? COLOR : PLAIN;
  const text = a.document.text;
  const where = lineIndex(text);
  const row = (at: number, kind: string, message: string): Row => ({ at, pos: where(at), kind, message });
  const out: string[] = [];

  out.push(...header(a, p), '', ...counts(a, p));
  if (a.sourcing) out.push('', ...sourcing(a, p));

  const severityPaint = { error: p.red, warning: p.yellow, info: p.blue } as const;
  const sections: [string, Row[]][] = [
    [
      'findings',
      a.findings.map((f) => {
        const at = Math.min(...f.spans.map((s) => s.start), text.length);
        return row(at, severityPaint[f.severity](f.severity), `${clean(f.message)}  ${p.dim(f.rule)}`);
      }),
    ],
    [
      'techniques',
      a.techniques.map((t) =>
        row(
          t.start,
          p.magenta(clean(t.technique)),
          `${quote(text, t)} ${p.dim(t.confidence.toFixed(2))}` +
            (t.cues?.length ? `  cues: ${t.cues.map(clean).join('; ')}` : ''),
        ),
      ),
    ],
    [
      'attributions',
      a.attributions.map((at) => {
        const chain = [at.source ? clean(at.source.text) + antecedent(a, at) : '(no source)', ...(at.via ?? []).map((v) => clean(v.name)), 'article'];
        const cue = at.cue ? `${quote(text, at.cue)} ` : '';
        return row(
          at.source?.start ?? at.content.start,
          p.cyan(at.source?.kind ?? 'unattributed'),
          `${chain.join(' -> ')}  ${cue}${quote(text, at.content)}${at.mode ? p.dim(` (${at.mode})`) : ''}`,
        );
      }),
    ],
    ['entities', a.entities.map((e) => row(e.mentions[0]?.start ?? 0, p.green(e.type), entityMessage(e, p)))],
    [
      'times',
      a.times.map((t) =>
        row(t.start, 'time', `${quote(text, t)} = ${t.value ?? p.yellow('unresolved')}` +
          (t.precision ? p.dim(` (${t.precision})`) : '') + (t.end_value ? ` to ${t.end_value}` : '')),
      ),
    ],
  ];
  for (const [title, rows] of sections) {
    if (rows.length === 0) continue;
    out.push('', p.bold(title), ...formatRows(rows, p));
  }
  if (a.events.length > 0) out.push('', p.bold('timeline'), ...timeline(a, p, row));

  if (a.cut.length > 0) out.push('', p.yellow(`cut (time budget spent): ${a.cut.map(clean).join(', ')}`));
  for (const w of a.warnings) out.push(p.yellow(`warning: ${clean(w)}`));
  if (a.timings.length > 0) {
    const total = a.timings.reduce((sum, t) => sum + t.ms, 0);
    out.push('', p.dim(`timings: ${a.timings.map((t) => `${clean(t.analyzer)} ${t.ms.toFixed(1)} ms`).join(', ')} (total ${total.toFixed(1)} ms)`));
  }
  return `${out.join('\n')}\n`;
}

function header(a: Analysis, p: Palette): string[] {
  const d = a.document;
  const name = clean(d.title ?? d.source.path ?? d.url ?? `document ${d.id}`);
  const facts = [
    d.title && d.source.path ? clean(d.source.path) : undefined,
    d.language,
    d.publishedAt ? `published ${d.publishedAt}` : 'publication date unknown',
    `${wordCount(d.text)} words`,
    d.outlet ? clean(d.outlet) : undefined,
  ].filter((x): x is string => x !== undefined);
  return [p.bold(name), p.dim(facts.join(' · '))];
}

function counts(a: Analysis, p: Palette): string[] {
  const lines: [string, number, [string, number][]][] = [
    ['entities', a.entities.length, countBy(a.entities, (e) => e.type)],
    ['attributions', a.attributions.length, countBy(a.attributions, (x) => x.source?.kind ?? 'unattributed')],
    ['techniques', a.techniques.length, countBy(a.techniques, (t) => t.technique)],
    ['times', a.times.length, []],
    ['events', a.events.length, countBy(a.events, (e) => e.type)],
    ['findings', a.findings.length, countBy(a.findings, (f) => f.severity)],
  ];
  const rows = lines.map(([name, n, by]) => `  ${name.padEnd(13)}${String(n).padStart(4)}${by.length ? p.dim(`  ${list(by)}`) : ''}`);
  if (a.techniques.length > 0 && a.sentences.length > 0) {
    rows.push(p.dim(`  ${pct(techniqueSentenceShare(a))} of ${a.sentences.length} sentences carry a technique`));
  }
  return rows;
}

function sourcing(a: Analysis, p: Palette): string[] {
  const s = a.sourcing!;
  const lines = [
    p.bold('sourcing'),
    `  ${s.factualSentences} factual sentences: ${pct(s.unattributedShare)} unattributed, ${pct(s.anonymousOrCollectiveShare)} anonymous or collective`,
  ];
  const byKind = Object.entries(s.byKind).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  if (byKind.length) lines.push(`  by kind: ${list(byKind)}`);
  if (s.namedSources.length) lines.push(`  named: ${s.namedSources.map(clean).join('; ')}`);
  if (s.outlets.length) lines.push(`  outlets: ${s.outlets.map(clean).join('; ')}`);
  return lines;
}

function entityMessage(e: Entity, p: Palette): string {
  const parts = [clean(e.name)];
  if (e.role) parts.push(`(${clean(e.role)})`);
  if (e.mentions.length > 1) parts.push(p.dim(`${e.mentions.length} mentions`));
  if (e.place) parts.push(placeMessage(e.place, e.name, p));
  return parts.join('  ');
}

function placeMessage(pl: PlaceLink, entityName: string, p: Palette): string {
  const cands = (pl.candidates ?? []).map((c) => `${clean(c.name)} ${c.countryCode} ${c.geonamesId} (${c.score.toFixed(2)})`);
  const candidates = cands.length ? `candidates ${cands.join(', ')}` : '';
  if (pl.lat === null) {
    return p.yellow(['not linked', pl.note ? clean(pl.note) : '', candidates].filter(Boolean).join(': '));
  }
  const coords = pl.lat !== null && pl.lon !== null ? ` ${pl.lat.toFixed(2)},${pl.lon.toFixed(2)}` : '';
  // the linked place's own name when the text calls it otherwise (a former name, a spelling)
  const target = pl.name !== entityName ? `-> ${clean(pl.name)} ` : '';
  // countries and our own regions have coordinates but no GeoNames id in cities500
  const id = pl.geonamesId === null ? 'country or region' : `GeoNames ${pl.geonamesId}`;
  let msg = `${target}${id}${pl.countryCode ? ` ${pl.countryCode}` : ''}${coords} conf ${pl.confidence.toFixed(2)}`;
  if (pl.formerName) msg += ` (former name ${clean(pl.formerName)})`;
  if (pl.confidence < LOW_PLACE_CONFIDENCE) msg += p.yellow(`  low confidence${candidates ? `: ${candidates}` : ''}`);
  return msg;
}

/** Events ordered by date (undated last); partial dates (month, year) are marked. */
function timeline(a: Analysis, p: Palette, row: (at: number, kind: string, message: string) => Row): string[] {
  const text = a.document.text;
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const dated = (e: Event) => e.time?.value ?? null;
  const events = [...a.events].sort((x, y) => {
    const dx = dated(x);
    const dy = dated(y);
    if (dx !== dy) return dx === null ? 1 : dy === null ? -1 : dx.localeCompare(dy);
    return x.start - y.start;
  });
  const rows = events.map((e) => {
    const value = dated(e);
    const partial = e.time?.partial === true || (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value));
    const date = value === null ? 'undated' : partial ? `${value} (partial)` : value;
    const place = e.placeEntityId ? entities.get(e.placeEntityId) : undefined;
    const actors = e.actors.map((x) => `${clean(x.text)} [${clean(x.role)}${x.side ? `, ${clean(x.side)}` : ''}]`).join(', ');
    const msg = [
      `${clean(date).padEnd(17)} ${e.summary ? clean(e.summary) : quote(text, e)}`,
      place ? `at ${clean(place.name)}` : '',
      actors ? `actors: ${actors}` : '',
      e.attributionId ? p.dim(`per ${e.attributionId}`) : '',
    ].filter(Boolean).join('  ');
    return row(e.start, p.green(clean(e.subtype ? `${e.type}/${e.subtype}` : e.type)), msg);
  });
  // already in date order: format without re-sorting by position
  return formatRows(rows, p, false);
}

function formatRows(rows: Row[], p: Palette, byPosition = true): string[] {
  const sorted = byPosition ? [...rows].sort((x, y) => x.at - y.at) : rows;
  const pos = sorted.map((r) => `${r.pos.line}:${r.pos.col}`);
  const width = Math.max(...pos.map((s) => s.length));
  // pad the kind on its visible width: colour codes do not take columns
  const visible = (s: string) => (s.includes('\x1b') ? s.replace(/\x1b\[\d+m/g, '').length : s.length);
  const kindWidth = Math.max(...sorted.map((r) => visible(r.kind)));
  return sorted.map((r, i) => `  ${p.dim(pos[i]!.padEnd(width))}  ${r.kind}${' '.repeat(kindWidth - visible(r.kind))}  ${r.message}`);
}

/** " (= Putin)" for a source that refers back ("he", "the source"): the entity or source it stands for. */
function antecedent(a: Analysis, at: Attribution): string {
  const ref = at.source?.refersTo;
  if (!ref) return '';
  const entity = at.source?.entityId ? a.entities.find((e) => e.id === at.source!.entityId) : undefined;
  const name = entity?.name ?? a.attributions.find((x) => x.id === ref)?.source?.text;
  return name && name !== at.source!.text ? ` (= ${clean(name)})` : '';
}
