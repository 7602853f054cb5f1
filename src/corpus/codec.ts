/**
 * How an Analysis is kept: JSON without document.text (stored once, in its own column, where the
 * full-text index reads it), compressed. A report is mostly repeated keys: Brotli at quality 1
 * makes it about six times smaller in under a millisecond for a 125 KB report (deflate at level 1,
 * used before, took a third longer for a slightly larger result). Stores written before keep their
 * deflated reports: a packed report begins with a byte no raw deflate stream begins with. `add` packs on the analysis worker that made
 * the Analysis (packForStore), so the one writer only writes, and the worker sends a few
 * kilobytes back instead of a structured clone of the whole report (which costs more to read
 * than the packed JSON costs to make).
 */
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import type { Analysis, DocumentInfo } from '../core/schema.js';
import { madeBy } from './made.js';
import { indexRows, type IndexRows } from './rows.js';
import { upgradeReport } from '../core/upgrade.js';

/** An Analysis ready for the store: everything the writer needs, nothing it must compute. */
export interface PackedAnalysis {
  /** the document as analysed, its text included */
  document: DocumentInfo;
  /** the whole Analysis less its text (packAnalysis) */
  packed: Uint8Array;
  rows: IndexRows;
  /** the analyzers that made it (made.ts) */
  made: string;
}

/** Marks a Brotli report: a raw deflate stream never begins with it (it reads as a final block of the reserved type 3). */
const BROTLI = 0x07;

export function packAnalysis(analysis: Analysis): Buffer {
  const { document } = analysis;
  const json = jsonUtf8({ ...analysis, document: { ...document, text: '' } });
  // a window just larger than the report: the same output as Brotli's default 4 MB window, a quarter faster
  const window = Math.min(constants.BROTLI_MAX_WINDOW_BITS, Math.max(16, Math.ceil(Math.log2(json.length + 1))));
  const body = brotliCompressSync(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: window, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  return Buffer.concat([Buffer.of(BROTLI), body]);
}

/** the buffer a report's JSON is written into, reused (one per thread), kept up to KEEP bytes */
let scratch = Buffer.allocUnsafe(1 << 18);
const KEEP = 1 << 21;
/** array elements stringified together */
const SLICE = 32;

/**
 * `JSON.stringify(report)` as UTF-8 in the scratch buffer (valid until the next call): a key at a
 * time, the long arrays a slice at a time, so that it is never one string of a few hundred
 * kilobytes (a large object, freed only by a full GC: they grew a packing thread's heap by about
 * 100 MB) nor a new buffer each time.
 */
export function jsonUtf8(report: Record<string, unknown>): Buffer {
  let buffer = scratch;
  let at = 0;
  const write = (piece: string) => {
    if (buffer.length - at < piece.length * 3) {
      const grown = Buffer.allocUnsafe(Math.max(2 * buffer.length, at + piece.length * 3));
      buffer.copy(grown, 0, 0, at);
      buffer = grown;
      if (grown.length <= KEEP) scratch = grown;
    }
    at += buffer.write(piece, at);
  };
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue; // left out, as JSON.stringify does
    write(`${first ? '{' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value) || value.length <= SLICE) write(JSON.stringify(value));
    else {
      // a slice's JSON without its brackets, as in the whole array's (what has no JSON form is null, as there)
      for (let i = 0; i < value.length; i += SLICE) write(`${i === 0 ? '[' : ','}${JSON.stringify(value.slice(i, i + SLICE)).slice(1, -1)}`);
      write(']');
    }
  }
  write(first ? '{}' : '}');
  return buffer.subarray(0, at);
}

export function unpackAnalysis(packed: Uint8Array, text: string): Analysis {
  const bytes = asBuffer(packed);
  const json = bytes[0] === BROTLI ? brotliDecompressSync(bytes.subarray(1)) : inflateRawSync(bytes);
  const analysis = JSON.parse(json.toString('utf8')) as Analysis;
  analysis.document.text = text;
  // a report stored before schema 2.0 reads in the current shape (its layers' provenance says how stale they are)
  return upgradeReport(analysis);
}

export function packForStore(analysis: Analysis): PackedAnalysis {
  return { document: analysis.document, packed: packAnalysis(analysis), rows: indexRows(analysis), made: madeBy(analysis) };
}

export function isPacked(analysis: Analysis | PackedAnalysis): analysis is PackedAnalysis {
  return (analysis as PackedAnalysis).packed !== undefined;
}

/** A Buffer again after a worker's structured clone made it a plain Uint8Array (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
