import { describe, expect, it } from 'vitest';
import { legacyBytes } from '../testing/encodings.js';
import { decodeText, isKnownEncoding, sniffBinary, sniffHtmlCharset } from './decode.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('sniffBinary', () => {
  // what follows a signature in a real file: sizes, flags, compressed data
  const data = [0x00, 0x00, 0x0d, 0x49, 0x01, 0x02, 0x03, 0x00];
  it('names common binary formats by their signature', () => {
    expect(sniffBinary(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], data, 'IHDR'))).toBe('PNG image');
    expect(sniffBinary(bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj <<', data))).toBe('PDF document');
    expect(sniffBinary(bytes([0xff, 0xd8, 0xff, 0xe0], data))).toBe('JPEG image');
    expect(sniffBinary(bytes('GIF89a', data))).toBe('GIF image');
    expect(sniffBinary(bytes([0x50, 0x4b, 0x03, 0x04], data))).toBe('ZIP archive or Office document');
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
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), { declared: 'windows-1252' }).text).toBe('café');
    expect(decodeText(bytes('plain'), { declared: 'no-such-charset' }).text).toBe('plain');
  });
});

describe('sniffHtmlCharset', () => {
  it('reads <meta charset> and the http-equiv form', () => {
    expect(sniffHtmlCharset(bytes('<html><head><meta charset="windows-1251">'))).toBe('windows-1251');
    expect(sniffHtmlCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toBe('iso-8859-1');
    expect(sniffHtmlCharset(bytes('<html><body>no charset</body></html>'))).toBeUndefined();
  });
});

const RU = 'Министерство обороны России заявило во вторник, что его войска заняли село. Украинские военные опровергли это сообщение.';
const UK = 'Міністерство оборони України заявило, що російські війська обстріляли місто. Жителів евакуювали, повідомив голова області.';
const FR = 'Le ministère a déclaré mardi que les négociations étaient terminées, selon un communiqué. À Genève, les délégués ont quitté la salle.';

// Issue 18: Windows-1251 and KOI8-R text became U+FFFD with exit 0; undeclared Latin-1 HTML too.
describe('decodeText without a declaration', () => {
  it('detects the legacy encodings of Russian, Ukrainian and Western text', () => {
    expect(decodeText(legacyBytes('windows-1251', RU))).toMatchObject({ text: RU, encoding: 'windows-1251', by: 'detected', replaced: 0 });
    expect(decodeText(legacyBytes('windows-1251', UK))).toMatchObject({ text: UK, encoding: 'windows-1251', by: 'detected' });
    expect(decodeText(legacyBytes('koi8-r', RU))).toMatchObject({ text: RU, by: 'detected', replaced: 0 });
    expect(decodeText(legacyBytes('koi8-u', UK))).toMatchObject({ text: UK, by: 'detected' });
    expect(decodeText(legacyBytes('windows-1252', FR), { html: true })).toMatchObject({ text: FR, encoding: 'windows-1252' });
  });

  it('takes valid UTF-8 as UTF-8, and --encoding over everything', () => {
    expect(decodeText(bytes(RU))).toMatchObject({ text: RU, by: 'utf-8' });
    expect(decodeText(legacyBytes('koi8-r', RU), { forced: 'koi8-r', declared: 'utf-8' })).toMatchObject({ text: RU, by: 'option' });
    expect(isKnownEncoding('cp1251')).toBe(true);
    expect(isKnownEncoding('klingon')).toBe(false);
  });

  it('reads a <meta> charset anywhere in the head, and a UTF-16 one as UTF-8', () => {
    const head = `<html><head><title>t</title><style>${'p{}'.repeat(2000)}</style><meta charset="windows-1251"></head><body>`;
    expect(sniffHtmlCharset(bytes(head))).toBe('windows-1251');
    expect(decodeText(Buffer.concat([bytes(head), legacyBytes('windows-1251', RU)]), { html: true }).text).toContain(RU);
    expect(sniffHtmlCharset(bytes('<html><head></head><body><p>a page quoting <meta charset="koi8-r"></p>'))).toBeUndefined();
    expect(decodeText(bytes(`<meta charset=utf-16><p>${RU}</p>`), { html: true })).toMatchObject({ encoding: 'utf-8', replaced: 0 });
  });
});

// Issue 18: text starting "MZ", "ID3" or "GIF8" was refused; random bytes without NUL were analysed.
describe('sniffBinary by content', () => {
  it('lets text through whatever its first letters', () => {
    for (const start of ['MZ', 'ID3', 'GIF8', 'PK\u0003\u0004'.slice(0, 2)]) expect(sniffBinary(bytes(`${start} said on Tuesday that the bridge was closed.`))).toBeNull();
  });
  it('calls control bytes data, with or without NUL', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919 + 13) % 255)));
    expect(sniffBinary(random)).toBe('binary data');
    expect(sniffBinary(Buffer.concat([bytes('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04])]))).toBe('Windows executable');
  });
});
