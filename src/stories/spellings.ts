/**
 * A place written differently in a rewrite (Kyiv -> Kiev, Donbas -> Donbass, Krasnoarmiysk ->
 * Pokrovsk), found from the names themselves rather than from the entity layer alone: a place
 * inside an organisation's name ("the Kyiv School of Economics", "Kyiv Post") or a region the
 * linker leaves without a GeoNames id is still one place in two spellings. The capitalised names
 * the origin sentence lost are paired with those the rewrite sentence gained; a pair is a switch
 * when both names can denote one place. Countries are left out: "Russia" and "the Russian
 * Federation", "USA" and "America" are not a side's spelling.
 */
import type { Span } from './align.js';
import type { ArticleLayers } from './layers.js';
import { words, type Word } from './words.js';

/** One place a name can denote; `key` is its GeoNames id or, for a region of our own list, its name. */
export interface NamedPlace {
  key: string;
  geonamesId: number | null;
  name: string;
}

/** The places a name (as written) can denote: from the gazetteer, or from the articles' own links. */
export type PlaceNamer = (name: string) => readonly NamedPlace[];

export interface SpellingSwitch {
  from: Span;
  to: Span;
  place: NamedPlace;
}

/** Names longer than this many words are not place names worth pairing. */
const MAX_RUN = 3;
/** Pairs tried per sentence are bounded: a sentence rewritten throughout is no spelling switch. */
const MAX_NAMES = 12;

interface Name extends Span {
  /** folded form, as compared */
  w: string;
  text: string;
}

const capitalised = (text: string, w: Word) => /\p{Lu}/u.test(text[w.start]!);

/** Runs of capitalised words (up to MAX_RUN), longest first, and each of their words. */
function namesIn(text: string, s: Span): Name[] {
  const ws = words(text, s.start, s.end).filter((w) => w.end <= s.end);
  const out: Name[] = [];
  for (let i = 0; i < ws.length; ) {
    if (!capitalised(text, ws[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ws.length && j - i < MAX_RUN && capitalised(text, ws[j]!) && /^\s+$/.test(text.slice(ws[j - 1]!.end, ws[j]!.start))) j++;
    for (let len = j - i; len >= 1; len--) {
      for (let k = i; k + len <= j; k++) {
        const run = ws.slice(k, k + len);
        const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
        // the possessive is no part of the name: "Kyiv’s efforts" -> "Kiev’s efforts"
        const name = text.slice(span.start, span.end).replace(/['’]s$/u, '');
        out.push({ start: span.start, end: span.start + name.length, w: run.map((x) => x.w).join(' ').replace(/'s$/, ''), text: name });
      }
    }
    i = j;
  }
  return out.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
}

/** The names of `a` not matched by an equal name of `b`, occurrence by occurrence. */
function lost(a: Name[], b: Name[]): Name[] {
  const left = new Map<string, number>();
  for (const n of b) left.set(n.w, (left.get(n.w) ?? 0) + 1);
  return a.filter((n) => {
    const k = left.get(n.w) ?? 0;
    if (k > 0) left.set(n.w, k - 1);
    return k === 0;
  });
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function switchedSpellings(origin: ArticleLayers, os: Span, rewrite: ArticleLayers, rs: Span, names: PlaceNamer): SpellingSwitch[] {
  const [on, rn] = [namesIn(origin.text, os), namesIn(rewrite.text, rs)];
  const gone = lost(on, rn).slice(0, MAX_NAMES);
  const come = lost(rn, on).slice(0, MAX_NAMES);
  const out: SpellingSwitch[] = [];
  for (const a of gone) {
    if (out.some((x) => overlaps(x.from, a))) continue;
    const keys = new Map(names(a.text).map((p) => [p.key, p]));
    if (keys.size === 0) continue;
    for (const b of come) {
      if (out.some((x) => overlaps(x.to, b))) continue;
      const shared = names(b.text).find((p) => keys.has(p.key));
      if (!shared) continue;
      out.push({ from: { start: a.start, end: a.end }, to: { start: b.start, end: b.end }, place: keys.get(shared.key)! });
      break;
    }
  }
  return out;
}

/** What the two articles' own place links say a name denotes (countries left out). */
export function linkedNames(...articles: ArticleLayers[]): PlaceNamer {
  const byName = new Map<string, NamedPlace[]>();
  for (const a of articles) {
    for (const l of a.bySentence.values()) {
      for (const p of l.places) {
        if (p.feature?.startsWith('PCL')) continue;
        const k = p.text.toLowerCase();
        const list = byName.get(k) ?? [];
        if (!list.some((x) => x.key === p.key)) list.push({ key: p.key, geonamesId: p.geonamesId, name: p.place });
        byName.set(k, list);
      }
    }
  }
  return (name) => byName.get(name.toLowerCase()) ?? [];
}

/** Both namers' places for a name, the first one's first. */
export function eitherNamer(first: PlaceNamer, second: PlaceNamer): PlaceNamer {
  return (name) => {
    const a = first(name);
    const b = second(name).filter((p) => !a.some((x) => x.key === p.key));
    return b.length ? [...a, ...b] : a;
  };
}
