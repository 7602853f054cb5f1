/**
 * The story page in a real browser (Debian's chromium through playwright-core), at 1400x900: the
 * origin and the rewrite side by side, the changes marked, a hostile article inert, the claims
 * followed as a timeline, and no request of any kind. Skipped, with the reason printed, without
 * /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimIndex, claimUnits } from './claims.js';
import { renderStoryHtml } from './html.js';
import { WIRE_STORY, origin, rewrite, storiesFor } from './testing.js';
import { analyze } from '../analyze.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`[skip] story page in a browser: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.skipIf(!present)('story page in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspin-story-'));
  const file = join(dir, 'story.html');
  const requests: string[] = [];
  const problems: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const hostile = `${WIRE_STORY.replace('3 civilians', '30 civilians')}\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const versions = [origin(), rewrite(hostile)];
    const { stories } = await storiesFor(versions);
    const texts = new Map(versions.map((v, i) => [`a${i}`, v.text]));
    const claims = new ClaimIndex();
    const refs = [stories[0]!.origin, stories[0]!.members[0]!.article];
    for (const [i, v] of versions.entries()) claims.add(claimUnits(i, await analyze({ kind: 'text', text: v.text }, { published: v.publishedAt })));
    writeFileSync(file, renderStoryHtml({ story: stories[0]!, texts, claims: claims.claims(refs) }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`file://${file}`);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows origin and rewrite side by side, with the changed figure marked in both', async () => {
    const heads = await page.locator('table.aligned th[scope=col]').allTextContents();
    expect(heads).toEqual(['Origin: Northgate Wire, 2025-03-04', 'Rewrite: Eastern Courier, 2025-03-05']);
    const marks = await page.locator('table.aligned mark.number-changed').allTextContents();
    expect(marks).toEqual(['3', '30']);
    const [left, right] = await Promise.all([0, 1].map((i) => page.locator('table.aligned th[scope=col]').nth(i).boundingBox()));
    expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x + 1);
    expect(left!.y).toBe(right!.y);
  });

  it('follows a claim from outlet to outlet', async () => {
    const steps = await page.locator('section.claims ol.travel li b').allTextContents();
    expect(steps.slice(0, 2)).toEqual(['Northgate Wire, 2025-03-04', 'Eastern Courier, 2025-03-05']);
  });

  it('shows a hostile article as text, runs none of it, and requests nothing', async () => {
    expect(await page.locator('table.aligned').textContent()).toContain('<script>alert(2)</script>');
    expect(problems).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
  });
});
