/**
 * The NER model file (format unspin-ner/2): gzip of a JSON header line, then the weights and the
 * compiled word lists as binary arrays. Weights are quantised to int16 like Perceptron.serialize
 * does, and only non-zero rows are stored. At load nothing is parsed or rebuilt but the small
 * header: the weights stay int16 in a compact table of their non-zero rows (1 MB of row slots and
 * ~1 MB of values instead of a 9 MB float table), and the lists are the model's hash tables'
 * contents. Scores summed from these integers are exact; divided by `scale` they are the trained
 * weights' scores.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LexiconTables } from './lexicon.js';

const FORMAT = 'unspin-ner/2';

export interface NerFile {
  labels: readonly string[];
  bits: number;
  /** int16 units per weight unit */
  scale: number;
  /** feature bucket -> offset of its row in `values` (0: the all-zero row) */
  slots: Int32Array;
  /** rows of `labels.length` int16 weights; row 0 is all zeros */
  values: Int16Array;
  lexicon: LexiconTables;
  meta: Record<string, unknown>;
}

interface Header {
  format: string;
  labels: string[];
  bits: number;
  scale: number;
  rows: number;
  runs: number;
  words: number;
  meta: Record<string, unknown>;
}

/** Quantises trained float weights (bucket-major, `labels.length` per bucket) and writes the file. */
export function writeNerFile(weights: Float32Array, labels: readonly string[], bits: number, lexicon: LexiconTables, meta: Record<string, unknown>): Buffer {
  const L = labels.length;
  let maxAbs = 0;
  for (const v of weights) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs > 0 ? 32767 / maxAbs : 1;
  const rows: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    for (let l = 0; l < L; l++) {
      if (Math.round(weights[b * L + l]! * scale) !== 0) {
        rows.push(b);
        break;
      }
    }
  }
  const values = new Int16Array(rows.length * L);
  rows.forEach((b, r) => {
    for (let l = 0; l < L; l++) values[r * L + l] = Math.round(weights[b * L + l]! * scale);
  });
  const header: Header = { format: FORMAT, labels: [...labels], bits, scale, rows: rows.length, runs: lexicon.runKeys.length, words: lexicon.wordKeys.length, meta };
  const parts = [Int32Array.from(rows), values, lexicon.runKeys, lexicon.runFlags, lexicon.wordKeys, lexicon.wordCodes];
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]), { level: 9 });
}

export function readNerFile(file: Buffer): NerFile {
  const raw = gunzipSync(file);
  const nl = raw.indexOf(10);
  const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Header;
  if (header.format !== FORMAT) throw new Error(`unknown NER model format ${header.format} (retrain it with: unspin train ner)`);
  const L = header.labels.length;
  let at = raw.byteOffset + nl + 1;
  // each array copied out of the buffer: its start may not be aligned for its element size
  const take = (bytes: number) => raw.buffer.slice(at, (at += bytes));
  const index = new Int32Array(take(header.rows * 4));
  const values = new Int16Array((header.rows + 1) * L);
  values.set(new Int16Array(take(header.rows * L * 2)), L);
  const slots = new Int32Array(1 << header.bits);
  for (let r = 0; r < index.length; r++) slots[index[r]!] = (r + 1) * L;
  const lexicon: LexiconTables = {
    runKeys: new Uint32Array(take(header.runs * 4)),
    runFlags: new Uint8Array(take(header.runs)),
    wordKeys: new Uint32Array(take(header.words * 4)),
    wordCodes: new Uint16Array(take(header.words * 2)),
  };
  return { labels: header.labels, bits: header.bits, scale: header.scale, slots, values, lexicon, meta: header.meta };
}
