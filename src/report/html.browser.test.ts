/**
 * The HTML report in a real browser (Debian's chromium through playwright-core): a hostile
 * article renders as inert text, every layer is highlighted and can be toggled, clicks explain,
 * and the page makes no request at all. Skipped, with the reason printed, without /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, fixtureAnalysis } from '../testing/report-fixtures.js';
import { renderHtml } from './html.js';
import { TECHNIQUE_DOCS } from './technique-docs.js';

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
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
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

  it('highlights every layer', async () => {
    for (const layer of ['ent', 'attr', 'time', 'tech', 'find']) {
      expect(await page.locator(`#text .m-${layer}`).count(), layer).toBeGreaterThan(0);
    }
    // overlap: the labelled word sits inside a quoted claim and a second technique
    const monsters = page.locator('#text .t-9').filter({ hasText: 'monsters' }).first();
    expect(await monsters.getAttribute('class')).toMatch(/a-content.*t-8|t-8.*a-content/);
    // hovering tells every span over a segment, events included
    const shelling = await page.locator('#text .seg').filter({ hasText: /^shelling hit the city\s*$/ }).getAttribute('title');
    expect(shelling?.split('\n').sort()).toEqual(['content of a claim by Oleh <img src=x onerror="window.__pwned=1">Petrenko [named-person]', 'event: shelling (2025-12-13)']);
  });

  it('hides and shows each layer with its toggle', async () => {
    // each layer draws with a CSS property of its own, so overlapping layers combine
    const drawnBy: Record<string, string> = {
      ent: 'font-weight', attr: 'background-color', time: 'outline-style', tech: 'border-bottom-style', find: 'text-decoration-line',
    };
    for (const [layer, property] of Object.entries(drawnBy)) {
      const style = () => page.locator(`#text .m-${layer}`).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
      const shown = await style();
      await page.uncheck(`input[data-layer=${layer}]`);
      const hidden = await style();
      await page.check(`input[data-layer=${layer}]`);
      expect(hidden, layer).not.toBe(shown);
      expect(await style(), layer).toBe(shown);
    }
  });

  it('explains a technique span on click: its doc and its cues', async () => {
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
    expect(await page.locator('#map path').count()).toBeGreaterThan(50); // country borders
  });

  it('made no request but for the page itself and met no error', () => {
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
  });
});
