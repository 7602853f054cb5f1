/**
 * The perceptron file (format unspin-perceptron/1, written by Perceptron.serialize) read for
 * tagging only. The weights stay the int16 values the file stores, in a compact table of its
 * non-zero rows: no dequantising, 1 MB of row slots and ~1 MB of values instead of a 9 MB float
 * table, so loading is a copy and scoring touches less memory. Scores summed from these integers
 * are exact; divided by `scale` they are the trained weights' scores.
 */
import { gunzipSync } from 'node:zlib';

export interface WeightTable {
  labels: readonly string[];
  bits: number;
  /** int16 units per weight unit */
  scale: number;
  /** feature bucket -> offset of its row in `values` (0: the all-zero row) */
  slots: Int32Array;
  /** rows of `labels.length` int16 weights; row 0 is all zeros */
  values: Int16Array;
  meta: Record<string, unknown>;
}

interface Header {
  format: string;
  labels: string[];
  bits: number;
  scale: number;
  rows: number;
  meta: Record<string, unknown>;
}

export function readWeights(file: Buffer): WeightTable {
  const raw = gunzipSync(file);
  const nl = raw.indexOf(10);
  const header = JSON.parse(raw.subarray(0, nl).toString('utf8')) as Header;
  if (header.format !== 'unspin-perceptron/1') throw new Error(`unknown model format ${header.format}`);
  const L = header.labels.length;
  const body = raw.subarray(nl + 1);
  // copied into aligned buffers: the body may start at an odd byte offset
  const index = new Int32Array(body.buffer.slice(body.byteOffset, body.byteOffset + header.rows * 4));
  const valuesStart = body.byteOffset + header.rows * 4;
  const values = new Int16Array((header.rows + 1) * L);
  values.set(new Int16Array(body.buffer.slice(valuesStart, valuesStart + header.rows * L * 2)), L);
  const slots = new Int32Array(1 << header.bits);
  for (let r = 0; r < index.length; r++) slots[index[r]!] = (r + 1) * L;
  return { labels: header.labels, bits: header.bits, scale: header.scale, slots, values, meta: header.meta };
}
