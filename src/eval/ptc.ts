/**
 * The Propaganda Techniques Corpus (SemEval-2020 Task 11) on disk, and its official scores.
 *
 * PTC offsets count Unicode code points of the article file as Python reads it (a BOM included),
 * while our spans count UTF-16 units: `CodePointMap` converts between the two (they differ only
 * in the few articles with astral characters such as emoji).
 *
 * The scorers follow the organisers' scripts (task-SI_scorer.py, task-FLC_scorer.py,
 * task-TC_scorer.py): a span is the set of its character positions; overlapping spans (sharing at
 * least one character: touching spans stay apart) are merged per article for SI, and per article
 * and technique for FLC, on both sides; P sums |s∩t|/|s| over every predicted/gold pair and divides
 * by the number of predicted spans, R sums |s∩t|/|t| and divides by the number of gold spans of
 * all gold articles, F1 is 0 unless both are positive, and 1 when there is nothing to find nor
 * found. TC is micro-F1 over the given spans, where a span listed twice with two techniques takes
 * the best alignment of the predicted labels with the gold ones.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';

/** One line of a PTC label file. Offsets in code points, end exclusive. */
export interface PtcSpan {
  article: string;
  /** a technique name, '?' in a TC template, or 'propaganda' for SI files (3 columns) */
  technique: string;
  start: number;
  end: number;
}

export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
  /** predicted spans after merging (|S|) */
  predicted: number;
  /** gold spans after merging (|T|) */
  gold: number;
}

const ARTICLE_ID = /^article(\d+)/;

/** Articles of a folder (`article<ID>.txt`), read exactly (BOM and \r kept), by id. */
export function readPtcArticles(dir: string): Map<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`no such folder: ${dir}`);
  const articles = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    const id = ARTICLE_ID.exec(name)?.[1];
    if (id && name.endsWith('.txt')) articles.set(id, readFileSync(join(dir, name), 'utf8'));
  }
  if (articles.size === 0) throw new UserError(`no article<ID>.txt files in ${dir}`);
  return articles;
}

/** Parses label lines: `id TAB technique TAB start TAB end`, or `id TAB start TAB end` for SI. */
export function parsePtcLabels(content: string, where = 'labels'): PtcSpan[] {
  const spans: PtcSpan[] = [];
  content.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const cols = line.split('\t');
    if (cols.length !== 3 && cols.length !== 4) throw new UserError(`${where}:${i + 1}: expected 3 or 4 TAB-separated columns`);
    const [article, technique, s, e] = cols.length === 4 ? cols : [cols[0], 'propaganda', cols[1], cols[2]];
    const start = Number(s);
    const end = Number(e);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      throw new UserError(`${where}:${i + 1}: bad span ${s}-${e}`);
    }
    spans.push({ article: article!, technique: technique!, start, end });
  });
  return spans;
}

/**
 * Gold or predicted labels from one file or a folder of `article<ID>...labels` files. Also returns
 * the articles the source covers: in a folder, an empty label file still names a gold article.
 */
export function readPtcLabels(path: string): { spans: PtcSpan[]; articles: Set<string> } {
  if (!existsSync(path)) throw new UserError(`no such file or folder: ${path}`);
  if (statSync(path).isDirectory()) {
    const spans: PtcSpan[] = [];
    const articles = new Set<string>();
    for (const name of readdirSync(path).sort()) {
      const id = ARTICLE_ID.exec(name)?.[1];
      if (!id || !/labels(\.tsv|\.txt)?$/.test(name)) continue;
      articles.add(id);
      spans.push(...parsePtcLabels(readFileSync(join(path, name), 'utf8'), name));
    }
    if (articles.size === 0) throw new UserError(`no article<ID>...labels files in ${path}`);
    return { spans, articles };
  }
  const spans = parsePtcLabels(readFileSync(path, 'utf8'), basename(path));
  return { spans, articles: new Set(spans.map((s) => s.article)) };
}

export function formatPtcLabels(spans: readonly PtcSpan[]): string {
  return spans.map((s) => `${s.article}\t${s.technique}\t${s.start}\t${s.end}\n`).join('');
}

/** Converts between UTF-16 offsets (ours) and code point offsets (PTC's) of one text. */
export class CodePointMap {
  /** utf16 -> code point offset, or null when the text has no astral character */
  private readonly toCp: Int32Array | null;
  private readonly toU16: Int32Array | null;

  constructor(text: string) {
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.toCp = this.toU16 = null;
      return;
    }
    const toCp = new Int32Array(text.length + 1);
    const toU16: number[] = [];
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      toCp[i] = cp;
      const c = text.charCodeAt(i);
      // the low half of a pair maps to the same code point as its high half
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
      toU16.push(i);
      cp++;
    }
    toCp[text.length] = cp;
    toU16.push(text.length);
    this.toCp = toCp;
    this.toU16 = Int32Array.from(toU16);
  }

  codePoint(utf16: number): number {
    return this.toCp ? this.toCp[utf16]! : utf16;
  }

  utf16(codePoint: number): number {
    return this.toU16 ? this.toU16[Math.min(codePoint, this.toU16.length - 1)]! : codePoint;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

interface Interval {
  start: number;
  end: number;
}

/** Merges spans that share at least one character (as the official merge_spans does). */
export function mergeOverlapping(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Groups spans by a key (article, or article + technique), merged within each group. */
function mergedGroups(spans: readonly PtcSpan[], key: (s: PtcSpan) => string): Map<string, Interval[]> {
  const groups = new Map<string, Interval[]>();
  for (const s of spans) {
    const k = key(s);
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  for (const [k, list] of groups) groups.set(k, mergeOverlapping(list));
  return groups;
}

function checkArticles(predicted: readonly PtcSpan[], goldArticles: ReadonlySet<string>): void {
  const unknown = [...new Set(predicted.map((s) => s.article))].filter((a) => !goldArticles.has(a));
  if (unknown.length > 0) throw new UserError(`predictions for articles not in the gold data: ${unknown.slice(0, 5).join(', ')}`);
}

function prf(predicted: readonly PtcSpan[], gold: readonly PtcSpan[], key: (s: PtcSpan) => string): PrfScore {
  const pred = mergedGroups(predicted, key);
  const ref = mergedGroups(gold, key);
  let S = 0;
  let T = 0;
  let precSum = 0;
  let recSum = 0;
  for (const list of ref.values()) T += list.length;
  for (const [k, ss] of pred) {
    S += ss.length;
    const ts = ref.get(k) ?? [];
    for (const s of ss) {
      for (const t of ts) {
        const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start);
        if (inter <= 0) continue;
        precSum += inter / (s.end - s.start);
        recSum += inter / (t.end - t.start);
      }
    }
  }
  const precision = S > 0 ? precSum / S : 0;
  const recall = T > 0 ? recSum / T : 0;
  let f1 = S === 0 && T === 0 ? 1 : 0;
  if (precision > 0 && recall > 0) f1 = (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted: S, gold: T };
}

/** SI: spans without labels. `goldArticles` lists the gold articles (for the error on strays). */
export function scoreSI(predicted: readonly PtcSpan[], gold: readonly PtcSpan[], goldArticles?: ReadonlySet<string>): PrfScore {
  checkArticles(predicted, goldArticles ?? new Set(gold.map((s) => s.article)));
  return prf(predicted, gold, (s) => s.article);
}

/** FLC: spans with labels; overlaps are merged within a technique, pairs count only with equal techniques. */
export function scoreFLC(predicted: readonly PtcSpan[], gold: readonly PtcSpan[], goldArticles?: ReadonlySet<string>): PrfScore {
  checkArticles(predicted, goldArticles ?? new Set(gold.map((s) => s.article)));
  return prf(predicted, gold, (s) => `${s.article}\t${s.technique}`);
}

export interface TcScore {
  /** micro P = R = F1 when every gold span has one prediction */
  f1: number;
  correct: number;
  total: number;
}

/**
 * TC: the predictions must cover exactly the gold spans (a span listed k times in the gold has k
 * predictions). Within a span, labels are aligned to maximise matches, as the official scorer does.
 */
export function scoreTC(predicted: readonly PtcSpan[], gold: readonly PtcSpan[]): TcScore {
  const key = (s: PtcSpan) => `${s.article}\t${s.start}\t${s.end}`;
  const labels = (spans: readonly PtcSpan[]) => {
    const m = new Map<string, string[]>();
    for (const s of spans) {
      const list = m.get(key(s));
      if (list) list.push(s.technique);
      else m.set(key(s), [s.technique]);
    }
    return m;
  };
  const pred = labels(predicted);
  const ref = labels(gold);
  if (predicted.length !== gold.length) throw new UserError(`TC: ${predicted.length} predictions for ${gold.length} gold spans`);
  let correct = 0;
  for (const [k, goldLabels] of ref) {
    const guesses = pred.get(k);
    if (!guesses || guesses.length !== goldLabels.length) throw new UserError(`TC: the predictions do not list the gold span ${k.replace(/\t/g, ' ')} as often as the gold does`);
    const left = [...goldLabels];
    for (const g of guesses) {
      const at = left.indexOf(g);
      if (at >= 0) {
        correct++;
        left.splice(at, 1);
      }
    }
  }
  return { f1: gold.length > 0 ? correct / gold.length : 1, correct, total: gold.length };
}
