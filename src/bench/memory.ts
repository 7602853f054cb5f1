/**
 * `npm run bench:memory`: the peak resident memory of `unspin analyze` on one large real text, the
 * warnews articles (../shared/data/warnews) strung together up to the default size limit (5 MB),
 * analysed whole (a budget no load reaches, so that every analyzer runs). The target (issue 18):
 * under 1 GB. The peak is the process's (every thread: main, analysis worker, segmenting thread),
 * read from `process.resourceUsage().maxRSS` as the CLI exits. A benchmark, not a test: it prints
 * the figure and the load average it was measured at, and never runs in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, hasShared, sharedPath } from '../core/paths.js';
import { DEFAULT_MAX_BYTES } from '../ingest/limits.js';

const TARGET_MB = 1024;
const bytes = Number(process.argv[2] ?? DEFAULT_MAX_BYTES - 64 * 1024);

if (!hasShared('data', 'warnews', 'articles')) {
  console.log('bench:memory needs ../shared/data/warnews (the corpus is not in the repo): skipped');
  process.exit(0);
}

// Articles in name order, again from the first when the corpus runs out, up to `bytes`.
const dir = sharedPath('data', 'warnews', 'articles');
const names = readdirSync(dir).sort();
const parts: string[] = [];
let size = 0;
for (let i = 0; size < bytes; i++) {
  const article = `${readFileSync(join(dir, names[i % names.length]!), 'utf8')}\n\n`;
  const n = Buffer.byteLength(article);
  if (size + n > bytes) break;
  parts.push(article);
  size += n;
}
const tmp = mkdtempSync(join(tmpdir(), 'unspin-memory-'));
const file = join(tmp, 'warnews.txt');
writeFileSync(file, parts.join(''));

// The CLI's own peak, printed to stderr as it exits (an --import hook: the CLI itself is unchanged).
const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))`;
// Once with --json (the report on stdout) and once with --html (the page written to a file).
const outputs: [string, string[]][] = [
  ['--json', ['--json']],
  ['--html', ['--html', join(tmp, 'report.html')]],
];
let failed = false;
for (const [name, flags] of outputs) {
  const load = loadavg()[0]!.toFixed(1);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', hook, join(PACKAGE_ROOT, 'dist', 'cli', 'bin.js'), 'analyze', file, ...flags, '--budget', '3600000'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /maxRSS (\d+)/.exec(run.stderr ?? '');
  if (!peak) {
    console.log(`bench:memory ${name}: the CLI failed (exit ${run.status}): ${(run.stderr ?? '').trim()}`);
    failed = true;
    continue;
  }
  const mb = Number(peak[1]) / 1024;
  console.log(
    `peak RSS of unspin analyze ${name} on ${(size / 1e6).toFixed(2)} MB of warnews text (${parts.length} articles): ${Math.round(mb)} MB ` +
      `(target under ${TARGET_MB} MB: ${mb < TARGET_MB ? 'met' : 'NOT met'}); ${seconds.toFixed(0)} s, load average ${load} at the start`,
  );
}
rmSync(tmp, { recursive: true, force: true });
if (failed) process.exit(1);
