/**
 * The HTML report in a real browser (Debian's chromium through playwright-core), at 1400x900: a
 * hostile article renders as inert text, one layer is highlighted at a time and each can be shown,
 * clicks and the keyboard explain, the map is in the first screen with labelled places and regions,
 * text contrast passes WCAG AA, and the page makes no request at all. Skipped, with the reason
 * printed, without /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, fixtureAnalysis } from '../testing/report-fixtures.js';
import { renderHtml } from './html.js';
import { TECHNIQUE_DOCS } from '../techniques/docs.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`[skip] HTML report in a browser: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!present)('HTML report in a browser', () => {
  const analysis = fixtureAnalysis({ hostile: true });
  const dir = mkdtempSync(join(tmpdir(), 'unspin-html-'));
  const file = join(dir, 'report.html');
  const pageUrl = `file://${file}`;
  const requests: string[] = [];
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    writeFileSync(file, renderHtml(analysis));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    // a CSP violation (an inline handler or script trying to run) is reported on the console
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    await page.goto(pageUrl);
    await page.waitForSelector('#text');
  });

  afterAll(async () => {
    await page?.screenshot({ path: join(tmpdir(), 'unspin-report.png'), fullPage: true });
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the hostile article as text and runs none of it', async () => {
    expect(await page.textContent('#text')).toBe(analysis.document.text);
    // no element from the payloads: no image, script or frame; no link but Leaflet's own zoom buttons
    // (href="#"); no inline event handler anywhere
    const unsafe = await page.evaluate(() =>
      [...document.querySelectorAll('#app *')]
        .filter((el) => ['IMG', 'SCRIPT', 'IFRAME'].includes(el.tagName) ||
          (el.hasAttribute('href') && el.getAttribute('href') !== '#') ||
          [...el.attributes].some((attr) => attr.name.startsWith('on')))
        .map((el) => el.outerHTML.slice(0, 80)));
    expect(unsafe).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.title()).toBe(`${analysis.document.title} · unspin`);
    expect(await page.textContent('h1')).toBe(analysis.document.title);
    for (const payload of Object.values(PAYLOADS)) expect(await page.textContent('#text')).toContain(payload);
  });

  it('shows the map, the detail card and the timeline in the first screen, warnings above them', async () => {
    const box = (await page.locator('#map').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.width).toBeGreaterThan(300);
    const timeline = (await page.locator('#timeline').boundingBox())!;
    expect(timeline.y).toBeLessThan(900);
    // the warnings sit in the header, above the article
    const notice = (await page.locator('header .notice').first().boundingBox())!;
    expect(notice.y).toBeLessThan((await page.locator('#text').boundingBox())!.y);
    expect(await page.textContent('header')).toContain('no byline found');
    expect(await page.textContent('header')).toContain('Not run, the time budget was spent: events-deep');
  });

  it('labels the places on the map, fits the view to them and draws the regions', async () => {
    const labels = await page.locator('#map .leaflet-tooltip.place').allTextContents();
    expect(labels.sort()).toEqual(['Izium', 'Kharkiv']);
    // both places inside the map, not squeezed into a corner of a world view
    const box = (await page.locator('#map').boundingBox())!;
    const markers = await page.locator('#map path.leaflet-interactive').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const m of markers) {
      expect(m.x).toBeGreaterThan(box.x);
      expect(m.x + m.width).toBeLessThan(box.x + box.width);
    }
    expect(Math.abs(markers[0]!.x - markers[1]!.x) + Math.abs(markers[0]!.y - markers[1]!.y)).toBeGreaterThan(40);
    // region outlines of Ukraine, dashed, on top of the country borders
    expect(await page.locator('#map path[stroke-dasharray="2 3"]').count()).toBeGreaterThan(20);
  });

  it('highlights one layer at a time, all of them on demand', async () => {
    const highlighted = (layer: string) => page.locator(`#text.on-${layer} .m-${layer}`).count();
    expect(await highlighted('attr')).toBeGreaterThan(0);
    expect(await highlighted('ent')).toBe(0);
    await page.check('input[data-layer=all]');
    for (const layer of ['ent', 'attr', 'time', 'tech', 'find']) expect(await highlighted(layer), layer).toBeGreaterThan(0);
    // overlap: the labelled word sits inside a quoted claim and a second technique
    const monsters = page.locator('#text .t-9').filter({ hasText: 'monsters' }).first();
    expect(await monsters.getAttribute('class')).toMatch(/a-content.*t-8|t-8.*a-content/);
    // hovering tells every span over a segment, events included
    const shelling = await page.locator('#text .seg').filter({ hasText: /^shelling hit the city\s*$/ }).getAttribute('title');
    expect(shelling?.split('\n').sort()).toEqual(['content of a claim by Oleh <img src=x onerror="window.__pwned=1">Petrenko [named-person]', 'event: shelling (2025-12-13)']);
    await page.check('input[data-layer=attr]');
  });

  it('draws each layer with a property of its own, on when chosen and off otherwise', async () => {
    const drawnBy: Record<string, string> = {
      ent: 'font-weight', attr: 'background-color', time: 'outline-style', tech: 'border-bottom-style', find: 'text-decoration-line',
    };
    for (const [layer, property] of Object.entries(drawnBy)) {
      const style = () => page.locator(`#text .m-${layer}`).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
      await page.check(`input[data-layer=${layer}]`);
      const shown = await style();
      await page.check(`input[data-layer=${layer === 'ent' ? 'time' : 'ent'}]`);
      expect(await style(), layer).not.toBe(shown);
    }
    await page.check('input[data-layer=attr]');
  });

  it('reaches a highlighted span with Tab and opens it with Enter, with a visible focus', async () => {
    await page.locator('input[data-layer=attr]').focus();
    let focused = '';
    for (let i = 0; i < 60 && !focused.includes('seg'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(focused).toContain('seg');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#details')).toContain('claim');
  });

  it('keeps the detail card inside the sidebar, never over it', async () => {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('#text .a-content').first().click();
    const card = (await page.locator('#details').boundingBox())!;
    for (const id of ['#map', '#timeline', '#sources']) {
      const other = (await page.locator(id).boundingBox())!;
      const overlap = card.y < other.y + other.height && other.y < card.y + card.height;
      expect(overlap, id).toBe(false);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('passes WCAG AA contrast for the text of the page', async () => {
    const failures = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || c[3]! > 0.5) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      for (const el of document.querySelectorAll('#app *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
        if (!own || (el as HTMLElement).offsetParent === null || el.closest('.leaflet-pane')) continue;
        const style = getComputedStyle(el);
        const fg = lum(rgb(style.color));
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < 4.5) out.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent!.slice(0, 30)}"`);
      }
      return out;
    });
    expect(failures).toEqual([]);
  });

  it('shows a finding\'s evidence as words, not JSON', async () => {
    await page.locator('#findings li').first().click();
    const details = (await page.textContent('#details')) ?? '';
    expect(details).not.toMatch(/[{}\[\]]|\[object/);
  });

  it('names the regions of candidates instead of admin codes', async () => {
    await page.locator('#entities li').filter({ hasText: 'Izium' }).click();
    const details = (await page.textContent('#details')) ?? '';
    expect(details).toContain('Izium, Kharkiv, Ukraine');
    expect(details).toContain('Izyum, Russia');
  });

  it('explains a technique span on click: its doc and its cues', async () => {
    await page.check('input[data-layer=tech]');
    await page.locator('#text .t-9').first().click();
    const details = (await page.textContent('#details')) ?? '';
    expect(details).toContain(TECHNIQUE_DOCS['Name_Calling,Labeling']!.definition);
    expect(details).toContain('dehumanising noun for a group');
    expect(details).toContain('0.86');
  });

  it('highlights the claims of a source when it is clicked', async () => {
    await page.locator('#sources li').filter({ hasText: 'A source in the security services' }).click();
    const selected = await page.locator('#text .sel').allTextContents();
    const claim = analysis.attributions.find((x) => x.source?.kind === 'anonymous')!.content;
    expect(selected.join('')).toBe(analysis.document.text.slice(claim.start, claim.end));
    expect(await page.textContent('#details')).toContain('anonymous');
  });

  it('draws the places on the offline map, low confidence differently', async () => {
    const markers = page.locator('#map path.leaflet-interactive');
    expect(await markers.count()).toBe(2);
    const dashes = await markers.evaluateAll((els) => els.map((el) => el.getAttribute('stroke-dasharray')));
    expect(dashes.filter(Boolean)).toHaveLength(1);
    expect(await page.locator('#map path').count()).toBeGreaterThan(50); // country borders and regions
  });

  it('made no request but for the page itself and met no error', () => {
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
  });
});
