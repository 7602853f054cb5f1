/**
 * The place findings over a folder of real articles (warnews), for their false-alarm rate: every
 * firing of place-out-of-region and toponym-variants with its article, message and the text it
 * points to, read by hand. The publication date is the file name's (warnews: YYYYMMDDT...).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analyze.js';

export const PLACE_RULES = ['place-out-of-region', 'toponym-variants'] as const;

export interface PlaceFiring {
  file: string;
  rule: string;
  message: string;
  /** the first span's text and offsets */
  quote: string;
  start: number;
  end: number;
}

export interface PlaceAudit {
  articles: number;
  /** articles with at least one firing, per rule */
  articlesWith: Record<string, number>;
  firings: PlaceFiring[];
}

const dateOf = (file: string) => /^(\d{4})(\d{2})(\d{2})T/.exec(file)?.slice(1, 4).join('-');

export async function auditPlaceFindings(dir: string, onArticle?: (done: number, total: number) => void): Promise<PlaceAudit> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const firings: PlaceFiring[] = [];
  const articlesWith: Record<string, number> = Object.fromEntries(PLACE_RULES.map((r) => [r, 0]));
  for (const [i, file] of files.entries()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const published = dateOf(file);
    const analysis = await analyze({ kind: 'text', text, path: file }, published ? { published } : {});
    const fired = new Set<string>();
    for (const f of analysis.findings) {
      if (!(PLACE_RULES as readonly string[]).includes(f.rule)) continue;
      fired.add(f.rule);
      const span = f.spans[0];
      firings.push({
        file,
        rule: f.rule,
        message: f.message,
        quote: span ? analysis.document.text.slice(span.start, span.end) : '',
        start: span?.start ?? -1,
        end: span?.end ?? -1,
      });
    }
    for (const r of fired) articlesWith[r]!++;
    onArticle?.(i + 1, files.length);
  }
  return { articles: files.length, articlesWith, firings };
}

export function formatPlaceAudit(a: PlaceAudit): string {
  const lines = PLACE_RULES.map(
    (r) => `${r}: ${a.firings.filter((f) => f.rule === r).length} firings in ${a.articlesWith[r]} of ${a.articles} articles (${((100 * a.articlesWith[r]!) / Math.max(1, a.articles)).toFixed(1)}%)`,
  );
  for (const f of a.firings) lines.push(`${f.rule}\t${f.file}\t${f.start}-${f.end}\t${f.quote}\t${f.message}`);
  return lines.join('\n');
}
