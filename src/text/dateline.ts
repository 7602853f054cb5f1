/**
 * The dateline that opens wire copy and much news: where the story was filed, often when, and the
 * agency that filed it, before a dash ("KYIV, Ukraine (AP) —", "MINSK, 24 April (BelTA) –",
 * "MOSCOW, Nov. 20 (Reuters) -", "SINGAPORE —", "CNN —"). Read once here so that every layer
 * treats it as what it is: its place is where the story was filed, not a place the story is about;
 * its date anchors relative dates when no publication date is known; its agency relays the story.
 *
 * Looked for at the start of the first lines only (a title line may come first), with bounded
 * patterns: linear in those few hundred characters whatever the text.
 */
import type { Dateline, Span } from '../core/schema-parts.js';
import { MONTH_PATTERN, monthNumber } from './months.js';

export type { Dateline };

/** How far into the text a dateline may start, and how many non-empty lines are tried. */
const HEAD = 600;
const LINES = 3;

const U = String.raw`A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ`;
/** A capitalised word of a place name; not an all-caps agency standing right before the dash. */
const WORD = String.raw`[${U}][\p{L}.'’-]{0,24}`;
const NAME = String.raw`${WORD}(?:[ \t](?![${U}]{2,8}[ \t]{0,3}[—–-])${WORD}){0,2}`;
const DAY_MONTH = String.raw`(?<date>(?:(?<m1>${MONTH_PATTERN})\.?[ \t]{1,3}(?<d1>\d{1,2})(?:st|nd|rd|th)?|(?<d2>\d{1,2})[ \t]{1,3}(?<m2>${MONTH_PATTERN})\.?)(?:,?[ \t]{1,3}(?<y>\d{4}))?)`;
/** A long dash, or a hyphen set apart by a space or a bracket ("(CNN)-"), never one inside a word ("EX-PRESIDENT"). */
const DASH = String.raw`(?:[ \t]{0,3}(?<long>—|–)|[ \t]{1,3}-{1,2}|(?<=\))-{1,2})[ \t]{0,3}(?=\S)`;

/** PLACE[, REGION][, DATE][ (AGENCY) | AGENCY] DASH */
const PLACED = new RegExp(
  String.raw`^(?<place>${NAME})(?:,[ \t]{1,3}(?!(?:${MONTH_PATTERN})\b)(?<region>${NAME}))?(?:,?[ \t]{1,3}${DAY_MONTH})?` +
    String.raw`(?:[ \t]{0,3}\((?<agency>[^()\n]{1,40})\)|[ \t]{1,3}(?<bare>[${U}]{2,8}))?${DASH}`,
  'du',
);
/** An agency alone, "CNN —", "(AP) —": only the wire agencies and outlets that sign so, since "KYIV —" is a place. */
const AGENCY_ONLY = new RegExp(
  String.raw`^\(?(?<agency>AP|AFP|CNN|BBC|Reuters|REUTERS|BelTA|TASS|UNIAN|Ukrinform|Interfax|PAP|dpa|DPA|Xinhua|RIA Novosti|Bloomberg|ANI|IANS|PTI)\)?${DASH}`,
  'du',
);

export function findDateline(text: string): Dateline | null {
  const head = text.slice(0, HEAD);
  let tried = 0;
  for (let at = 0; at < head.length && tried < LINES; ) {
    const nl = head.indexOf('\n', at);
    const lineEnd = nl < 0 ? head.length : nl;
    const indent = head.slice(at, lineEnd).search(/\S/);
    if (indent >= 0) {
      tried++;
      const found = datelineAt(head.slice(at + indent, lineEnd), at + indent);
      if (found) return found;
    }
    at = lineEnd + 1;
  }
  return null;
}

function datelineAt(line: string, offset: number): Dateline | null {
  const a = AGENCY_ONLY.exec(line);
  const i = a?.indices?.groups?.agency;
  if (a && i) return { start: offset, end: offset + a[0].length, agency: { start: offset + i[0], end: offset + i[1] } };
  const m = PLACED.exec(line);
  if (m?.groups && m.indices?.groups) {
    const g = m.groups;
    const spanOf = (name: string): Span | undefined => {
      const i = m.indices!.groups![name];
      return i ? { start: offset + i[0], end: offset + i[1] } : undefined;
    };
    const month = g.date === undefined ? null : monthNumber((g.m1 ?? g.m2)!);
    const day = Number(g.d1 ?? g.d2);
    const dated = month !== null && day >= 1 && day <= 31;
    const agency = spanOf('agency') ?? spanOf('bare');
    const place = g.place!;
    // "Britain - like other western powers": a capitalised word before a hyphen is a sentence, not a
    // dateline, unless something else says dateline: a date, an agency, or the place in capitals
    // before a long dash ("SINGAPORE —").
    const capitals = place === place.toUpperCase() && /\p{L}{3}/u.test(place) && g.long !== undefined;
    if (dated || agency || capitals) {
      const region = spanOf('region');
      return {
        start: offset,
        end: offset + m[0].length,
        place: spanOf('place')!,
        ...(region ? { region } : {}),
        ...(dated ? { date: { ...spanOf('date')!, month: month!, day, year: g.y ? Number(g.y) : null } } : {}),
        ...(agency ? { agency } : {}),
      };
    }
  }
  return null;
}
