import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, normalizeMarkup } from './markup.js';

const skeleton = (head: string, body: string, html = '<html>', bodyTag = '<body>') => `<!DOCTYPE html>${html}<head>${head}</head>${bodyTag}${body}</body></html>`;

describe('normalizeMarkup', () => {
  it('gives fragments and text before any tag a head and a body', () => {
    expect(normalizeMarkup('<p>One</p><p>Two')).toBe(skeleton('', '<p>One</p><p>Two'));
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

  it('closes an open p, li or td at the next of its kind, within its list or table', () => {
    const lists = '<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>'.repeat(40);
    expect(normalizeMarkup(`${'<p>x'.repeat(1000)}${lists}`)).toBe(skeleton('', `${'<p>x'.repeat(1000)}${lists}`));
  });

  it('is linear on hostile markup', () => {
    for (const unit of ['<b>', '<div>', '<a "', '<p', '<!--', '<script>', '<!x', '<a title="']) {
      const t0 = performance.now();
      normalizeMarkup(unit.repeat(300_000));
      expect(performance.now() - t0, unit).toBeLessThan(2000);
    }
  });
});
