import { describe, expect, it } from 'vitest';
import { decodeText, sniffBinary, sniffHtmlCharset } from './decode.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('sniffBinary', () => {
  it('names common binary formats by their signature', () => {
    expect(sniffBinary(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('PNG image');
    expect(sniffBinary(bytes('%PDF-1.7\n'))).toBe('PDF document');
    expect(sniffBinary(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG image');
    expect(sniffBinary(bytes('GIF89a'))).toBe('GIF image');
    expect(sniffBinary(bytes([0x50, 0x4b, 0x03, 0x04]))).toBe('ZIP archive or Office document');
  });
  it('calls anything with NUL bytes binary, but not UTF-16 text with its BOM', () => {
    expect(sniffBinary(bytes('abc', [0], 'def'))).toBe('binary data');
    expect(sniffBinary(Buffer.from('\ufeffHello', 'utf16le'))).toBeNull();
  });
  it('lets text through', () => {
    expect(sniffBinary(bytes('Officials said on Tuesday that the bridge was closed.'))).toBeNull();
  });
});

describe('decodeText', () => {
  it('drops the BOM and replaces invalid bytes, counting them', () => {
    const { text, replaced } = decodeText(bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9], ' and ', [0xff, 0xfe], 'x'));
    expect(text).toBe('caf\ufffd and \ufffd\ufffdx');
    expect(replaced).toBe(3);
  });
  it('does not count a U+FFFD that was already in the file', () => {
    expect(decodeText(bytes('a \ufffd b')).replaced).toBe(0);
  });
  it('reads UTF-16 files by their BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Київ', 'utf16le')])).text).toBe('Київ');
  });
  it('decodes a declared legacy charset', () => {
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'windows-1252').text).toBe('café');
    expect(decodeText(bytes('plain'), 'no-such-charset').text).toBe('plain');
  });
});

describe('sniffHtmlCharset', () => {
  it('reads <meta charset> and the http-equiv form', () => {
    expect(sniffHtmlCharset(bytes('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(sniffHtmlCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('iso-8859-1');
    expect(sniffHtmlCharset(bytes('<html><body>no charset</body></html>'))).toBeUndefined();
  });
});
