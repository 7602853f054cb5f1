/**
 * What ingest cuts as page chrome from a folder of articles (warnews): every cut with its file,
 * offsets in the file's text, reason and text, counted per reason; a seeded sample to read by hand.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sampleByFile } from '../core/sample.js';
import type { ChromeReason } from './chrome.js';
import { ingest } from './index.js';

export interface ChromeCut {
  file: string;
  start: number;
  end: number;
  reason: ChromeReason;
  text: string;
}

export interface ChromeAudit {
  articles: number;
  articlesWith: number;
  /** characters of the files, and of the cuts */
  chars: number;
  cutChars: number;
  byReason: Partial<Record<ChromeReason, number>>;
  cuts: ChromeCut[];
}

export async function auditChrome(dir: string): Promise<ChromeAudit> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const audit: ChromeAudit = { articles: files.length, articlesWith: 0, chars: 0, cutChars: 0, byReason: {}, cuts: [] };
  for (const file of files) {
    const [kept, read] = await Promise.all([ingest({ kind: 'file', path: join(dir, file) }), ingest({ kind: 'file', path: join(dir, file) }, { keepChrome: true })]);
    audit.chars += read.info.text.length;
    const removed = kept.info.removed ?? [];
    if (removed.length) audit.articlesWith++;
    for (const r of removed) {
      audit.byReason[r.reason] = (audit.byReason[r.reason] ?? 0) + 1;
      audit.cutChars += r.end - r.start;
      audit.cuts.push({ file, ...r });
    }
  }
  return audit;
}

/** `n` cuts drawn with the seed, in file order. */
export function sampleCuts(cuts: readonly ChromeCut[], n: number, seed: number): ChromeCut[] {
  return sampleByFile(cuts, n, seed);
}

export function formatChromeAudit(a: ChromeAudit): string {
  const reasons = Object.entries(a.byReason).sort((x, y) => y[1] - x[1]).map(([k, v]) => `  ${k}: ${v}`);
  return [
    `${a.articles} articles: ${a.cuts.length} lines of page chrome cut in ${a.articlesWith} of them, ${a.cutChars} of ${a.chars} characters (${((100 * a.cutChars) / Math.max(1, a.chars)).toFixed(2)}%)`,
    ...reasons,
  ].join('\n');
}
