/**
 * CoNLL-2003 NER files and the conlleval score. The reader keeps documents (-DOCSTART-) and
 * sentences (blank lines); the scorer turns tag sequences into chunks with conlleval's start/end
 * rules, so IOB1 (B- only between two same-type chunks), IOB2/BIO and IOBES all read correctly,
 * and counts a chunk as correct only when its type and both boundaries match.
 */

export interface ConllSentence {
  words: string[];
  /** the file's POS column (PTB tags) */
  pos: string[];
  /** the last column: the NER tag, as written (IOB1 in CoNLL-2003) */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

/** Parses `word POS chunk NER` lines. Text before the first -DOCSTART- forms a document too. */
export function readConll(content: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sentence: ConllSentence | null = null;
  const closeSentence = () => {
    if (sentence && sentence.words.length > 0) {
      doc ??= { sentences: [] };
      if (!documents.includes(doc)) documents.push(doc);
      doc.sentences.push(sentence);
    }
    sentence = null;
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      closeSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      closeSentence();
      doc = { sentences: [] };
      documents.push(doc);
      continue;
    }
    sentence ??= { words: [], pos: [], tags: [] };
    sentence.words.push(cols[0]!);
    sentence.pos.push(cols.length > 2 ? cols[1]! : '');
    sentence.tags.push(cols[cols.length - 1]!);
  }
  closeSentence();
  return documents.filter((d) => d.sentences.length > 0);
}

/** A chunk over tokens [start, end) of one sentence. */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

function split(tag: string): [prefix: string, type: string] {
  if (tag === 'O' || tag === '') return ['O', ''];
  const dash = tag.indexOf('-');
  return dash < 0 ? [tag, ''] : [tag.slice(0, dash), tag.slice(dash + 1)];
}

// conlleval's endOfChunk / startOfChunk, verbatim in meaning (S treated like a one-token B...E).
function endsChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === 'E' || prevTag === 'S') return true;
  if ((prevTag === 'B' || prevTag === 'I') && (tag === 'B' || tag === 'S' || tag === 'O')) return true;
  return prevTag !== 'O' && prevType !== type;
}

function startsChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (tag === 'B' || tag === 'S') return true;
  if ((prevTag === 'E' || prevTag === 'S' || prevTag === 'O') && (tag === 'I' || tag === 'E')) return true;
  return tag !== 'O' && prevType !== type;
}

/** The chunks a tag sequence encodes (one sentence; its edges close every chunk). */
export function tagsToChunks(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let prevTag = 'O';
  let prevType = '';
  let open: Chunk | null = null;
  for (let i = 0; i <= tags.length; i++) {
    const [tag, type] = i < tags.length ? split(tags[i]!) : ['O', ''];
    if (open && endsChunk(prevTag, tag, prevType, type)) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (startsChunk(prevTag, tag, prevType, type)) open = { start: i, end: i, type };
    prevTag = tag;
    prevType = type;
  }
  return chunks;
}

export interface Counts {
  /** chunks in the gold standard */
  gold: number;
  /** chunks predicted */
  predicted: number;
  /** predicted chunks with the gold type and both gold boundaries */
  correct: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface ConllScore {
  overall: Scores;
  byType: Record<string, Scores>;
  /** tokens whose tag equals the gold tag (conlleval's "accuracy") */
  tokenAccuracy: number;
  tokens: number;
}

export function toScores(c: Counts): Scores {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/**
 * Scores predicted tag sequences against gold ones, sentence by sentence, as conlleval does.
 * Both sides may use different encodings (e.g. gold IOB1, predicted BIO): chunks are compared.
 */
export function scoreConll(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllScore {
  if (gold.length !== predicted.length) throw new Error(`gold has ${gold.length} sentences, predictions ${predicted.length}`);
  const total: Counts = { gold: 0, predicted: 0, correct: 0 };
  const byType = new Map<string, Counts>();
  const counts = (type: string) => {
    let c = byType.get(type);
    if (!c) byType.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  let tokens = 0;
  let sameTag = 0;
  gold.forEach((goldTags, s) => {
    const predTags = predicted[s]!;
    if (goldTags.length !== predTags.length) throw new Error(`sentence ${s}: ${goldTags.length} gold tags, ${predTags.length} predicted`);
    tokens += goldTags.length;
    goldTags.forEach((t, i) => {
      if (t === predTags[i]) sameTag++;
    });
    const g = tagsToChunks(goldTags);
    const p = tagsToChunks(predTags);
    const key = (c: Chunk) => `${c.start}:${c.end}:${c.type}`;
    const goldKeys = new Set(g.map(key));
    for (const c of g) {
      total.gold++;
      counts(c.type).gold++;
    }
    for (const c of p) {
      total.predicted++;
      counts(c.type).predicted++;
      if (goldKeys.has(key(c))) {
        total.correct++;
        counts(c.type).correct++;
      }
    }
  });
  const types = [...byType.keys()].sort();
  return {
    overall: toScores(total),
    byType: Object.fromEntries(types.map((t) => [t, toScores(byType.get(t)!)])),
    tokenAccuracy: tokens === 0 ? 0 : sameTag / tokens,
    tokens,
  };
}

/** A conlleval-like table. */
export function formatConllScore(score: ConllScore): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, s: Scores) =>
    `${name.padEnd(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)} ${String(s.correct).padStart(6)}`;
  return [
    `tokens: ${score.tokens}, token accuracy: ${pct(score.tokenAccuracy).trim()}%`,
    `${'type'.padEnd(8)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'ok'.padStart(6)}`,
    row('overall', score.overall),
    ...Object.entries(score.byType).map(([t, s]) => row(t, s)),
  ].join('\n');
}
