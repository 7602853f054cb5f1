/**
 * The HTML report's page script (page/main.ts and its modules), bundled by esbuild into one
 * ES2019 script. The build writes dist/report/page.js (`npm run build:page`) and compiled code
 * reads that; run from the TypeScript sources (tests), the script is bundled here from the
 * sources, so a stale dist/ never ends up in a report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../core/paths.js';

export const PAGE_ENTRY = join(PACKAGE_ROOT, 'src', 'report', 'page', 'main.ts');
export const PAGE_BUNDLE = join(PACKAGE_ROOT, 'dist', 'report', 'page.js');
const COMPILED = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'dist'));

let cached: string | undefined;

export function pageScript(): string {
  cached ??= (COMPILED ? readFileSync(PAGE_BUNDLE, 'utf8') : bundleFromSources()).trim();
  return cached;
}

function bundleFromSources(): string {
  // esbuild is a development dependency: only the sources (tests, a checkout) come here
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({ entryPoints: [PAGE_ENTRY], bundle: true, format: 'iife', target: 'es2019', minify: true, write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}
