/**
 * How an Analysis is kept: JSON without document.text (stored once, in its own column, where the
 * full-text index reads it), deflated. A report is mostly repeated keys: deflate at level 1 makes
 * it several times smaller for a fraction of a millisecond.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis } from '../core/schema.js';
import { upgradeReport } from '../core/upgrade.js';

export function packAnalysis(analysis: Analysis): Buffer {
  const { document } = analysis;
  const json = JSON.stringify({ ...analysis, document: { ...document, text: '' } });
  return deflateRawSync(json, { level: 1 });
}

export function unpackAnalysis(packed: Uint8Array, text: string): Analysis {
  const analysis = JSON.parse(inflateRawSync(packed).toString('utf8')) as Analysis;
  analysis.document.text = text;
  // a report stored before schema 2.0 reads in the current shape (its layers' provenance says how stale they are)
  return upgradeReport(analysis);
}
