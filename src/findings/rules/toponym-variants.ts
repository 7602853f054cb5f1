import type { PlaceLink } from '../../core/schema.js';
import type { FindingContext, FindingRule, RuleFinding } from '../context.js';

/** A spelling as a reader compares it: case, possessive and curly quotes aside. */
const normal = (s: string) => s.replace(/[’']s$/u, '').replace(/\s+/g, ' ').trim().toLowerCase();

interface Form {
  text: string;
  spans: { start: number; end: number }[];
  link: PlaceLink;
}

export const toponymVariants: FindingRule = {
  id: 'toponym-variants',
  doc: 'Several spellings in one article that the gazetteer links to one place (Kiev and Kyiv), and old names of renamed places: a reader may take them for different places.',
  severity: 'warning',
  check(ctx: FindingContext): RuleFinding[] {
    const byPlace = new Map<number, Map<string, Form>>();
    for (const e of ctx.entities) {
      const link = ctx.places[e.id];
      if (!link || link.geonamesId === null) continue;
      const forms = byPlace.get(link.geonamesId) ?? new Map<string, Form>();
      byPlace.set(link.geonamesId, forms);
      for (const m of e.mentions) {
        const text = m.text ?? ctx.text.slice(m.start, m.end);
        const key = normal(text);
        const form = forms.get(key) ?? { text, spans: [], link };
        form.spans.push({ start: m.start, end: m.end });
        forms.set(key, form);
      }
    }

    const findings: RuleFinding[] = [];
    for (const [geonamesId, forms] of byPlace) {
      const list = [...forms.values()];
      const place = list[0]!.link.name;
      const former = list.filter((f) => isFormerName(f));
      if (list.length < 2 && former.length === 0) continue;
      const notes = list.map((f) => note(f, place)).filter(Boolean);
      const names = list.map((f) => `“${f.text}”`);
      const message =
        list.length >= 2
          ? `${joinAnd(names)} all refer to ${place} (GeoNames ${geonamesId}): ${notes.join('; ')}. A reader may take them for different places.`
          : `${names[0]} is an old name of ${place} (GeoNames ${geonamesId}), which has been renamed; the article does not use the current name.`;
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

const isFormerName = (f: Form) => f.link.matchedBy === 'former-name' || (f.link.formerName !== undefined && normal(f.link.formerName) === normal(f.text));

function note(f: Form, place: string): string {
  if (normal(f.text) === normal(place)) return `“${f.text}” is the current name`;
  if (isFormerName(f)) return `“${f.text}” is a former name`;
  if (f.link.matchedBy === 'fuzzy') return `“${f.text}” matches only approximately (a misspelling or garbled transliteration?)`;
  if (f.link.matchedBy === 'transliteration') return `“${f.text}” is another transliteration`;
  return `“${f.text}” is a variant spelling`;
}

const joinAnd = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
