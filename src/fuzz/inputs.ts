/**
 * Hostile inputs for the fuzz suite, as fast-check arbitraries: what a messy or malicious world
 * hands a news tool. Run-on "sentences" of the things the stages look for (quotes, cues, names,
 * dates, places, denials), deep and broken HTML, text in legacy encodings and random bytes, and
 * control, bidi and zero-width characters sprinkled through them.
 */
import fc from 'fast-check';
import { legacyBytes } from '../testing/encodings.js';

/** Fragments every stage has rules for; strung together without end they make run-on text. */
const FRAGMENTS = [
  'officials said ', 'according to ', 'the Kremlin denied the report, ', '“It holds,” said Ana Berg. ', '"We will not retreat" ', '— Olena Kovalenko, ',
  'on Tuesday ', 'on 13 December ', 'yesterday ', 'in 2022 ', 'two days later ', 'in Pokrovsk ', 'near Kharkiv, ', 'in the Donetsk region ', 'Moscow ',
  'Vladimir Putin ', 'Valery Gerasimov reported to ', 'the defence ministry ', 'sources told Reuters ', 'allegedly ', 'so-called ', 'a brutal, shameful attack ',
  'Ukraine must win! ', 'they claimed that ', 'was rejected by ', 'Mr. ', 'U.S. ', 'e.g. ', '( ', ') ', '«', '»', '„', '“', '”', '’', ', ', '. ', '? ', '\n', '\n\n',
  'Міністерство оборони заявило ', 'Министерство обороны России ', 'وزارة الدفاع ', '国防部说 ',
];

/** Characters that break naive code: controls, bidi overrides, zero-width, surrogates' neighbours, a lone BOM. */
const ODD = ['\u0000', '\u0007', '\u001b', '\u200b', '\u200c', '\u200d', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffd', '\u00a0', '\u2028', '\u2029', '\r', '\t', '\ud83d\ude00', 'e\u0301', '\u0301'];

export const oddChar = fc.constantFrom(...ODD);

/** Run-on text: up to `max` fragments with odd characters between some of them. */
export function runOnText(max = 400): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: oddChar }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  return fc.array(piece, { minLength: 1, maxLength: max }).map((parts) => parts.join(''));
}

/** One fragment repeated many times: the shape that made stages quadratic. */
export function repeatedFragment(maxRepeat = 8000): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: maxRepeat }), runOnText(20)).map(([f, n, tail]) => `${tail}${f.repeat(n)}`);
}

const TAGS = ['div', 'p', 'b', 'i', 'span', 'a', 'li', 'ul', 'table', 'tr', 'td', 'script', 'style', 'title', 'meta', 'br', 'svg', 'template', 'html', 'head', 'body', 'article'];

/** Markup: balanced or not, deep or not, with comments, doctypes and attributes cut short. */
export function hostileHtml(): fc.Arbitrary<string> {
  const tag = fc.constantFrom(...TAGS);
  const token = fc.oneof(
    tag.map((t) => `<${t}>`),
    tag.map((t) => `</${t}>`),
    fc.constantFrom('<!--', '-->', '<!DOCTYPE html>', '<!-- saved from url=(0014)about:internet -->', '<meta charset="windows-1251">', '<meta charset=utf-16>', '<a href="x', '"', "'", '<', '>', '&amp;', '&#x202e;', '&'),
    runOnText(6),
  );
  const deep = fc.tuple(tag, fc.integer({ min: 1, max: 20_000 }), fc.boolean(), runOnText(30)).map(([t, n, closed, text]) => `${`<${t}>`.repeat(n)}${text}${closed ? `</${t}>`.repeat(n) : ''}`);
  return fc.oneof(fc.array(token, { maxLength: 300 }).map((ts) => ts.join('')), deep);
}

/** Bytes: text in some encoding, random bytes, or text with a misleading signature in front. */
export function hostileBytes(): fc.Arbitrary<Uint8Array> {
  const encode = (encoding: string, text: string): Uint8Array => {
    if (encoding === 'utf-8') return new TextEncoder().encode(text);
    if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    return legacyBytes(encoding, text);
  };
  const text = fc.tuple(fc.constantFrom('utf-8', 'utf-16le', 'windows-1251', 'koi8-r', 'windows-1252', 'iso-8859-2'), fc.oneof(runOnText(80), hostileHtml())).map(([e, t]) => encode(e, t));
  const signed = fc.tuple(fc.constantFrom('MZ', 'ID3', 'GIF8', '%PDF-', 'PK\u0003\u0004', '\u007fELF'), runOnText(40)).map(([sig, t]) => new TextEncoder().encode(sig + t));
  return fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 5000 }) }, { weight: 1, arbitrary: signed });
}

/** Any of the above, as what a file would hold. */
export function hostileFile(): fc.Arbitrary<{ name: string; bytes: Uint8Array }> {
  return fc.oneof(
    runOnText().map((t) => ({ name: 'a.txt', bytes: new TextEncoder().encode(t) })),
    repeatedFragment().map((t) => ({ name: 'b.txt', bytes: new TextEncoder().encode(t) })),
    hostileHtml().map((t) => ({ name: 'c.html', bytes: new TextEncoder().encode(t) })),
    hostileBytes().map((bytes) => ({ name: 'd.txt', bytes })),
  );
}
