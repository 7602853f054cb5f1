/**
 * The HTML report's stylesheet and colours, inlined by html.ts. Text colours meet WCAG AA (4.5:1)
 * on the white page and on the highlight backgrounds (checked in html.browser.test.ts).
 */
import { TECHNIQUES } from '../techniques/docs.js';

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
:root{--ink:#1f2937;--mute:#4b5563;--line:#e5e7eb;--panel:#f9fafb;--accent:#6d28d9;--focus:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.top{padding:12px 24px 8px;border-bottom:1px solid var(--line)}
header.top h1{margin:0 0 2px;font-size:21px;line-height:1.25}
.meta{color:var(--mute);font-size:13px;margin:0}
.meta span+span::before{content:" · "}
.notice{font-size:13px;margin:6px 0 0;padding:4px 8px;border-left:3px solid #b45309;background:#fef3c7;color:#78350f}
.toolbar{position:sticky;top:0;z-index:1000;background:#fff;border-bottom:1px solid var(--line);padding:6px 24px;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center;font-size:13px}
.toolbar label{display:inline-flex;align-items:center;gap:4px;cursor:pointer;user-select:none}
.toolbar .count{color:var(--mute)}
.legend{display:flex;flex-wrap:wrap;gap:2px 12px;padding:4px 24px;font-size:12px;color:var(--mute);border-bottom:1px solid var(--line);min-height:26px}
.legend .item{display:inline-flex;align-items:center;gap:4px;cursor:pointer;background:none;border:0;padding:0;font:inherit;color:inherit}
.legend .item:hover{color:var(--ink);text-decoration:underline}
.legend .group{font-weight:600;color:var(--ink)}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;background:#999}
.sw.a-source{background:#bbf7d0}.sw.a-cue{background:#fed7aa}.sw.a-content{background:#fef3c7;border:1px solid #fcd34d}
.sw.time{background:#fff;outline:1.5px dashed #0f766e}.sw.find{background:#fff;border-bottom:2px solid #dc2626}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(360px,560px);gap:24px;padding:12px 24px 32px;align-items:start}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static !important;max-height:none !important}}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/1.85 Georgia,"Times New Roman",serif;max-width:42em}
.seg{border-radius:2px}
.article .live{cursor:pointer}
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
aside{min-width:0;position:sticky;top:44px;max-height:calc(100vh - 52px);overflow:auto;padding-right:4px}
#details{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:10px 0 14px;background:#fff}
#details:empty::before{content:"Click or press Enter on a highlighted span, a source, a finding or a technique for details.";color:var(--mute);font-size:13px}
.card{border-top:1px solid var(--line);padding:8px 0}.card:first-child{border-top:0;padding-top:0}
.card h3{margin:0 0 4px;font-size:14px}
.card .kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.card p{margin:3px 0;font-size:13px}
.card ul{margin:2px 0 4px 18px;padding:0;font-size:13px}
.card .doc{background:var(--panel);border-left:3px solid var(--accent);padding:6px 8px;margin:6px 0}
.card table{border-collapse:collapse;font-size:12px;width:100%;margin-top:4px}
.card td,.card th{border-top:1px solid var(--line);padding:2px 4px;text-align:left;vertical-align:top}
.q{font-style:italic;color:#374151}
section.panel{margin-bottom:16px}
section.panel h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:var(--mute);margin:0 0 6px;border-bottom:1px solid var(--line);padding-bottom:3px}
ul.list{list-style:none;margin:0;padding:0;font-size:13px}
ul.list li{padding:3px 6px;border-radius:4px;cursor:pointer}
ul.list li:hover,ul.list li.active{background:#f3f4f6}
#timeline{max-height:220px;overflow:auto}
.badge{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;background:#e5e7eb;color:#374151;margin-right:4px;white-space:nowrap}
.sev-error{background:#fee2e2;color:#991b1b}.sev-warning{background:#fef3c7;color:#92400e}.sev-info{background:#dbeafe;color:#1e40af}
.muted{color:var(--mute)}
.bar{display:inline-block;height:8px;border-radius:4px;vertical-align:middle;margin-left:6px}
.stats{font-size:13px;margin:4px 0 8px}
#map{height:330px;border:1px solid var(--line);border-radius:8px;background:#dbeafe}
#map .leaflet-tooltip.place{background:#fff;color:#111827;border:1px solid #9ca3af;font:600 12px/1.2 system-ui,sans-serif;padding:1px 4px;box-shadow:none}
#map .leaflet-tooltip.place.low{color:#78350f;border-color:#b45309;border-style:dashed}
.leaflet-container .leaflet-control-attribution{color:#374151;background:rgba(255,255,255,.85)}
.maplegend{font-size:12px;color:var(--mute);margin:4px 0 0}
footer{padding:12px 24px 24px;border-top:1px solid var(--line);font-size:12px;color:var(--mute)}
footer p{margin:2px 0}
`;
