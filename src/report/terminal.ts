/**
 * The terminal report, in the manner of ESLint and ripgrep: every finding (and, on request, every
 * entity, claim, time, technique and event) is one `path:line:col  kind  message  rule` row, so the
 * output can be grepped and a terminal or an editor can open the place. By default: a header (with
 * warnings and cuts first), the sourcing profile and the findings; `sections` adds the rest.
 * Rows are wrapped to the terminal's width, never inside a quotation. Strings from the article
 * are stripped of control characters so a hostile text cannot drive the terminal.
 */
import type { Analysis, Attribution, Entity, Event, Finding, Message, PlaceLink } from '../core/schema.js';
import { excerpt } from '../core/excerpt.js';
import { LOW_PLACE_CONFIDENCE, countBy, datelineLabel, lineIndex, techniqueSentenceShare, wordCount } from './stats.js';
import { techniqueLabel } from '../techniques/message.js';

/** The sections beyond the default three (header, sourcing, findings). */
export const SECTIONS = ['entities', 'attributions', 'times', 'techniques', 'events', 'timings'] as const;
export type Section = (typeof SECTIONS)[number];

export interface TerminalOptions {
  color: boolean;
  /** wrap rows to this many columns; 0 or absent never wraps */
  width?: number;
  sections?: ReadonlySet<Section>;
}

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
export const palette = (color: boolean): Palette => (color ? COLOR : PLAIN);

// C0/C1 controls (ESC included) and the bidi overrides that can disguise text
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** One line of untrusted text, safe to print. */
export const clean = (s: string) => s.replace(CONTROL, ' ');

const MAX_QUOTE = 70;
function quote(text: string, span: { start: number; end: number }): string {
  return `“${excerpt(text, span, MAX_QUOTE, (s) => clean(s).replace(/\s+/g, ' ').trim())}”`;
}
const pct = (x: number) => `${Math.round(x * 100)}%`;
const list = (pairs: [string, number][]) => pairs.map(([k, n]) => `${clean(k)} ${n}`).join(', ');


/** How the article is named at the start of each row: its path, its URL, or `<stdin>`. */
export function displayName(a: Analysis): string {
  const d = a.document;
  if (d.source.kind === 'stdin') return '<stdin>';
  return clean(d.source.path ?? d.url ?? `document ${d.id.slice(0, 12)}`);
}

/** One row: where, what kind, the message, and a dim tail (the rule of a finding). */
interface Row {
  at: number;
  kind: string;
  paint: Paint;
  message: string;
  tail?: string;
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { info: 0, warning: 1, error: 2 };
/** Findings at or above a severity (for --fail-on). */
export const findingsAtLeast = (a: Analysis, severity: Finding['severity']) =>
  a.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[severity]).length;

/** The first offset of some spans (a loop: a spread of a huge array would overflow the stack). */
function firstStart(spans: readonly { start: number }[], fallback: number): number {
  let first = fallback;
  for (const s of spans) if (s.start < first) first = s.start;
  return first;
}

export function renderTerminal(a: Analysis, opts: TerminalOptions): string {
  const p = palette(opts.color);
  const sections = opts.sections ?? new Set<Section>();
  const text = a.document.text;
  const name = displayName(a);
  // header and sourcing lines wrap too, with a deeper indent for their continuations
  const fill = (line: string) => (line.startsWith('  ') ? wrap('  ', 2, atoms(line.slice(2)), opts.width ?? 0, 1, 4) : [line]);
  const out: string[] = header(a, p, name).flatMap(fill);
  if (a.sourcing) out.push(...sourcing(a, p).flatMap(fill));

  const severityPaint = { error: p.red, warning: p.yellow, info: p.blue } as const;
  // findings and technique spans are messages of one shape: one row each, the rule at the end
  const messageRow = (m: Message, kind: string = m.severity, paint: Paint = severityPaint[m.severity], more = ''): Row => ({
    at: firstStart(m.spans, text.length),
    kind,
    paint,
    message: clean(m.message) + more,
    tail: m.rule,
  });
  const groups: [string, Row[], boolean][] = [['findings', a.findings.map((f) => messageRow(f)), true]];
  if (sections.has('entities')) {
    groups.push(['entities', a.entities.map((e) => ({ at: firstStart(e.mentions, text.length), kind: e.type, paint: p.green, message: entityMessage(e) })), true]);
  }
  if (sections.has('attributions')) {
    groups.push(['attributions', a.attributions.map((x) => ({ at: x.source?.start ?? x.content.start, kind: x.source?.kind ?? 'unattributed', paint: p.cyan, message: attributionMessage(a, x) })), true]);
  }
  if (sections.has('times')) {
    groups.push([
      'times',
      a.times.map((t) => ({
        at: t.start,
        kind: 'time',
        paint: p.green,
        message: `${quote(text, t)} = ${t.value ?? 'unresolved'}${t.end_value ? ` to ${t.end_value}` : ''}${t.precision ? ` (${t.precision})` : ''}`,
      })),
      true,
    ]);
  }
  if (sections.has('techniques')) {
    groups.push([
      'techniques',
      a.techniques.map((t) => messageRow(t, 'technique', p.magenta, t.cues?.length ? `; cues: ${t.cues.map(clean).join('; ')}` : '')),
      true,
    ]);
  }
  // the timeline is in date order, not text order
  if (sections.has('events')) groups.push(['timeline', timeline(a), false]);

  const where = lineIndex(text);
  for (const [title, rows, byPosition] of groups) {
    out.push(p.bold(title));
    if (rows.length === 0) out.push(p.dim(`  no ${title === 'timeline' ? 'events' : title}`));
    const sorted = byPosition ? [...rows].sort((x, y) => x.at - y.at) : rows;
    const positions = sorted.map((r) => {
      const lc = where(r.at);
      return `${name}:${lc.line}:${lc.col}`;
    });
    const posWidth = widest(positions);
    const kindWidth = widest(sorted.map((r) => r.kind));
    sorted.forEach((r, i) => {
      const lead = `${p.dim(positions[i]!.padEnd(posWidth))}  ${r.paint(r.kind.padEnd(kindWidth))}  `;
      const words = atoms(r.message);
      if (r.tail) words.push(p.dim(r.tail));
      out.push(...wrap(lead, posWidth + kindWidth + 4, words, opts.width ?? 0, r.tail ? 2 : 1));
    });
  }
  if (sections.has('timings') && a.timings.length > 0) {
    let total = 0;
    for (const t of a.timings) total += t.ms;
    out.push(p.bold('timings'), `  ${a.timings.map((t) => `${clean(t.analyzer)} ${t.ms.toFixed(1)} ms`).join(', ')} (total ${total.toFixed(1)} ms)`);
  }
  return `${out.join('\n')}\n`;
}

function widest(strings: readonly string[]): number {
  let w = 0;
  for (const s of strings) if (s.length > w) w = s.length;
  return w;
}

// the layers this renderer shows in a way of their own; any other layer in the report gets its count
const RENDERED = new Set(['sentences', 'tokens', 'entities', 'places', 'attributions', 'sourcing', 'times', 'techniques', 'events', 'findings']);
function otherLayers(a: Analysis): [string, number][] {
  const report = a as unknown as Record<string, unknown>;
  return a.layers.flatMap((l) => {
    const value = report[l.layer];
    return !RENDERED.has(l.layer) && Array.isArray(value) ? [[l.layer, value.length] as [string, number]] : [];
  });
}

function header(a: Analysis, p: Palette, name: string): string[] {
  const d = a.document;
  const cut = new Set(a.cut.map((c) => c.evidence?.layer));
  const filed = datelineLabel(d);
  const layer = (label: string, n: number) => (cut.has(label) ? `${label} cut` : `${n} ${n === 1 ? label.replace(/s$/, '') : label}`);
  const facts = [
    d.language,
    d.publishedAt ? `published ${d.publishedAt}` : 'publication date unknown',
    `${wordCount(d.text)} words`,
    d.outlet ? clean(d.outlet) : undefined,
    filed ? clean(filed) : undefined,
  ].filter((x): x is string => x !== undefined);
  const layers = [
    layer('entities', a.entities.length),
    layer('attributions', a.attributions.length),
    layer('times', a.times.length),
    layer('techniques', a.techniques.length),
    layer('events', a.events.length),
    ...otherLayers(a).map(([label, n]) => layer(label, n)),
  ];
  const lines = [p.bold(name) + (d.title ? `  ${clean(d.title)}` : ''), `  ${facts.join(' · ')}`, `  ${layers.join(' · ')}`];
  // what went wrong comes first: a reader must know the report is partial before reading it
  if (a.cut.length > 0) lines.push(`  ${p.yellow('cut')} (time budget spent): ${a.cut.map((c) => clean(c.message)).join(', ')}`);
  for (const w of a.warnings) lines.push(`  ${p.yellow('warning:')} ${clean(w.message)}`);
  if (d.removed?.length) lines.push(`  ${p.dim(removedLine(d.removed))}`);
  return lines;
}

/** "page chrome cut: 3 lines (advertisement 2, call-to-action 1); --keep-chrome keeps it" */
export function removedLine(removed: readonly { reason: string }[]): string {
  const by = new Map<string, number>();
  for (const r of removed) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
  const kinds = [...by].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, n]) => `${k} ${n}`).join(', ');
  return `page chrome cut: ${removed.length} line${removed.length === 1 ? '' : 's'} (${kinds}), listed in document.removed; --keep-chrome keeps it`;
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
  if (a.techniques.length > 0 && a.sentences.length > 0) {
    lines.push(`  techniques: ${pct(techniqueSentenceShare(a))} of ${a.sentences.length} sentences (${list(countBy(a.techniques, (t) => techniqueLabel(t.technique)))})`);
  }
  return lines;
}

function attributionMessage(a: Analysis, x: Attribution): string {
  const text = a.document.text;
  const chain = [x.source ? clean(x.source.text).replace(/\s+/g, ' ').replace(/[\s,]+$/, '') + antecedent(a, x) : '(no source)', ...(x.via ?? []).map((v) => clean(v.name)), 'article'];
  const cue = x.cue ? `${quote(text, x.cue)} ` : '';
  return `${chain.join(' -> ')}: ${cue}${quote(text, x.content)}${x.mode ? ` (${x.mode})` : ''}${x.confidence !== undefined ? ` confidence ${x.confidence.toFixed(2)}` : ''}`;
}

function entityMessage(e: Entity): string {
  const parts = [clean(e.name)];
  if (e.role) parts.push(`(${clean(e.role)})`);
  if (e.mentions.length > 1) parts.push(`${e.mentions.length} mentions`);
  if (e.place) parts.push(placeMessage(e.place, e.name));
  return parts.join('  ');
}

function placeMessage(pl: PlaceLink, entityName: string): string {
  const cands = (pl.candidates ?? []).map((c) => `${clean(c.name)} ${c.countryCode} ${c.geonamesId ?? ''} (${c.score.toFixed(2)})`.replace('  (', ' ('));
  const candidates = cands.length ? `candidates ${cands.join(', ')}` : '';
  if (pl.lat === null || pl.lon === null) return ['not linked', pl.note ? clean(pl.note) : '', candidates].filter(Boolean).join(': ');
  // the linked place's own name when the text calls it otherwise (a former name, a spelling)
  const target = pl.name !== entityName ? `-> ${clean(pl.name)} ` : '';
  // countries and our own regions have coordinates but no GeoNames id in cities500
  const id = pl.geonamesId === null ? 'country or region' : `GeoNames ${pl.geonamesId}`;
  let msg = `${target}${id}${pl.countryCode ? ` ${pl.countryCode}` : ''} ${pl.lat.toFixed(2)},${pl.lon.toFixed(2)} conf ${pl.confidence.toFixed(2)}`;
  if (pl.formerName) msg += ` (former name ${clean(pl.formerName)})`;
  if (pl.confidence < LOW_PLACE_CONFIDENCE) msg += `  low confidence${candidates ? `: ${candidates}` : ''}`;
  return msg;
}

/** Events ordered by date (undated last); partial dates (week, month, season, year) are marked. */
function timeline(a: Analysis): Row[] {
  const text = a.document.text;
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const dated = (e: Event) => e.time?.value ?? null;
  const events = [...a.events].sort((x, y) => {
    const dx = dated(x);
    const dy = dated(y);
    if (dx !== dy) return dx === null ? 1 : dy === null ? -1 : dx.localeCompare(dy);
    return x.start - y.start;
  });
  return events.map((e) => {
    const value = dated(e);
    const partial = e.time?.partial === true || (value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(value));
    const date = value === null ? 'undated' : partial ? `${value} (partial)` : value;
    const place = e.placeEntityId ? entities.get(e.placeEntityId) : undefined;
    const actors = e.actors.map((x) => `${clean(x.text)} [${clean(x.role)}${x.side ? `, ${clean(x.side)}` : ''}]`).join(', ');
    const message = [
      `${clean(date)}: ${e.summary ? clean(e.summary) : quote(text, e)}`,
      place ? `in ${clean(place.name)}` : '',
      actors ? `actors: ${actors}` : '',
      e.attributionId ? `per ${e.attributionId}` : '',
    ].filter(Boolean).join('  ');
    return { at: e.start, kind: clean(e.subtype ? `${e.type}/${e.subtype}` : e.type), paint: (s: string) => s, message };
  });
}

/** " (= Putin)" for a source that refers back ("he", "the source"): the entity or source it stands for. */
function antecedent(a: Analysis, at: Attribution): string {
  const ref = at.source?.refersTo;
  if (!ref) return '';
  const entity = at.source?.entityId ? a.entities.find((e) => e.id === at.source!.entityId) : undefined;
  const name = entity?.name ?? a.attributions.find((x) => x.id === ref)?.source?.text;
  return name && name !== at.source!.text ? ` (= ${clean(name).replace(/\s+/g, ' ').replace(/[\s,]+$/, '')})` : '';
}

/**
 * After a batch: one table of the findings by rule over all the articles (how many, in how many
 * articles), the articles that failed, and the totals.
 */
export function renderBatchSummary(done: readonly Analysis[], failed: readonly { name: string; message: string }[], opts: { color: boolean }): string {
  const p = palette(opts.color);
  const byRule = new Map<string, { severity: Finding['severity']; findings: number; articles: number }>();
  for (const a of done) {
    const seen = new Set<string>();
    for (const f of a.findings) {
      const r = byRule.get(f.rule) ?? { severity: f.severity, findings: 0, articles: 0 };
      r.findings++;
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[r.severity]) r.severity = f.severity;
      if (!seen.has(f.rule)) r.articles++;
      seen.add(f.rule);
      byRule.set(f.rule, r);
    }
  }
  const total = done.length + failed.length;
  const findings = done.reduce((n, a) => n + a.findings.length, 0);
  const lines = [p.bold(`summary: ${total} articles, ${done.length} analysed, ${failed.length} failed, ${findings} findings`)];
  if (byRule.size > 0) {
    const rows = [...byRule].sort((x, y) => y[1].findings - x[1].findings || x[0].localeCompare(y[0]));
    const ruleWidth = Math.max(4, widest(rows.map(([rule]) => rule)));
    lines.push(p.dim(`  ${'rule'.padEnd(ruleWidth)}  severity  findings  articles`));
    for (const [rule, r] of rows) {
      lines.push(`  ${rule.padEnd(ruleWidth)}  ${r.severity.padEnd(8)}  ${String(r.findings).padStart(8)}  ${String(r.articles).padStart(8)}`);
    }
  }
  for (const f of failed) lines.push(p.red(`  failed  ${clean(f.name)}: ${clean(f.message)}`));
  return `${lines.join('\n')}\n`;
}

// -- wrapping ------------------------------------------------------------------------------

const ANSI = /\x1b\[\d+m/g;
const visible = (s: string) => (s.includes('\x1b') ? s.replace(ANSI, '').length : s.length);

/**
 * A message as the pieces a line may break between: words, and whole quotations (“…” or "…"),
 * which are never broken.
 */
export function atoms(message: string): string[] {
  const out: string[] = [];
  const re = /“[^”]*”\S*|"[^"]*"\S*|\S+/g;
  for (let m = re.exec(message); m !== null; m = re.exec(message)) out.push(m[0]);
  return out;
}

/**
 * `lead` then the atoms, filled up to `width` columns; continuation lines are indented by `hang`
 * (the message column by default, or 4 when that leaves too little room). An atom wider than a line gets a line of
 * its own rather than being cut. `gap` spaces go before the last atom (the rule: two, as ESLint).
 */
export function wrap(lead: string, leadWidth: number, words: readonly string[], width: number, gap = 1, hang = leadWidth): string[] {
  const lines: string[] = [];
  const indent = width > 0 && hang > width / 2 ? 4 : hang;
  let line = lead;
  let used = leadWidth;
  let empty = true;
  words.forEach((w, i) => {
    const sep = empty ? 0 : i === words.length - 1 ? gap : 1;
    const wv = visible(w);
    if (width > 0 && !empty && used + sep + wv > width) {
      lines.push(line);
      line = ' '.repeat(indent) + w;
      used = indent + wv;
      return;
    }
    line += ' '.repeat(sep) + w;
    used += sep + wv;
    empty = false;
  });
  lines.push(line);
  return lines;
}
