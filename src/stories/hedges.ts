/**
 * Words that mark a claim as unconfirmed (hedges) or, the other way, as established (certainty
 * markers). A rewrite that drops the first or adds the second turns a report into a fact. Written
 * for this project from the way wire copy and state media word such claims; matched as whole
 * words, case-insensitively.
 */
export const HEDGES: readonly string[] = [
  'reportedly',
  'allegedly',
  'purportedly',
  'supposedly',
  'apparently',
  'unconfirmed',
  'unverified',
  'could not be independently verified',
  'could not be verified',
  'not independently confirmed',
  'according to unconfirmed reports',
  'according to preliminary information',
  'preliminary data',
  'it is claimed',
  'is said to',
  'are said to',
  'is believed to',
  'are believed to',
  'is thought to',
  'are thought to',
  'may have',
  'might have',
  'possibly',
  'presumably',
];

export const CERTAINTY: readonly string[] = [
  'confirmed',
  'it has been established',
  'it was established',
  'it is known that',
  'it is now clear',
  'it is clear that',
  'proven',
  'proved',
  'undeniably',
  'indisputably',
  'beyond doubt',
  'in fact',
  'verified',
];

const compile = (terms: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );

const HEDGE_RE = compile(HEDGES);
const CERTAINTY_RE = compile(CERTAINTY);

export interface Marker {
  term: string;
  start: number;
  end: number;
}

function find(re: RegExp, text: string, span: { start: number; end: number }): Marker[] {
  const out: Marker[] = [];
  const part = text.slice(span.start, span.end);
  re.lastIndex = 0;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    out.push({ term: m[0].toLowerCase().replace(/\s+/g, ' '), start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return out;
}

export const hedgesIn = (text: string, span: { start: number; end: number }) => find(HEDGE_RE, text, span);
export const certaintyIn = (text: string, span: { start: number; end: number }) => find(CERTAINTY_RE, text, span);
