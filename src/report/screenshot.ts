/**
 * `npm run screenshot`: the README's picture of the HTML report, made from an example article
 * (examples/wire-report.txt, published 2025-11-20) in Debian's Chromium at 1400x900, the first
 * screen as a reader sees it. Writes examples/report.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { analyze } from '../analyze.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import { renderHtml } from './html.js';

const out = join(PACKAGE_ROOT, 'examples', 'report.png');

// a path relative to the checkout, as a user would type it (the report shows it as the title)
process.chdir(PACKAGE_ROOT);
const analysis = await analyze({ kind: 'file', path: 'examples/wire-report.txt' }, { published: '2025-11-20' });
const dir = mkdtempSync(join(tmpdir(), 'unspin-shot-'));
const file = join(dir, 'report.html');
writeFileSync(file, renderHtml(analysis));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`file://${file}`);
  await page.waitForSelector('#text');
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
