/**
 * Bytes -> text. The decoded string is what every offset refers to, so decoding is done once,
 * here, and never redone. Which encoding, in order: --encoding; a BOM (UTF-8, UTF-16); the
 * charset the server declared; for HTML, a <meta> charset anywhere in the head; UTF-8 when the
 * bytes are valid UTF-8; else a detector (chardet) that knows the legacy encodings still met in
 * news and archives (Windows-1251 and KOI8 for Russian and Ukrainian, Windows-1252 for Western
 * pages, as a browser falls back to). Invalid bytes become U+FFFD and are counted, so the user
 * is told.
 */
import { createRequire } from 'node:module';

/** Signatures of common non-text files: [name, bytes, offset of the bytes]. */
const MAGIC: readonly [string, readonly number[], number][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0],
  ['JPEG image', [0xff, 0xd8, 0xff], 0],
  ['GIF image', [0x47, 0x49, 0x46, 0x38], 0],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d], 0],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04], 0],
  ['gzip archive', [0x1f, 0x8b], 0],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 0],
  ['legacy Office document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0],
  ['WebP image', [0x57, 0x45, 0x42, 0x50], 8],
  ['MP4/QuickTime video', [0x66, 0x74, 0x79, 0x70], 4],
  ['MP3 audio', [0x49, 0x44, 0x33], 0],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46], 0],
  ['Windows executable', [0x4d, 0x5a], 0],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d], 0],
];

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** Bytes of the first 8 KB that no text file holds: NUL and the C0 controls other than tab, line breaks, form feed and escape. */
function controlShare(head: Uint8Array): number {
  let n = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) n++;
  return head.length === 0 ? 0 : n / head.length;
}

/** Above this share of control bytes a file is data, not text (text has none; random bytes ~11%). */
const MAX_CONTROL_SHARE = 0.01;

/**
 * What kind of binary file this is ('PNG image', 'binary data'), or null when it looks like text.
 * A signature counts only when the bytes after it are not text ("MZ", "ID3" and "GIF8" begin
 * sentences too). UTF-16 with its BOM is text. Only the first 8 KB are looked at.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return null;
  const head = bytes.subarray(0, 8192);
  const share = controlShare(head);
  const text = share === 0 || (share <= MAX_CONTROL_SHARE && !head.includes(0));
  if (text) return null;
  for (const [name, sig, at] of MAGIC) if (startsWith(bytes, sig, at)) return name;
  return 'binary data';
}

export interface Decoded {
  text: string;
  /** the encoding used (a WHATWG name: 'utf-8', 'windows-1251'...) */
  encoding: string;
  /** how it was chosen */
  by: 'option' | 'bom' | 'declared' | 'meta' | 'utf-8' | 'detected' | 'default';
  /** how many invalid byte sequences were replaced by U+FFFD */
  replaced: number;
}

export interface DecodeHints {
  /** --encoding: used whatever the bytes say */
  forced?: string;
  /** the charset a server declared (Content-Type) */
  declared?: string;
  /** the bytes are (or look like) HTML: look for a <meta> charset */
  html?: boolean;
}

/** Whether a charset label is one we can decode ('cp1251', 'latin1', 'koi8-r'...). */
export function isKnownEncoding(label: string): boolean {
  return decoderFor(label) !== null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim()); // drops the BOM, replaces invalid bytes
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const [encoding, by] = chooseEncoding(bytes, hints);
  const decoder = decoderFor(encoding) ?? new TextDecoder('utf-8');
  const text = decoder.decode(bytes);
  // U+FFFD that were already in the input (EF BF BD in UTF-8) are not replacements.
  const present = decoder.encoding === 'utf-8' ? countSequence(bytes, [0xef, 0xbf, 0xbd]) : 0;
  return { text, encoding: decoder.encoding, by, replaced: Math.max(0, countChar(text, 0xfffd) - present) };
}

function chooseEncoding(bytes: Uint8Array, hints: DecodeHints): [string, Decoded['by']] {
  if (hints.forced) return [hints.forced, 'option'];
  if (startsWith(bytes, UTF16LE_BOM)) return ['utf-16le', 'bom'];
  if (startsWith(bytes, UTF16BE_BOM)) return ['utf-16be', 'bom'];
  if (startsWith(bytes, UTF8_BOM)) return ['utf-8', 'bom'];
  const declared = usable(hints.declared);
  if (declared) return [declared, 'declared'];
  const meta = hints.html ? usable(sniffHtmlCharset(bytes)) : undefined;
  if (meta) return [meta, 'meta'];
  if (isUtf8(bytes)) return ['utf-8', 'utf-8'];
  const detected = detect(bytes);
  return detected ? [detected, 'detected'] : ['utf-8', 'default'];
}

/**
 * A declared charset we can use. A page that says UTF-16 was not read as UTF-16 to find the
 * declaration (its bytes are ASCII-compatible), so it is UTF-8, as a browser takes it.
 */
function usable(label: string | undefined): string | undefined {
  if (!label || !isKnownEncoding(label)) return undefined;
  return /^utf-?16/i.test(label) ? 'utf-8' : label.toLowerCase();
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

interface Match {
  name: string;
  confidence: number;
}

/** chardet's guess is taken at this confidence (0-100) or more; below it, bytes are anyone's guess. */
const MIN_CONFIDENCE = 10;
/** Detection reads this much: enough for the statistics, and the cost stays flat. */
const SAMPLE_BYTES = 64 * 1024;

// chardet is loaded only for bytes that are neither declared nor UTF-8.
const require = createRequire(import.meta.url);

function detect(bytes: Uint8Array): string | undefined {
  const { analyse } = require('chardet') as { analyse: (b: Uint8Array) => Match[] };
  const best = analyse(bytes.subarray(0, SAMPLE_BYTES)).find((m) => isKnownEncoding(m.name) && !/^utf|^ucs/i.test(m.name));
  if (!best || best.confidence < MIN_CONFIDENCE) return undefined;
  const name = best.name.toLowerCase();
  // KOI8-U is KOI8-R with Ukrainian letters where KOI8-R has box-drawing signs, which news never
  // uses: reading KOI8-R text as KOI8-U loses nothing and keeps і, ї, є and ґ.
  return name === 'koi8-r' ? 'koi8-u' : name;
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = text.indexOf(String.fromCharCode(code)); i !== -1; i = text.indexOf(String.fromCharCode(code), i + 1)) n++;
  return n;
}

function countSequence(bytes: Uint8Array, seq: readonly number[]): number {
  let n = 0;
  for (let i = bytes.indexOf(seq[0]!); i !== -1; i = bytes.indexOf(seq[0]!, i + 1)) {
    if (startsWith(bytes, seq, i)) n++;
  }
  return n;
}

/** How far into a page its head is looked for a charset (a head past this is not a head). */
const HEAD_BYTES = 1024 * 1024;

/** The charset declared in an HTML page's head (<meta charset> or http-equiv), wherever in the head it is. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const bodyAt = head.search(/<body[\s>]|<\/head\s*>/i);
  const inHead = bodyAt === -1 ? head : head.slice(0, bodyAt);
  const meta = /<meta\b[^>]{0,400}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(inHead);
  return meta?.[1]?.toLowerCase();
}
