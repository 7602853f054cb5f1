import type { PlaceLink } from '../../core/schema.js';
import type { FindingContext, FindingRule, RuleFinding } from '../context.js';
import { isCountryName } from '../../geo/countries.js';

/**
 * Countries, continents and regions by usage have short and long forms every reader knows ("US" and
 * "United States", "Russia" and "the Russian Federation", "the Baltics" and "the Baltic states"): on
 * the 428 warnews articles they made most of the rule's findings and none a reader would need. Towns,
 * divisions and rivers are where a second spelling misleads ("Kiev" and "Kyiv", "Kharkov region" and
 * "Kharkiv region", "Dnieper" and "Dnipro").
 */
const KNOWN_TO_ALL = /^(?:PCL|CONT$|RGN$)/;
const spellingsMayMislead = (link: PlaceLink, name: string) =>
  !KNOWN_TO_ALL.test(link.feature ?? '') && !isCountryName(name) && !isCountryName(link.name);

/** An abbreviation ("S.C.", "Ky.", "Calif.", "NY"): the press writes them beside the full name, and readers know them. */
const ABBREVIATION = /\.$|^\p{Lu}{2,3}$/u;

/** A word that says what kind of place a name is: "the Pacific" and "the Pacific Ocean" are one spelling. */
const FEATURE_WORD = /\b(?:the|city|town|village|region|oblast|province|district|raion|ocean|sea|river|strait|gulf)\b/giu;

/** A spelling as a reader compares it: case, possessive, curly quotes and feature words aside. */
const normal = (s: string) =>
  s.replace(/[’']s$/u, '').replace(FEATURE_WORD, ' ').replace(/\s+/g, ' ').trim().toLowerCase() || s.toLowerCase();

interface Form {
  text: string;
  spans: { start: number; end: number }[];
  link: PlaceLink;
}

export const toponymVariants: FindingRule = {
  id: 'toponym-variants',
  doc: 'Several spellings in one article that the gazetteer links to one town, division or river (Kiev and Kyiv), and old names of renamed places: a reader may take them for different places. Countries, continents and regions by usage are left out, a name with or without its feature word (the Pacific, the Pacific Ocean) is one spelling, and abbreviations (S.C., Ky.) are none: readers know these.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    // one referent: a GeoNames id, or a division or river of our own list (which has none) by its name
    const byPlace = new Map<string, Map<string, Form>>();
    for (const e of ctx.entities) {
      const link = ctx.places[e.id];
      if (!link || link.lat === null || !spellingsMayMislead(link, e.name)) continue;
      const referent = link.geonamesId !== null ? String(link.geonamesId) : `${link.name}|${link.countryCode ?? ''}`;
      const forms = byPlace.get(referent) ?? new Map<string, Form>();
      byPlace.set(referent, forms);
      for (const m of e.mentions) {
        const text = m.text ?? ctx.text.slice(m.start, m.end);
        if (ABBREVIATION.test(text)) continue;
        const key = normal(text);
        const form = forms.get(key) ?? { text, spans: [], link };
        form.spans.push({ start: m.start, end: m.end });
        forms.set(key, form);
      }
    }

    const findings: RuleFinding[] = [];
    for (const forms of byPlace.values()) {
      const all = [...forms.values()];
      const list = all.filter((f) => !all.some((g) => elaborates(f, g)));
      // a place named by abbreviations only
      if (list.length === 0) continue;
      const { name: place, geonamesId } = list[0]!.link;
      const id = geonamesId !== null ? ` (GeoNames ${geonamesId})` : '';
      const former = list.filter((f) => isFormerName(f));
      if (list.length < 2 && former.length === 0) continue;
      const notes = list.map((f) => note(f, place)).filter(Boolean);
      const names = list.map((f) => `“${f.text}”`);
      const message =
        list.length >= 2
          ? `${joinAnd(names)} all refer to ${place}${id}: ${notes.join('; ')}. A reader may take them for different places.`
          : `${names[0]} is an old name of ${place}${id}, which has been renamed; the article does not use the current name.`;
      findings.push({
        rule: this.id,
        severity: list.length >= 2 ? this.severity : 'info',
        message: list.length === 2 ? message.replace(' all refer', ' both refer') : message,
        spans: list.flatMap((f) => f.spans).sort((a, b) => a.start - b.start),
        evidence: {
          geonamesId,
          place,
          spellings: list.map((f) => ({ text: f.text, count: f.spans.length, matchedBy: f.link.matchedBy ?? null, confidence: f.link.confidence })),
        },
      });
    }
    return findings;
  },
};

/**
 * A longer form that writes the other whole, at a word's start: "Autonomous Republic of Crimea" and
 * "Crimean Peninsula" say more about Crimea, they do not spell it differently.
 */
function elaborates(longer: Form, shorter: Form): boolean {
  const a = normal(longer.text);
  const b = normal(shorter.text);
  if (a.length <= b.length) return false;
  for (let at = a.indexOf(b); at >= 0; at = a.indexOf(b, at + 1)) if (at === 0 || a[at - 1] === ' ') return true;
  return false;
}

const isFormerName = (f: Form) => f.link.matchedBy === 'former-name' || (f.link.formerName !== undefined && normal(f.link.formerName) === normal(f.text));

function note(f: Form, place: string): string {
  if (normal(f.text) === normal(place)) return `“${f.text}” is the current name`;
  if (isFormerName(f)) return `“${f.text}” is a former name`;
  if (f.link.matchedBy === 'fuzzy') return `“${f.text}” matches only approximately (a misspelling or garbled transliteration?)`;
  if (f.link.matchedBy === 'transliteration') return `“${f.text}” is another transliteration`;
  return `“${f.text}” is a variant spelling`;
}

const joinAnd = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
