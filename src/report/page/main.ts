/**
 * The HTML report's page script, bundled into the report by html.ts (page-script.ts). It reads the
 * report's data from `<script type="application/json" id="unspin-data">` and builds the page with
 * createElement/textContent (dom.ts): no string from the article or the analysis reaches
 * innerHTML, and nothing is ever fetched.
 *
 * Layout: the article on the left with one layer highlighted at a time ("all" on demand); on the
 * right, always in view, the map, the detail card, the timeline, then sources, findings, entities
 * and techniques. Highlighted spans of the shown layer are reachable with Tab and open with Enter.
 */
import type { ReportView } from '../html.js';
import { activate, add, badge, clear, h, isDay, num, pct, quote, row, squash, type Kid } from './dom.js';
import { evidenceRows } from './evidence.js';
import { drawMap } from './map.js';

const D = JSON.parse(document.getElementById('unspin-data')!.textContent!) as ReportView;
const A = D.analysis;
const T = A.document.text;
type Layer = 'ent' | 'attr' | 'time' | 'tech' | 'find';
const LAYERS: [Layer, string, number][] = [
  ['attr', 'Sources and claims', A.attributions.length],
  ['ent', 'Entities', A.entities.length],
  ['time', 'Times', A.times.length],
  ['tech', 'Techniques', A.techniques.length],
  ['find', 'Findings', A.findings.length],
];

const slice = (sp: { start: number; end: number }) => T.slice(sp.start, sp.end);
const techLabel = (name: string) => D.docs[name]?.label ?? name.replace(/_/g, ' ');
const where = (cc: string, admin1?: string) => D.where[`${cc}.${admin1 ?? ''}`] ?? D.where[`${cc}.`] ?? cc;

// -- the article, cut into segments; each segment carries the classes of every span over it ---
const article = h('div', 'article');
article.id = 'text';
const segsOfMark: HTMLElement[][] = D.marks.map(() => []);
const segments: HTMLElement[] = [];
let pos = 0;
for (const s of D.segs) {
  const [from, to, ...ids] = s as number[];
  if (from! > pos) article.appendChild(document.createTextNode(T.slice(pos, from)));
  const classes = new Set(['seg']);
  let tech = 0;
  const el = h('span', null, T.slice(from, to));
  for (const m of ids) {
    const mk = D.marks[m]!;
    classes.add(`m-${mk.l}`);
    classes.add(mk.c);
    if (mk.l === 'tech') tech++;
    segsOfMark[m]!.push(el);
  }
  if (tech > 1) classes.add('tech-multi');
  el.className = [...classes].join(' ');
  el.setAttribute('data-marks', ids.join(' '));
  el.title = ids.map(summary).join('\n');
  article.appendChild(el);
  segments.push(el);
  pos = to!;
}
if (pos < T.length) article.appendChild(document.createTextNode(T.slice(pos)));

function marksOf(layer: string, keep?: (r: number, mk: ReportView['marks'][number]) => boolean): number[] {
  const out: number[] = [];
  D.marks.forEach((mk, i) => {
    if (mk.l === layer && (!keep || keep(mk.r, mk))) out.push(i);
  });
  return out;
}

let shown: Layer | 'all' = A.attributions.length ? 'attr' : A.findings.length ? 'find' : 'ent';
const layerOn = (l: string) => shown === 'all' || shown === l;

/** Shows one layer (or all): its spans highlighted, and reachable with Tab. */
function showLayer(layer: Layer | 'all'): void {
  shown = layer;
  article.className = `article ${LAYERS.filter(([l]) => layerOn(l)).map(([l]) => `on-${l}`).join(' ')}`;
  for (const el of segments) {
    const live = el.getAttribute('data-marks')!.split(' ').some((m) => layerOn(D.marks[Number(m)]!.l));
    el.classList.toggle('live', live);
    if (live) {
      el.tabIndex = 0;
      el.setAttribute('role', 'button');
      el.setAttribute('aria-label', `${el.title.split('\n')[0]}: ${squash(el.textContent ?? '')}`);
    } else {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}

function summary(m: number): string {
  const mk = D.marks[m]!;
  if (mk.l === 'ent') {
    const e = A.entities[mk.r]!;
    return `${e.type}: ${e.name}${e.place && e.place.geonamesId !== null ? ` (GeoNames ${e.place.geonamesId}, ${num(e.place.confidence)})` : ''}`;
  }
  if (mk.l === 'attr') {
    const a = A.attributions[mk.r]!;
    return `${mk.p} of a claim by ${a.source ? `${squash(a.source.text)} [${a.source.kind}]` : 'no named source'}`;
  }
  if (mk.l === 'time') {
    const t = A.times[mk.r]!;
    return `time: ${squash(t.text)} = ${t.value === null ? 'unresolved' : t.value}`;
  }
  if (mk.l === 'tech') {
    const q = A.techniques[mk.r]!;
    return `${techLabel(q.technique)} (${num(q.confidence)})`;
  }
  if (mk.l === 'ev') {
    const v = A.events[mk.r]!;
    return `event: ${v.type}${v.time && v.time.value ? ` (${v.time.value})` : ''}`;
  }
  const f = A.findings[mk.r]!;
  return `${f.severity}: ${f.message}`;
}

// -- details cards ---------------------------------------------------------------------------
const details = h('div');
details.id = 'details';
details.setAttribute('aria-live', 'polite');
function show(cards: Kid[]): void {
  clear(details);
  add(details, cards);
  details.scrollIntoView({ block: 'nearest' });
}

function entityCard(i: number): HTMLElement {
  const e = A.entities[i]!;
  const kids: Kid[] = [h('div', 'kind', e.type), h('h3', null, e.name)];
  if (e.role) kids.push(row('role', e.role));
  kids.push(row('mentions', e.mentions.map((m) => quote(slice(m), 40)).join(', ')));
  const p = e.place;
  if (p) {
    const key = D.placeKey[i];
    kids.push(row('place', p.lat === null ? 'not linked' : `${p.name}${key ? `, ${D.where[key] ?? ''}` : ''}${p.geonamesId === null ? ' (country or region)' : ` · GeoNames ${p.geonamesId}`}`));
    kids.push(row('confidence', `${num(p.confidence)}${p.confidence < D.lowPlace ? ' (low: see the candidates)' : ''}${p.matchedBy ? ` · matched by ${p.matchedBy}` : ''}`));
    if (p.formerName) kids.push(row('former name', p.formerName));
    if (p.note) kids.push(row('note', p.note));
    if (p.candidates && p.candidates.length) {
      const table = h('table', null, h('tr', null, [h('th', null, 'candidate'), h('th', null, 'score'), h('th', null, 'why')]));
      for (const c of p.candidates) {
        add(table, h('tr', null, [h('td', null, `${c.name}, ${where(c.countryCode, c.admin1)}`), h('td', null, num(c.score)), h('td', null, c.reasons.join('; '))]));
      }
      kids.push(table);
    }
  }
  return h('div', 'card', kids);
}

function attributionCard(i: number): HTMLElement {
  const a = A.attributions[i]!;
  const kids: Kid[] = [h('div', 'kind', `claim${a.mode ? ` · ${a.mode}` : ''}`), h('h3', null, a.source ? a.source.text : 'no named source')];
  if (a.source) kids.push(row('source kind', a.source.kind));
  const chain = [a.source ? squash(a.source.text) : '?', ...(a.via ?? []).map((v) => v.name), 'this article'];
  kids.push(row('chain', chain.join(' \u2192 ')));
  if (a.cue) kids.push(row('cue', quote(slice(a.cue))));
  kids.push(row('claim', h('span', 'q', quote(slice(a.content), 400))));
  if (a.confidence !== undefined) kids.push(row('confidence', num(a.confidence)));
  return h('div', 'card', kids);
}

function timeCard(i: number): HTMLElement {
  const t = A.times[i]!;
  const kids: Kid[] = [h('div', 'kind', 'time'), h('h3', null, t.text)];
  kids.push(row('value', t.value === null ? 'unresolved' : t.value + (t.end_value ? ` to ${t.end_value}` : '')));
  if (t.precision) kids.push(row('precision', t.precision));
  if (t.anchored !== undefined) kids.push(row('anchored to the publication date', t.anchored ? 'yes' : 'no'));
  return h('div', 'card', kids);
}

function docBlock(name: string): HTMLElement {
  const d = D.docs[name];
  if (!d) return h('p', 'muted', 'No description for this class.');
  return h('div', 'doc', [h('p', null, d.definition), h('p', null, [h('span', 'muted', 'Example (ours): '), h('span', 'q', d.example)])]);
}

function techniqueCard(i: number): HTMLElement {
  const t = A.techniques[i]!;
  const kids: Kid[] = [h('div', 'kind', 'technique'), h('h3', null, techLabel(t.technique)), row('span', h('span', 'q', quote(slice(t), 300))), row('confidence', num(t.confidence))];
  if (t.cues && t.cues.length) kids.push(h('p', 'cues', [h('span', 'muted', 'cues: '), t.cues.join('; ')]));
  kids.push(docBlock(t.technique));
  return h('div', 'card', kids);
}
const techniqueDocCard = (name: string) => h('div', 'card', [h('div', 'kind', 'technique'), h('h3', null, techLabel(name)), docBlock(name)]);

function findingCard(i: number): HTMLElement {
  const f = A.findings[i]!;
  const kids: Kid[] = [h('div', 'kind', `finding · ${f.rule}`), h('h3', null, [badge(f.severity, `sev-${f.severity}`), f.message])];
  for (const s of f.spans.slice(0, 20)) kids.push(row('in the text', h('span', 'q', quote(slice(s), 200))));
  if (f.spans.length > 20) kids.push(h('p', 'muted', `and ${f.spans.length - 20} more places`));
  if (f.evidence) kids.push(...evidenceRows(f.evidence as Record<string, unknown>));
  return h('div', 'card', kids);
}
const CARD: Record<string, (i: number) => HTMLElement> = { ent: entityCard, attr: attributionCard, time: timeCard, tech: techniqueCard, find: findingCard };

// -- selection: highlight segments of some marks and bring the first into view -------------------
function select(markIds: number[], scroll = true): HTMLElement | null {
  for (const el of article.querySelectorAll('.sel')) el.classList.remove('sel');
  let first: HTMLElement | null = null;
  for (const m of markIds) {
    for (const el of segsOfMark[m]!) {
      el.classList.add('sel');
      first ??= el;
    }
  }
  if (first && scroll) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return first;
}
function flash(el: HTMLElement | null): void {
  if (!el) return;
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}

function openSegment(seg: Element): void {
  const ids = seg.getAttribute('data-marks')!.split(' ').map(Number).filter((m) => layerOn(D.marks[m]!.l) && D.marks[m]!.l !== 'ev');
  const seen = new Set<string>();
  const cards: HTMLElement[] = [];
  for (const m of ids) {
    const mk = D.marks[m]!;
    const key = mk.l + mk.r;
    if (seen.has(key)) continue;
    seen.add(key);
    cards.push(CARD[mk.l]!(mk.r));
  }
  if (cards.length) show(cards);
}
article.addEventListener('click', (ev) => {
  const seg = (ev.target as Element).closest?.('[data-marks]');
  if (seg) openSegment(seg);
});
article.addEventListener('keydown', (ev) => {
  const seg = (ev.target as Element).closest?.('.live');
  if (seg && (ev.key === 'Enter' || ev.key === ' ')) {
    ev.preventDefault();
    openSegment(seg);
  }
});

// -- header (warnings first), layer switch, legend ----------------------------------------------
const doc = A.document;
const header = h('header', 'top', [h('h1', null, doc.title || doc.source.path || 'Untitled article')]);
const meta = h('p', 'meta');
for (const x of [doc.outlet, doc.byline, D.dateline, doc.publishedAt ? `published ${doc.publishedAt}` : 'publication date unknown', `language ${doc.language}`, `${D.words} words`, doc.url]) {
  if (x) add(meta, h('span', null, x));
}
add(header, meta);
for (const n of D.notices) add(header, h('p', 'notice', n));

const toolbar = h('div', 'toolbar', h('strong', null, 'Highlight'));
toolbar.setAttribute('role', 'radiogroup');
const choices: [Layer | 'all', string, number | null][] = [...LAYERS, ['all', 'All', null]];
for (const [layer, label, count] of choices) {
  const radio = h('input');
  radio.type = 'radio';
  radio.name = 'layer';
  radio.checked = layer === shown;
  radio.setAttribute('data-layer', layer);
  radio.addEventListener('change', () => radio.checked && showLayer(layer));
  add(toolbar, h('label', null, [radio, label, count === null ? null : h('span', 'count', `(${count})`)]));
}

const legend = h('div', 'legend');
function legendItem(swatch: string, label: string, onClick?: () => void): HTMLElement {
  const b = h('button', 'item', [h('span', `sw ${swatch}`), label]);
  b.type = 'button';
  if (onClick) b.addEventListener('click', onClick);
  else b.disabled = true;
  return b;
}
add(legend, h('span', 'group', 'Entities'));
for (const t of D.entityTypes) add(legend, legendItem(`e-${t}`, t));
add(legend, h('span', 'group', 'Claims'));
for (const [c, l] of [['a-source', 'source'], ['a-cue', 'cue'], ['a-content', 'claim']] as const) add(legend, legendItem(c, l));
add(legend, legendItem('time', 'time'));
add(legend, legendItem('find', 'finding'));
if (A.techniques.length) {
  add(legend, h('span', 'group', 'Techniques'));
  for (const [name] of D.techniqueCounts) {
    const i = D.techniques.indexOf(name);
    add(legend, legendItem(`t-${i < 0 ? 'x' : i}`, techLabel(name), () => show([techniqueDocCard(name)])));
  }
}

// -- side panels ------------------------------------------------------------------------------
const panel = (title: string, kids: Kid) => h('section', 'panel', [h('h2', null, title), kids]);
function item(kids: Kid, onClick: () => void): HTMLElement {
  const li = h('li', null, kids);
  activate(li, onClick);
  return li;
}
const aside = h('aside');
aside.setAttribute('aria-label', 'Map, details and lists');

const mapBox = D.places.length && D.geo && window.L ? h('div') : null;
if (mapBox) {
  mapBox.id = 'map';
  add(aside, panel('Map', [mapBox, h('p', 'maplegend', `\u25cf linked place \u00a0 \u25cc low confidence (below ${D.lowPlace}): check the candidates`)]));
}
add(aside, details);

if (A.events.length || A.times.length) {
  const tl = h('ul', 'list');
  tl.id = 'timeline';
  for (const i of D.order.events) {
    const e = A.events[i]!;
    const v = e.time ? e.time.value : null;
    const partial = v !== null && (e.time!.partial === true || !isDay(v));
    const place = e.placeEntityId ? A.entities.find((x) => x.id === e.placeEntityId) : undefined;
    const attr = e.attributionId ? A.attributions.find((x) => x.id === e.attributionId) : undefined;
    add(tl, item([h('strong', null, v === null ? 'undated' : v), partial ? badge('partial') : null, ' ', badge(e.subtype ? `${e.type}/${e.subtype}` : e.type),
      e.summary || quote(slice(e), 90), place ? h('span', 'muted', ` \u2014 ${place.name}`) : null], () => {
      flash(select(marksOf('ev', (r) => r === i)));
      show([h('div', 'card', [h('div', 'kind', `event · ${e.type}`), h('h3', null, quote(slice(e), 200)),
        e.summary ? row('summary', e.summary) : null,
        row('when', v === null ? 'undated' : v + (partial ? ' (partial date)' : '')), place ? row('where', place.name) : null,
        e.actors.length ? row('actors', e.actors.map((x) => `${x.text} [${x.role}${x.side ? `, ${x.side}` : ''}]`).join(', ')) : null,
        e.side ? row('side', e.side) : null,
        attr ? row('according to', attr.source ? `${attr.source.text} [${attr.source.kind}]` : 'no named source') : null])]);
    }));
  }
  const times = h('ul', 'list');
  for (const i of D.order.times) {
    const t = A.times[i]!;
    add(times, item([h('strong', null, t.value === null ? 'unresolved' : t.value), t.value !== null && !isDay(t.value) ? badge('partial') : null, ' ', quote(t.text, 60)], () => {
      select(marksOf('time', (r) => r === i));
      show([timeCard(i)]);
    }));
  }
  add(aside, panel('Timeline', [A.events.length ? tl : null, A.times.length ? h('p', 'stats muted', 'Times in the text') : null, times]));
}

if (D.sources.length) {
  const sources = h('ul', 'list');
  sources.id = 'sources';
  for (const s of D.sources) {
    add(sources, item([badge(s.kind), s.label, h('span', 'muted', ` \u00d7${s.attributions.length}`)], () => {
      const set = new Set(s.attributions);
      if (!layerOn('attr')) pick('attr');
      select(marksOf('attr', (r, mk) => set.has(r) && mk.p === 'content'));
      show(s.attributions.map(attributionCard));
    }));
  }
  const prof = A.sourcing
    ? h('p', 'stats', `${A.sourcing.factualSentences} factual sentences: ${pct(A.sourcing.unattributedShare)} unattributed, ${pct(A.sourcing.anonymousOrCollectiveShare)} anonymous or collective`)
    : null;
  add(aside, panel('Sources', [prof, sources]));
}

if (A.findings.length) {
  const findings = h('ul', 'list');
  findings.id = 'findings';
  for (const i of D.order.findings) {
    const f = A.findings[i]!;
    add(findings, item([badge(f.severity, `sev-${f.severity}`), f.message], () => {
      if (!layerOn('find')) pick('find');
      flash(select(marksOf('find', (r) => r === i)));
      show([findingCard(i)]);
    }));
  }
  add(aside, panel('Findings', findings));
}

if (A.entities.length) {
  const ents = h('ul', 'list');
  ents.id = 'entities';
  for (const i of D.order.entities) {
    const e = A.entities[i]!;
    add(ents, item([h('span', `sw e-${D.entityClass[i]}`), ' ', e.name, e.role ? h('span', 'muted', ` (${e.role})`) : null,
      h('span', 'muted', ` \u00d7${e.mentions.length} `), e.place && e.place.confidence < D.lowPlace ? badge('low confidence') : null], () => {
      if (!layerOn('ent')) pick('ent');
      select(marksOf('ent', (r) => r === i));
      show([entityCard(i)]);
    }));
  }
  add(aside, panel('Entities', ents));
}

if (A.techniques.length) {
  const techs = h('ul', 'list');
  techs.id = 'techniques';
  const most = D.techniqueCounts.length ? D.techniqueCounts[0]![1] : 1;
  for (const [name, n] of D.techniqueCounts) {
    const i = D.techniques.indexOf(name);
    const bar = h('span', `bar sw t-${i < 0 ? 'x' : i}`);
    bar.style.width = `${Math.max(6, Math.round((80 * n) / most))}px`;
    add(techs, item([techLabel(name), ' ', h('span', 'muted', `\u00d7${n}`), bar], () => {
      if (!layerOn('tech')) pick('tech');
      select(marksOf('tech', (r) => A.techniques[r]!.technique === name));
      show([techniqueDocCard(name)]);
    }));
  }
  add(aside, panel('Techniques', [h('p', 'stats', `${pct(D.techniqueShare)} of ${A.sentences.length} sentences carry at least one technique`), techs]));
}

/** Switches the layer from a panel, as the radio buttons do. */
function pick(layer: Layer): void {
  const radio = toolbar.querySelector<HTMLInputElement>(`input[data-layer=${layer}]`);
  if (radio) radio.checked = true;
  showLayer(layer);
}

const footer = h('footer');
if (A.timings.length) add(footer, h('p', null, `Timings: ${A.timings.map((t) => `${t.analyzer} ${t.ms.toFixed(1)} ms`).join(', ')}`));
add(footer, h('p', null, `${A.tool.name} ${A.tool.version} · schema ${A.schemaVersion}${A.credits.length ? ` · ${A.credits.join(' · ')}` : ''}`));

showLayer(shown);
add(document.getElementById('app')!, [header, toolbar, legend, h('main', null, [article, aside]), footer]);

if (mapBox) {
  drawMap(mapBox, D, (entities) => {
    if (!layerOn('ent')) pick('ent');
    select(marksOf('ent', (r) => entities.includes(r)), false);
    show(entities.map(entityCard));
  });
}
