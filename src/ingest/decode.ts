/**
 * Bytes -> text. The decoded string is what every offset refers to, so decoding is done once,
 * here, and never redone: UTF-8 (a UTF-16 file is accepted when it starts with its BOM), the BOM
 * dropped, invalid bytes replaced by U+FFFD and counted so the user is told.
 */

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

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/**
 * What kind of binary file this is ('PNG image', 'binary data' when it only holds NUL bytes),
 * or null when it looks like text. Only the first 8 KB are looked at.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, sig, at] of MAGIC) if (startsWith(bytes, sig, at)) return name;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return null;
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? 'binary data' : null;
}

export interface Decoded {
  text: string;
  /** how many invalid byte sequences were replaced by U+FFFD */
  replaced: number;
}

/** Decodes with a BOM-aware decoder; `label` is a charset from a Content-Type or <meta> (default UTF-8). */
export function decodeText(bytes: Uint8Array, label = 'utf-8'): Decoded {
  let encoding = label;
  if (startsWith(bytes, UTF16LE_BOM)) encoding = 'utf-16le';
  else if (startsWith(bytes, UTF16BE_BOM)) encoding = 'utf-16be';
  else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding); // drops the BOM, replaces invalid bytes
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown charset label: UTF-8 is the best guess
  }
  const text = decoder.decode(bytes);
  // U+FFFD that were already in the input (EF BF BD in UTF-8) are not replacements.
  const present = decoder.encoding === 'utf-8' ? countSequence(bytes, [0xef, 0xbf, 0xbd]) : 0;
  return { text, replaced: Math.max(0, countChar(text, 0xfffd) - present) };
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

/** The charset declared in the first bytes of an HTML page (<meta charset> or http-equiv), if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head)?.[1]?.toLowerCase();
}
