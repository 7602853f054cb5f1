/**
 * The HTML report's own script and stylesheet, inlined by html.ts. The script reads the report's
 * data from `<script type="application/json" id="unspin-data">` and builds every element with
 * createElement/textContent: no string from the article or the analysis ever reaches innerHTML,
 * and nothing is ever fetched. Plain ES2017 in a string (no backticks inside) so it runs as written.
 */
import { TECHNIQUES } from './technique-docs.js';

/** Colours of the 14 PTC classes, in the order of TECHNIQUES. */
export const TECHNIQUE_COLORS = [
  '#2563eb', '#dc2626', '#ea580c', '#475569', '#0891b2', '#ca8a04', '#db2777',
  '#16a34a', '#c026d3', '#7c2d12', '#0f766e', '#4f46e5', '#65a30d', '#9f1239',
];
export const ENTITY_COLORS: Readonly<Record<string, string>> = {
  person: '#1d4ed8',
  organization: '#7c3aed',
  outlet: '#be185d',
  'military-unit': '#b91c1c',
  place: '#047857',
  other: '#57534e',
};

const techniqueCss = TECHNIQUES.map(
  (_, i) => `.on-tech .t-${i}{border-bottom-color:${TECHNIQUE_COLORS[i]}} .sw.t-${i}{background:${TECHNIQUE_COLORS[i]}}`,
).join('\n');
const entityCss = Object.entries(ENTITY_COLORS)
  .map(([type, c]) => `.on-ent .e-${type}{color:${c}} .sw.e-${type}{background:${c}}`)
  .join('\n');

export const CLIENT_CSS = String.raw`
:root{--ink:#1f2937;--mute:#6b7280;--line:#e5e7eb;--panel:#f9fafb;--accent:#7c3aed}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header.top{padding:16px 24px 8px;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 4px;font-size:22px;line-height:1.25}
.meta{color:var(--mute);font-size:13px;margin:0}
.meta span+span::before{content:" · "}
.notice{font-size:13px;margin:6px 0 0;padding:4px 8px;border-left:3px solid #b45309;background:#fef3c7;color:#78350f}
.toolbar{position:sticky;top:0;z-index:1000;background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;font-size:13px}
.toolbar label{display:inline-flex;align-items:center;gap:5px;cursor:pointer;user-select:none}
.toolbar .count{color:var(--mute)}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;padding:6px 24px;font-size:12px;color:var(--mute);border-bottom:1px solid var(--line)}
.legend .item{display:inline-flex;align-items:center;gap:4px;cursor:pointer;background:none;border:0;padding:0;font:inherit;color:inherit}
.legend .item:hover{color:var(--ink);text-decoration:underline}
.legend .group{font-weight:600;color:var(--ink)}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;background:#999}
.sw.a-source{background:#bbf7d0}.sw.a-cue{background:#fed7aa}.sw.a-content{background:#fef3c7;border:1px solid #fcd34d}
.sw.time{background:#fff;outline:1.5px dashed #0f766e}.sw.find{background:#fff;border-bottom:2px solid #dc2626}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:24px;padding:16px 24px 32px}
@media (max-width:900px){main{grid-template-columns:1fr}}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/1.9 Georgia,"Times New Roman",serif;max-width:46em}
.seg{cursor:pointer;border-radius:2px}
.on-ent .m-ent{font-weight:600}
${entityCss}
.on-attr .a-content{background:#fef3c7}
.on-attr .a-source{background:#bbf7d0}
.on-attr .a-cue{background:#fed7aa}
.on-time .m-time{outline:1.5px dashed #0f766e;outline-offset:1px}
.on-tech .m-tech{border-bottom:3px solid #999;padding-bottom:1px}
.on-tech .tech-multi{border-bottom-style:double;border-bottom-width:5px}
${techniqueCss}
.on-find .m-find{text-decoration:underline wavy #dc2626;text-decoration-thickness:1.5px;text-underline-offset:5px;text-decoration-skip-ink:none}
.article .sel{background:#ddd6fe !important;box-shadow:0 2px 0 var(--accent)}
.article .flash{animation:flash 1.2s ease-out 2}
@keyframes flash{50%{background:#fde047;box-shadow:0 0 0 3px #facc15}}
aside{min-width:0}
#details{position:sticky;top:48px;z-index:500;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin-bottom:16px;max-height:48vh;overflow:auto;box-shadow:0 2px 8px rgba(0,0,0,.06)}
#details:empty::before{content:"Click a highlighted span, a source, a finding or a technique for details.";color:var(--mute);font-size:13px}
.card{border-top:1px solid var(--line);padding:8px 0}.card:first-child{border-top:0;padding-top:0}
.card h3{margin:0 0 4px;font-size:14px}
.card .kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.card p{margin:3px 0;font-size:13px}
.card .doc{background:var(--panel);border-left:3px solid var(--accent);padding:6px 8px;margin:6px 0}
.card table{border-collapse:collapse;font-size:12px;width:100%;margin-top:4px}
.card td,.card th{border-top:1px solid var(--line);padding:2px 4px;text-align:left;vertical-align:top}
.q{font-style:italic;color:#374151}
section.panel{margin-bottom:18px}
section.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--mute);margin:0 0 6px;border-bottom:1px solid var(--line);padding-bottom:3px}
ul.list{list-style:none;margin:0;padding:0;font-size:13px}
ul.list li{padding:4px 6px;border-radius:4px;cursor:pointer}
ul.list li:hover,ul.list li.active{background:#f3f4f6}
.badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;background:#e5e7eb;color:#374151;margin-right:4px;white-space:nowrap}
.sev-error{background:#fee2e2;color:#991b1b}.sev-warning{background:#fef3c7;color:#92400e}.sev-info{background:#dbeafe;color:#1e40af}
.muted{color:var(--mute)}
.bar{display:inline-block;height:8px;border-radius:4px;vertical-align:middle;margin-left:6px}
.stats{font-size:13px;margin:4px 0 8px}
#map{height:320px;border:1px solid var(--line);border-radius:8px;background:#dbeafe}
.maplegend{font-size:12px;color:var(--mute);margin-top:4px}
footer{padding:12px 24px 24px;border-top:1px solid var(--line);font-size:12px;color:var(--mute)}
footer p{margin:2px 0}
`;

export const CLIENT_JS = String.raw`(function () {
'use strict';
var D = JSON.parse(document.getElementById('unspin-data').textContent);
var A = D.analysis, T = A.document.text;
var LAYERS = [['ent', 'Entities', A.entities.length], ['attr', 'Attributions', A.attributions.length],
  ['time', 'Times', A.times.length], ['tech', 'Techniques', A.techniques.length], ['find', 'Findings', A.findings.length]];

// -- DOM helpers: text always goes in as text nodes ------------------------------------------
function h(tag, cls, kids) {
  var el = document.createElement(tag);
  if (cls) el.className = cls;
  if (kids !== undefined) add(el, kids);
  return el;
}
function add(el, kids) {
  (Array.isArray(kids) ? kids : [kids]).forEach(function (k) {
    if (k === null || k === undefined || k === false) return;
    if (Array.isArray(k)) return add(el, k);
    el.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
  });
  return el;
}
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
function squash(s) { return String(s).replace(/\s+/g, ' ').trim(); }
function quote(s, n) { s = squash(s); n = n || 120; return '\u201c' + (s.length > n ? s.slice(0, n - 1) + '\u2026' : s) + '\u201d'; }
function slice(sp) { return T.slice(sp.start, sp.end); }
function num(x) { return Number(x).toFixed(2); }
function pct(x) { return Math.round(x * 100) + '%'; }
function badge(text, cls) { return h('span', 'badge' + (cls ? ' ' + cls : ''), text); }
function row(label, value) { return h('p', null, [h('span', 'muted', label + ': '), value]); }
function isDay(v) { return /^\d{4}-\d{2}-\d{2}$/.test(v || ''); }
function techDoc(name) { return D.docs[name] || null; }
function techLabel(name) { var d = techDoc(name); return d ? d.label : name; }

// -- the article, cut into segments; each segment carries the classes of every span over it ---
var article = h('div', 'article on-ent on-attr on-time on-tech on-find');
article.id = 'text';
var segsOfMark = D.marks.map(function () { return []; });
var pos = 0;
D.segs.forEach(function (s) {
  if (s[0] > pos) article.appendChild(document.createTextNode(T.slice(pos, s[0])));
  var ids = s.slice(2), classes = { seg: 1 }, tech = 0;
  var el = h('span', null, T.slice(s[0], s[1]));
  ids.forEach(function (m) {
    var mk = D.marks[m];
    classes['m-' + mk.l] = 1;
    classes[mk.c] = 1;
    if (mk.l === 'tech') tech++;
    segsOfMark[m].push(el);
  });
  if (tech > 1) classes['tech-multi'] = 1;
  el.className = Object.keys(classes).join(' ');
  el.setAttribute('data-marks', ids.join(' '));
  el.title = ids.map(summary).join('\n');
  article.appendChild(el);
  pos = s[1];
});
if (pos < T.length) article.appendChild(document.createTextNode(T.slice(pos)));

function marksOf(layer, ref) {
  var out = [];
  D.marks.forEach(function (mk, i) { if (mk.l === layer && (ref === undefined || ref(mk.r, mk))) out.push(i); });
  return out;
}
function layerOn(l) { return article.classList.contains('on-' + l); }

function summary(m) {
  var mk = D.marks[m];
  if (mk.l === 'ent') {
    var e = A.entities[mk.r];
    return e.type + ': ' + e.name + (e.place && e.place.geonamesId !== null ? ' (GeoNames ' + e.place.geonamesId + ', ' + num(e.place.confidence) + ')' : '');
  }
  if (mk.l === 'attr') {
    var a = A.attributions[mk.r];
    return mk.p + ' of a claim by ' + (a.source ? squash(a.source.text) + ' [' + a.source.kind + ']' : 'no named source');
  }
  if (mk.l === 'time') { var t = A.times[mk.r]; return 'time: ' + squash(t.text) + ' = ' + (t.value === null ? 'unresolved' : t.value); }
  if (mk.l === 'tech') { var q = A.techniques[mk.r]; return techLabel(q.technique) + ' (' + num(q.confidence) + ')'; }
  if (mk.l === 'ev') { var v = A.events[mk.r]; return 'event: ' + v.type + (v.time && v.time.value ? ' (' + v.time.value + ')' : ''); }
  var f = A.findings[mk.r];
  return f.severity + ': ' + f.message;
}

// -- details cards ---------------------------------------------------------------------------
var details = h('div');
details.id = 'details';
function show(cards) { clear(details); add(details, cards); details.scrollTop = 0; }

function entityCard(i) {
  var e = A.entities[i], kids = [h('div', 'kind', e.type), h('h3', null, e.name)];
  if (e.role) kids.push(row('role', e.role));
  kids.push(row('mentions', e.mentions.map(function (m) { return quote(slice(m), 40); }).join(', ')));
  var p = e.place;
  if (p) {
    kids.push(row('place', p.lat === null ? 'not linked' : p.name + (p.geonamesId === null ? ' \u00b7 country or region' : ' \u00b7 GeoNames ' + p.geonamesId) +
      (p.countryCode ? ' \u00b7 ' + p.countryCode : '') + (p.lat !== null ? ' \u00b7 ' + num(p.lat) + ', ' + num(p.lon) : '')));
    kids.push(row('confidence', num(p.confidence) + (p.confidence < D.lowPlace ? ' (low: see the candidates)' : '') + (p.matchedBy ? ' \u00b7 matched by ' + p.matchedBy : '')));
    if (p.formerName) kids.push(row('former name', p.formerName));
    if (p.note) kids.push(row('note', p.note));
    if (p.candidates && p.candidates.length) {
      var table = h('table', null, h('tr', null, [h('th', null, 'candidate'), h('th', null, 'GeoNames'), h('th', null, 'score'), h('th', null, 'why')]));
      p.candidates.forEach(function (c) {
        add(table, h('tr', null, [h('td', null, c.name + ' (' + [c.admin1, c.countryCode].filter(Boolean).join(', ') + ')'),
          h('td', null, c.geonamesId === null ? '\u2014' : String(c.geonamesId)), h('td', null, num(c.score)), h('td', null, c.reasons.join('; '))]));
      });
      kids.push(table);
    }
  }
  return h('div', 'card', kids);
}
function attributionCard(i) {
  var a = A.attributions[i], kids = [h('div', 'kind', 'attribution' + (a.mode ? ' \u00b7 ' + a.mode : ''))];
  kids.push(h('h3', null, a.source ? a.source.text : 'no named source'));
  if (a.source) kids.push(row('source kind', a.source.kind));
  var chain = [a.source ? squash(a.source.text) : '?'].concat((a.via || []).map(function (v) { return v.name; }), ['this article']);
  kids.push(row('chain', chain.join(' \u2192 ')));
  if (a.cue) kids.push(row('cue', quote(slice(a.cue))));
  kids.push(row('claim', h('span', 'q', quote(slice(a.content), 400))));
  if (a.confidence !== undefined) kids.push(row('confidence', num(a.confidence)));
  return h('div', 'card', kids);
}
function timeCard(i) {
  var t = A.times[i], kids = [h('div', 'kind', 'time'), h('h3', null, t.text)];
  kids.push(row('value', t.value === null ? 'unresolved' : t.value + (t.end_value ? ' to ' + t.end_value : '')));
  if (t.precision) kids.push(row('precision', t.precision));
  if (t.anchored !== undefined) kids.push(row('anchored to the publication date', t.anchored ? 'yes' : 'no'));
  return h('div', 'card', kids);
}
function docBlock(name) {
  var d = techDoc(name);
  if (!d) return h('p', 'muted', 'No doc for this class.');
  return h('div', 'doc', [h('p', null, d.definition), h('p', null, [h('span', 'muted', 'Example (ours): '), h('span', 'q', d.example)])]);
}
function techniqueCard(i) {
  var t = A.techniques[i];
  var kids = [h('div', 'kind', 'technique \u00b7 ' + t.technique), h('h3', null, techLabel(t.technique)),
    row('span', h('span', 'q', quote(slice(t), 300))), row('confidence', num(t.confidence))];
  if (t.cues && t.cues.length) kids.push(h('p', 'cues', [h('span', 'muted', 'cues: '), t.cues.join('; ')]));
  kids.push(docBlock(t.technique));
  return h('div', 'card', kids);
}
function techniqueDocCard(name) {
  return h('div', 'card', [h('div', 'kind', 'technique \u00b7 ' + name), h('h3', null, techLabel(name)), docBlock(name)]);
}
function findingCard(i) {
  var f = A.findings[i], kids = [h('div', 'kind', 'finding \u00b7 ' + f.rule), h('h3', null, [badge(f.severity, 'sev-' + f.severity), f.message])];
  f.spans.forEach(function (s) { kids.push(row('span', h('span', 'q', quote(slice(s), 200)))); });
  if (f.evidence) Object.keys(f.evidence).forEach(function (k) {
    var v = f.evidence[k];
    kids.push(row(k, typeof v === 'string' ? v : JSON.stringify(v)));
  });
  return h('div', 'card', kids);
}
var CARD = { ent: entityCard, attr: attributionCard, time: timeCard, tech: techniqueCard, find: findingCard };

// -- selection: highlight segments of some marks and bring the first into view -------------------
function select(markIds, scroll) {
  Array.prototype.forEach.call(article.querySelectorAll('.sel'), function (el) { el.classList.remove('sel'); });
  var first = null;
  markIds.forEach(function (m) { segsOfMark[m].forEach(function (el) { el.classList.add('sel'); if (!first) first = el; }); });
  if (first && scroll !== false) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return first;
}
function flash(el) {
  if (!el) return;
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}

article.addEventListener('click', function (ev) {
  var seg = ev.target.closest ? ev.target.closest('[data-marks]') : null;
  if (!seg) return;
  var ids = seg.getAttribute('data-marks').split(' ').map(Number).filter(function (m) { return layerOn(D.marks[m].l); });
  var seen = {}, cards = [];
  ids.forEach(function (m) {
    var mk = D.marks[m], key = mk.l + mk.r;
    if (seen[key]) return;
    seen[key] = 1;
    cards.push(CARD[mk.l](mk.r));
  });
  if (cards.length) show(cards);
});

// -- header, toggles, legend ------------------------------------------------------------------
var doc = A.document;
var header = h('header', 'top', [h('h1', null, doc.title || (doc.source && doc.source.path) || 'Untitled article')]);
var meta = h('p', 'meta');
[doc.outlet, doc.byline, doc.publishedAt ? 'published ' + doc.publishedAt : 'publication date unknown',
  'language ' + doc.language, D.words + ' words', doc.url].forEach(function (x) { if (x) add(meta, h('span', null, x)); });
add(header, meta);
if (D.unhighlighted !== null) {
  add(header, h('p', 'notice', 'More than 64 spans overlap in places: spans of ' + D.unhighlighted + ' characters or more are listed in the panels but not highlighted in the text.'));
}

var toolbar = h('div', 'toolbar', h('strong', null, 'Layers'));
LAYERS.forEach(function (l) {
  var box = h('input');
  box.type = 'checkbox';
  box.checked = true;
  box.setAttribute('data-layer', l[0]);
  box.addEventListener('change', function () { article.classList.toggle('on-' + l[0], box.checked); });
  add(toolbar, h('label', null, [box, l[1], h('span', 'count', '(' + l[2] + ')')]));
});

var legend = h('div', 'legend');
function legendItem(swatch, label, onClick) {
  var b = h('button', 'item', [h('span', 'sw ' + swatch), label]);
  b.type = 'button';
  if (onClick) b.addEventListener('click', onClick); else b.disabled = true;
  return b;
}
add(legend, h('span', 'group', 'Entities'));
D.entityTypes.forEach(function (t) { add(legend, legendItem('e-' + t, t)); });
add(legend, h('span', 'group', 'Attributions'));
[['a-source', 'source'], ['a-cue', 'cue'], ['a-content', 'claim']].forEach(function (x) { add(legend, legendItem(x[0], x[1])); });
add(legend, legendItem('time', 'time'));
add(legend, legendItem('find', 'finding'));
var legend2 = h('div', 'legend', h('span', 'group', 'Techniques'));
D.techniques.forEach(function (name, i) {
  add(legend2, legendItem('t-' + i, techLabel(name), function () { show([techniqueDocCard(name)]); }));
});

// -- side panels ------------------------------------------------------------------------------
function panel(title, kids) { return h('section', 'panel', [h('h2', null, title), kids]); }
function item(kids, onClick) {
  var li = h('li', null, kids);
  li.tabIndex = 0;
  li.addEventListener('click', onClick);
  li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') onClick(); });
  return li;
}
var aside = h('aside', null, details);

if (D.sources.length) {
  var sources = h('ul', 'list');
  sources.id = 'sources';
  D.sources.forEach(function (s) {
    add(sources, item([badge(s.kind), s.label, h('span', 'muted', ' \u00d7' + s.attributions.length)], function () {
      var set = {};
      s.attributions.forEach(function (i) { set[i] = 1; });
      select(marksOf('attr', function (r, mk) { return set[r] && mk.p === 'content'; }));
      show(s.attributions.map(attributionCard));
    }));
  });
  var prof = A.sourcing ? h('p', 'stats', A.sourcing.factualSentences + ' factual sentences: ' + pct(A.sourcing.unattributedShare) +
    ' unattributed, ' + pct(A.sourcing.anonymousOrCollectiveShare) + ' anonymous or collective') : null;
  add(aside, panel('Sources', [prof, sources]));
}

if (A.findings.length) {
  var findings = h('ul', 'list');
  findings.id = 'findings';
  D.order.findings.forEach(function (i) {
    var f = A.findings[i];
    add(findings, item([badge(f.severity, 'sev-' + f.severity), f.message], function () {
      flash(select(marksOf('find', function (r) { return r === i; })));
      show([findingCard(i)]);
    }));
  });
  add(aside, panel('Findings', findings));
}

if (A.entities.length) {
  var ents = h('ul', 'list');
  ents.id = 'entities';
  D.order.entities.forEach(function (i) {
    var e = A.entities[i];
    add(ents, item([h('span', 'sw e-' + D.entityClass[i]), ' ', e.name, e.role ? h('span', 'muted', ' (' + e.role + ')') : null,
      h('span', 'muted', ' \u00d7' + e.mentions.length + ' '), e.place && e.place.confidence < D.lowPlace ? badge('low confidence') : null], function () {
      select(marksOf('ent', function (r) { return r === i; }));
      show([entityCard(i)]);
    }));
  });
  add(aside, panel('Entities', ents));
}

if (A.events.length || A.times.length) {
  var tl = h('ul', 'list');
  tl.id = 'timeline';
  D.order.events.forEach(function (i) {
    var e = A.events[i], v = e.time ? e.time.value : null;
    var partial = v !== null && (e.time.partial === true || !isDay(v));
    var place = e.placeEntityId ? A.entities.filter(function (x) { return x.id === e.placeEntityId; })[0] : null;
    var attr = e.attributionId ? A.attributions.filter(function (x) { return x.id === e.attributionId; })[0] : null;
    add(tl, item([h('strong', null, v === null ? 'undated' : v), partial ? badge('partial') : null, ' ', badge(e.subtype ? e.type + '/' + e.subtype : e.type),
      e.summary || quote(slice(e), 90), place ? h('span', 'muted', ' \u2014 ' + place.name) : null], function () {
      flash(select(marksOf('ev', function (r) { return r === i; })));
      show([h('div', 'card', [h('div', 'kind', 'event \u00b7 ' + e.type), h('h3', null, quote(slice(e), 200)),
        e.summary ? row('summary', e.summary) : null,
        row('when', v === null ? 'undated' : v + (partial ? ' (partial date)' : '')), place ? row('where', place.name) : null,
        e.actors.length ? row('actors', e.actors.map(function (x) { return x.text + ' [' + x.role + (x.side ? ', ' + x.side : '') + ']'; }).join(', ')) : null,
        e.side ? row('side', e.side) : null,
        attr ? row('according to', attr.source ? attr.source.text + ' [' + attr.source.kind + ']' : 'no named source') : null])]);
    }));
  });
  var times = h('ul', 'list');
  D.order.times.forEach(function (i) {
    var t = A.times[i];
    add(times, item([h('strong', null, t.value === null ? 'unresolved' : t.value), t.value !== null && !isDay(t.value) ? badge('partial') : null, ' ', quote(t.text, 60)], function () {
      select(marksOf('time', function (r) { return r === i; }));
      show([timeCard(i)]);
    }));
  });
  add(aside, panel('Timeline', [A.events.length ? tl : null, A.times.length ? h('p', 'stats muted', 'Times in the text') : null, times]));
}

if (A.techniques.length) {
  var techs = h('ul', 'list');
  techs.id = 'techniques';
  var most = D.techniqueCounts.length ? D.techniqueCounts[0][1] : 1;
  D.techniqueCounts.forEach(function (tc) {
    var i = D.techniques.indexOf(tc[0]);
    var bar = h('span', 'bar sw t-' + (i < 0 ? 'x' : i));
    bar.style.width = Math.max(6, Math.round(80 * tc[1] / most)) + 'px';
    add(techs, item([techLabel(tc[0]), ' ', h('span', 'muted', '\u00d7' + tc[1]), bar], function () {
      select(marksOf('tech', function (r) { return A.techniques[r].technique === tc[0]; }));
      show([techniqueDocCard(tc[0])]);
    }));
  });
  add(aside, panel('Techniques', [h('p', 'stats', pct(D.techniqueShare) + ' of ' + A.sentences.length + ' sentences carry at least one technique'), techs]));
}

var mapBox = null;
if (D.places.length && D.geo && window.L) {
  mapBox = h('div');
  mapBox.id = 'map';
  add(aside, panel('Map', [mapBox, h('p', 'maplegend', '\u25cf linked place \u00a0 \u25cc low confidence (below ' + D.lowPlace + '): check the candidates')]));
}

var footer = h('footer');
if (A.cut.length) add(footer, h('p', null, 'Not run (time budget spent): ' + A.cut.join(', ')));
A.warnings.forEach(function (w) { add(footer, h('p', null, 'Warning: ' + w)); });
if (A.timings.length) add(footer, h('p', null, 'Timings: ' + A.timings.map(function (t) { return t.analyzer + ' ' + t.ms.toFixed(1) + ' ms'; }).join(', ')));
add(footer, h('p', null, A.tool.name + ' ' + A.tool.version + ' \u00b7 schema ' + A.schemaVersion + (A.credits.length ? ' \u00b7 ' + A.credits.join(' \u00b7 ') : '')));

var app = document.getElementById('app');
add(app, [header, toolbar, legend, legend2, h('main', null, [article, aside]), footer]);

// -- the offline map: country borders as GeoJSON, one circle per linked place, no tiles ---------
if (mapBox) {
  var L = window.L;
  var map = L.map(mapBox, { zoomSnap: 0.5, worldCopyJump: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas)');
  // the view must be set before layers are added (the vector renderer clips to it)
  map.fitBounds(D.places.map(function (p) { return [p.lat, p.lon]; }), { padding: [40, 40], maxZoom: 5 });
  L.geoJSON(D.geo, { interactive: false, style: function () { return { color: '#94a3b8', weight: 0.8, fillColor: '#f8fafc', fillOpacity: 1 }; } }).addTo(map);
  D.places.forEach(function (p) {
    var style = p.low
      ? { radius: 8, color: '#b45309', weight: 2, dashArray: '3 3', fillColor: '#fde68a', fillOpacity: 0.4 }
      : { radius: 7, color: '#1e3a8a', weight: 2, fillColor: '#3b82f6', fillOpacity: 0.85 };
    var marker = L.circleMarker([p.lat, p.lon], style).addTo(map);
    marker.bindPopup(h('div', null, [h('strong', null, p.name), h('div', null, 'GeoNames ' + p.geonamesId + (p.countryCode ? ' \u00b7 ' + p.countryCode : '')),
      h('div', null, 'confidence ' + num(p.confidence) + (p.low ? ' (low)' : '')),
      h('div', 'muted', 'in the text as ' + p.mentions.map(function (m) { return quote(m, 40); }).join(', '))]));
    marker.bindTooltip(h('span', null, p.name));
    marker.on('click', function () {
      select(marksOf('ent', function (r) { return p.entities.indexOf(r) >= 0; }), false);
      show(p.entities.map(entityCard));
    });
  });
}
})();
`;
