/**
 * The unattributed-claim rule over a folder of real articles (warnews), for its firing rate and a
 * sample to judge by hand: every sentence's verdict, the factual sentences counted as the rule
 * counts them (isFactualSentence), and each firing with its article and the offsets of its claim
 * in the file's text (page chrome cut by ingest put back). The publication date is the file name's (warnews: YYYYMMDDT...).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { defaultAnalyzers } from '../analyzers.js';
import { findAnchor } from '../times/anchor.js';
import { inputOffset } from '../ingest/chrome.js';
import { sampleByFile } from '../core/sample.js';
import type { Analysis } from '../core/schema.js';
import type { FindingContext } from './context.js';
import { sentenceVerdicts, unattributedClaim, type Verdict } from './rules/unattributed-claim.js';

export interface UnattributedFiring {
  file: string;
  /** the claim (or the passive's content) as offsets of the file's text, and its text */
  start: number;
  end: number;
  claim: string;
  severity: string;
  message: string;
}

export interface UnattributedAudit {
  articles: number;
  sentences: number;
  /** sentences that assert something (isFactualSentence) */
  factual: number;
  /** factual sentences that tell an event as done, whoever sources them */
  eventClaims: number;
  verdicts: Partial<Record<Verdict, number>>;
  firings: UnattributedFiring[];
  /** articles with at least one firing */
  articlesWith: number;
}

/** The layers the rule reads; the technique layers are left out (the rule does not read them). */
const ANALYZERS = defaultAnalyzers.filter((a) => !a.name.startsWith('technique'));

const dateOf = (file: string) => /^(\d{4})(\d{2})(\d{2})T/.exec(file)?.slice(1, 4).join('-');

/** The rule's context from a report (as the findings analyzer builds it). */
export function contextOf(analysis: Analysis): FindingContext {
  const { text, publishedAt } = analysis.document;
  const places: Record<string, NonNullable<Analysis['entities'][number]['place']>> = {};
  for (const e of analysis.entities) if (e.place) places[e.id] = e.place;
  return {
    text,
    publishedAt,
    anchor: findAnchor(publishedAt, text),
    sentences: analysis.sentences,
    entities: analysis.entities,
    places,
    times: analysis.times,
    attributions: analysis.attributions,
    events: analysis.events,
  };
}


export async function auditUnattributed(dir: string, options: { files?: readonly string[]; onArticle?: (done: number, total: number) => void } = {}): Promise<UnattributedAudit> {
  const files = options.files ?? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const audit: UnattributedAudit = { articles: files.length, sentences: 0, factual: 0, eventClaims: 0, verdicts: {}, firings: [], articlesWith: 0 };
  for (const [i, file] of files.entries()) {
    const input = readFileSync(join(dir, file), 'utf8');
    const published = dateOf(file);
    const analysis = await analyze({ kind: 'text', text: input, path: file }, { analyzers: ANALYZERS, ...(published ? { published } : {}) });
    const ctx = contextOf(analysis);
    for (const v of sentenceVerdicts(ctx, analysis.attributions)) {
      audit.sentences++;
      audit.verdicts[v.verdict] = (audit.verdicts[v.verdict] ?? 0) + 1;
      if (v.verdict === 'not-factual') continue;
      audit.factual++;
      if (v.events.length > 0) audit.eventClaims++;
    }
    const firings = analysis.findings.filter((f) => f.rule === unattributedClaim.id);
    if (firings.length) audit.articlesWith++;
    for (const f of firings) {
      const span = f.spans[f.spans.length - 1]!;
      // offsets of the file: the page chrome cut before analysis is put back
      const removed = analysis.document.removed ?? [];
      const start = inputOffset(removed, span.start);
      const end = inputOffset(removed, span.end, true);
      audit.firings.push({ file, start, end, claim: ctx.text.slice(span.start, span.end), severity: f.severity, message: f.message });
    }
    options.onArticle?.(i + 1, files.length);
  }
  return audit;
}

/** `n` firings drawn with the seed, spread over the articles (at most `perArticle` from one), in file order. */
export function sampleFirings(firings: readonly UnattributedFiring[], n: number, seed: number, perArticle = 3): UnattributedFiring[] {
  return sampleByFile(firings, n, seed, perArticle);
}

export function formatUnattributedAudit(a: UnattributedAudit): string {
  const pct = (x: number, of: number) => (of ? ((100 * x) / of).toFixed(2) : '0.00');
  const verdicts = Object.entries(a.verdicts).sort((x, y) => y[1] - x[1]).map(([k, v]) => `  ${k}: ${v}`);
  return [
    `${a.articles} articles, ${a.sentences} sentences, ${a.factual} factual (isFactualSentence), ${a.eventClaims} of them telling an event as done`,
    `unattributed-claim: ${a.firings.length} firings on ${a.articlesWith} articles = ${pct(a.firings.length, a.factual)}% of factual sentences, ${pct(a.firings.length, a.eventClaims)}% of event claims`,
    'verdicts per sentence:',
    ...verdicts,
  ].join('\n');
}
