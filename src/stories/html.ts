/**
 * `unspin corpus story ID --html FILE`: one story as a self-contained page that needs no script:
 * for each rewrite, the origin and the rewrite side by side, sentence by sentence as aligned, with
 * what changed marked in both; then each claim of the story followed from outlet to outlet with
 * its sourcing at each step. The page loads nothing (Content-Security-Policy: default-src 'none').
 */
import type { Span } from './align.js';
import type { Claim, Story } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The text of `span` with the parts inside `marks` wrapped in <mark> (class = the change kind). */
function marked(text: string, span: Span, marks: readonly { kind: string; span: Span; title: string }[]): string {
  const inside = marks
    .filter((m) => m.span.end > span.start && m.span.start < span.end && m.span.end - m.span.start < span.end - span.start + 1)
    .map((m) => ({ ...m, start: Math.max(m.span.start, span.start), end: Math.min(m.span.end, span.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = span.start;
  for (const m of inside) {
    if (m.start < at) continue; // nested or overlapping: the outer one is shown
    out += esc(text.slice(at, m.start));
    out += `<mark class="${esc(m.kind)}" title="${esc(m.title)}">${esc(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + esc(text.slice(at, span.end));
}

const label = (r: { outlet?: string; id: string; publishedAt?: string }) => `${r.outlet ?? r.id}${r.publishedAt ? `, ${r.publishedAt}` : ''}`;

export interface StoryPage {
  story: Story;
  /** article id -> its text */
  texts: ReadonlyMap<string, string>;
  /** claims with an appearance in the story */
  claims: readonly Claim[];
}

export function renderStoryHtml({ story, texts, claims }: StoryPage): string {
  const originText = texts.get(story.origin.id) ?? '';
  const members = story.members.map((m, n) => {
    const rewriteText = texts.get(m.article.id) ?? '';
    const originMarks = m.changes.filter((c) => c.origin && c.kind !== 'attribution-added').map((c) => ({ kind: c.kind, span: c.origin!, title: c.message }));
    const rewriteMarks = m.changes.filter((c) => c.rewrite && c.kind !== 'attribution-dropped' && c.kind !== 'hedge-removed').map((c) => ({ kind: c.kind, span: c.rewrite!, title: c.message }));
    const rows = m.alignment
      .map((a) => {
        const o = a.origin ? marked(originText, a.origin, originMarks) : '';
        const r = a.rewrite ? marked(rewriteText, a.rewrite, rewriteMarks) : '';
        return `<tr class="${a.kind}"><td class="kind">${a.kind}</td><td>${o}</td><td>${r}</td></tr>`;
      })
      .join('\n');
    const changes = m.changes
      .filter((c) => c.kind !== 'origin-credited')
      .map((c) => `<li><span class="tag ${esc(c.kind)}">${esc(c.kind)}</span> ${esc(c.message)}</li>`)
      .join('\n');
    return `<section class="member" id="m${n}">
<h2>${esc(label(m.article))} <small>against the origin, ${Math.round(m.similarity * 100)}% of its text shared</small></h2>
${changes ? `<ul class="changes">${changes}</ul>` : '<p class="none">No change our layers see.</p>'}
<table class="aligned"><thead><tr><th></th><th scope="col">Origin: ${esc(label(story.origin))}</th><th scope="col">Rewrite: ${esc(label(m.article))}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
  });
  const travels = claims
    .map((c) => {
      const steps = c.appearances
        .map((a) => {
          const sourcing = a.attributed ? `attributed${a.sourceKind ? ` (${esc(a.sourceKind)} source)` : ''}` : 'stated as fact';
          const cites = a.cites ? `, credits ${esc(label(a.cites))}` : '';
          const quote = (texts.get(a.article.id) ?? '').slice(a.start, a.end);
          return `<li class="${a.attributed ? 'attributed' : 'unattributed'}"><b>${esc(label(a.article))}</b>: ${sourcing}${cites}<q>${esc(quote)}</q></li>`;
        })
        .join('\n');
      return `<li class="claim"><p>${esc(c.text)}</p><ol class="travel">${steps}</ol></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Story ${esc(story.id)} · unspin</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Story from ${esc(label(story.origin))}</h1>
<p>${story.members.length} rewrite${story.members.length === 1 ? '' : 's'}${story.origin.url ? ` · origin: ${esc(story.origin.url)}` : story.origin.path ? ` · origin: ${esc(story.origin.path)}` : ''}</p>
<p class="legend"><mark class="attribution-dropped">source dropped</mark> <mark class="number-changed">figure changed</mark> <mark class="spelling-switched">spelling switched</mark> <mark class="hedge-removed">hedge removed</mark> <mark class="technique-added">technique added</mark> <mark class="certainty-added">certainty added</mark></p>
</header>
<main>
${members.join('\n')}
<section class="claims"><h2>Claims followed from outlet to outlet</h2>
${travels ? `<ol>${travels}</ol>` : '<p class="none">No claim of this story appears elsewhere in the corpus.</p>'}
</section>
</main>
</body>
</html>
`;
}

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header,main{max-width:1400px;margin:0 auto;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}small{color:#555;font-weight:normal}
table.aligned{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
.aligned th,.aligned td{border:1px solid #ddd;padding:.4rem .6rem;vertical-align:top}
.aligned td.kind{width:5.5rem;font-size:.8rem;color:#444}.aligned th:first-child{width:5.5rem}
tr.same td{color:#555}tr.added td:nth-child(3){background:#eef7ee}tr.dropped td:nth-child(2){background:#fbeeee}
tr.changed td.kind{font-weight:bold}
mark{padding:0 .1em;border-radius:2px;background:#fff3b0}
mark.attribution-dropped,.tag.attribution-dropped{background:#ffd1d1}
mark.number-changed,.tag.number-changed{background:#ffe0b3}
mark.spelling-switched,.tag.spelling-switched{background:#d6e9ff}
mark.hedge-removed,.tag.hedge-removed{background:#f0d6ff}
mark.technique-added,.tag.technique-added{background:#ffe8f0}
mark.certainty-added,.tag.certainty-added{background:#ffd1d1}
.tag{font-size:.75rem;padding:.05rem .35rem;border-radius:3px;background:#eee}
ul.changes{padding-left:1.2rem}.none{color:#555}
ol.travel li{margin:.3rem 0}ol.travel q{display:block;color:#333;margin-left:1rem}
li.unattributed b::after{content:" ⚠";color:#b00}
`;
