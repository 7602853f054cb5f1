/**
 * TimeML documents (TimeBank, AQUAINT: the TempEval-3 training data) and the TempEval-3 Task A
 * scores for temporal expressions, as the official toolkit (TE3-evaluation.py,
 * evaluate_entities.py) computes them:
 * - a system TIMEX3 and a gold one *match relaxed* when their extents overlap (the toolkit's
 *   normaliser gives overlapping entities one id), one to one; *strict* when the extents are equal;
 * - P = matches / system expressions, R = matches / gold expressions, F1 their harmonic mean;
 * - type and value are judged on the relaxed matches only: accuracy = correct / relaxed matches,
 *   and the attribute F1 the toolkit prints ("value F1") = accuracy x relaxed F1.
 * Per type, recall counts gold expressions of that type and precision system ones of that type.
 */

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export const TIMEX_TYPES: readonly TimexType[] = ['DATE', 'TIME', 'DURATION', 'SET'];

export interface Timex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimemlDocument {
  id: string;
  /** the creation date (DCT) as YYYY-MM-DD, the publication date of the story */
  dct: string | null;
  /** the content of <TEXT> with every tag removed and entities decoded */
  text: string;
  timexes: Timex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';

/** Reads one .tml file: the text inside <TEXT> without tags, gold TIMEX3 spans in it, the DCT. */
export function readTimeml(id: string, xml: string): TimemlDocument {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1];
  const dctValue = dctTag ? /^(\d{4})-?(\d{2})-?(\d{2})/.exec(attribute(dctTag, 'value')) : null;
  const dct = dctValue ? `${dctValue[1]}-${dctValue[2]}-${dctValue[3]}` : null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  if (open < 0 || close < open) throw new Error(`${id}: no <TEXT> element`);
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const timexes: Timex[] = [];
  let current: { start: number; type: string; value: string } | null = null;
  const piece = /<(\/?)([A-Za-z0-9]+)([^>]*)>|[^<]+/g;
  for (let m = piece.exec(body); m; m = piece.exec(body)) {
    if (m[2] === undefined) {
      text += decode(m[0]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '') current = { start: text.length, type: attribute(m[3]!, 'type'), value: attribute(m[3]!, 'value') };
    else if (current) {
      // the toolkit skips expressions with no text
      if (text.slice(current.start).trim()) timexes.push({ ...current, end: text.length });
      current = null;
    }
  }
  return { id, dct, text, timexes };
}

export interface Counts {
  gold: number;
  system: number;
  /** gold expressions matched (the recall side), strictly and relaxed */
  goldStrict: number;
  goldRelaxed: number;
  /** system expressions matched (the precision side); per type these differ from the gold side */
  systemStrict: number;
  systemRelaxed: number;
  /** relaxed matches with the gold value / type, counted under the gold type */
  value: number;
  type: number;
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  relaxed: { precision: number; recall: number; f1: number };
  value: { accuracy: number; f1: number };
  type: { accuracy: number; f1: number };
  counts: Counts;
}

export interface TimexScores {
  overall: Scores;
  byType: Record<string, Scores>;
}

interface Pair {
  gold: Timex;
  system: Timex;
}

/** One-to-one relaxed matches: each gold expression takes the first unmatched overlapping system one. */
export function matchTimexes(gold: readonly Timex[], system: readonly Timex[]): Pair[] {
  const sorted = [...system].sort((a, b) => a.start - b.start);
  const used = new Set<Timex>();
  const pairs: Pair[] = [];
  for (const g of [...gold].sort((a, b) => a.start - b.start)) {
    const s = sorted.find((x) => !used.has(x) && x.start < g.end && g.start < x.end);
    if (!s) continue;
    used.add(s);
    pairs.push({ gold: g, system: s });
  }
  return pairs;
}

const emptyCounts = (): Counts => ({ gold: 0, system: 0, goldStrict: 0, goldRelaxed: 0, systemStrict: 0, systemRelaxed: 0, value: 0, type: 0 });

/** Adds one document's counts, overall and by type (gold type for recall, system type for precision). */
export function countDocument(gold: readonly Timex[], system: readonly Timex[], overall: Counts, byType: Record<string, Counts>): void {
  const of = (type: string) => (byType[type] ??= emptyCounts());
  overall.gold += gold.length;
  overall.system += system.length;
  for (const g of gold) of(g.type).gold++;
  for (const s of system) of(s.type).system++;
  for (const { gold: g, system: s } of matchTimexes(gold, system)) {
    const strict = g.start === s.start && g.end === s.end ? 1 : 0;
    for (const [c, side] of [[overall, 'both'], [of(g.type), 'gold'], [of(s.type), 'system']] as const) {
      if (side !== 'system') {
        c.goldRelaxed++;
        c.goldStrict += strict;
        c.value += g.value === s.value ? 1 : 0;
        c.type += g.type === s.type ? 1 : 0;
      }
      if (side !== 'gold') {
        c.systemRelaxed++;
        c.systemStrict += strict;
      }
    }
  }
}

export function scoresOf(c: Counts): Scores {
  const prf = (forPrecision: number, forRecall: number) => {
    const precision = c.system ? forPrecision / c.system : 0;
    const recall = c.gold ? forRecall / c.gold : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  const relaxed = prf(c.systemRelaxed, c.goldRelaxed);
  const accuracy = (n: number) => (c.goldRelaxed ? n / c.goldRelaxed : 0);
  return {
    strict: prf(c.systemStrict, c.goldStrict),
    relaxed,
    value: { accuracy: accuracy(c.value), f1: accuracy(c.value) * relaxed.f1 },
    type: { accuracy: accuracy(c.type), f1: accuracy(c.type) * relaxed.f1 },
    counts: c,
  };
}

/** TempEval-3 scores over documents, each given its gold and system expressions. */
export function scoreTimexes(docs: Iterable<{ gold: readonly Timex[]; system: readonly Timex[] }>): TimexScores {
  const overall = emptyCounts();
  const byType: Record<string, Counts> = {};
  for (const d of docs) countDocument(d.gold, d.system, overall, byType);
  const types = Object.keys(byType).sort((a, b) => TIMEX_TYPES.indexOf(a as TimexType) - TIMEX_TYPES.indexOf(b as TimexType));
  return { overall: scoresOf(overall), byType: Object.fromEntries(types.map((t) => [t, scoresOf(byType[t]!)])) };
}

const f2 = (x: number) => x.toFixed(3);

/** A table: one line per type and one for all, strict and relaxed P/R/F1, value and type. */
export function formatTimexScores(s: TimexScores): string {
  const head = 'type       gold  sys   strict P/R/F1         relaxed P/R/F1        value acc/F1   type acc';
  const line = (name: string, x: Scores) =>
    `${name.padEnd(10)} ${String(x.counts.gold).padStart(5)} ${String(x.counts.system).padStart(5)}  ` +
    `${f2(x.strict.precision)} ${f2(x.strict.recall)} ${f2(x.strict.f1)}   ` +
    `${f2(x.relaxed.precision)} ${f2(x.relaxed.recall)} ${f2(x.relaxed.f1)}   ` +
    `${f2(x.value.accuracy)} ${f2(x.value.f1)}    ${f2(x.type.accuracy)}`;
  return [head, ...Object.entries(s.byType).map(([t, x]) => line(t, x)), line('all', s.overall)].join('\n') + '\n';
}
