import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, normalizeMarkup } from './markup.js';

const skeleton = (head: string, body: string, html = '<html>', bodyTag = '<body>') => `<!DOCTYPE html>${html}<head>${head}</head>${bodyTag}${body}</body></html>`;

describe('normalizeMarkup', () => {
  it('gives fragments and text before any tag a head and a body', () => {
    expect(normalizeMarkup('<p>One</p><p>Two')).toBe(skeleton('', '<p>One</p><p>Two</p>'));
    expect(normalizeMarkup('Words first. <p>para</p>')).toBe(skeleton('', 'Words first. <p>para</p>'));
    expect(normalizeMarkup('<title>T</title><meta charset=utf-8><p>x</p>')).toBe(skeleton('<title>T</title><meta charset=utf-8>', '<p>x</p>'));
  });

  it("keeps the page's own <html> and <body> attributes, its comments, and script text as it is", () => {
    const page = '<!DOCTYPE HTML>\n<!-- saved from url=(0014)about:internet -->\n<html lang="uk"><head><title>t</title></head><body class="story"><script>if (a<b) s="</p>"</script><a title="x > y">link</a> a < b</body></html>';
    expect(normalizeMarkup(page)).toBe(
      skeleton('\n<!-- saved from url=(0014)about:internet -->\n<title>t</title>', '<script>if (a<b) s="</p>"</script><a title="x > y">link</a> a &lt; b', '<html lang="uk">', '<body class="story">'),
    );
  });

  it('drops the tags of elements nested deeper than MAX_DEPTH, never their text', () => {
    const n = MAX_DEPTH + 10;
    const out = normalizeMarkup(`${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}<p>after</p>`);
    expect(out).toBe(skeleton('', `${'<div>'.repeat(MAX_DEPTH)}deep${'</div>'.repeat(MAX_DEPTH)}<p>after</p>`));
  });

  // linkedom nests what it is not told to close: 20,000 <tr> took 9 s (found by the fuzz suite)
  it('closes an open p, li or tr at the next of its kind, within its list or table, and says so', () => {
    const lists = '<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>';
    const closed = '<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li><li>e</li></ul>';
    expect(normalizeMarkup(`${'<p>x'.repeat(1000)}${lists.repeat(40)}`)).toBe(skeleton('', `${'<p>x</p>'.repeat(999)}<p>x${closed.repeat(40)}</p>`));
    expect(normalizeMarkup('<table><tr><td>1<td>2<tr><td>3</table></b>')).toBe(skeleton('', '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>'));
  });

  it('is linear on hostile markup', () => {
    for (const unit of ['<b>', '<div>', '<a "', '<p', '<!--', '<script>', '<!x', '<a title="']) {
      const t0 = performance.now();
      normalizeMarkup(unit.repeat(300_000));
      expect(performance.now() - t0, unit).toBeLessThan(2000);
    }
  });
});
