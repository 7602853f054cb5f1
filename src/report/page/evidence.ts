/**
 * A finding's evidence as a reader reads it: "spellings: Kupjansk (another transliteration),
 * Kupiansk (the current name)" rather than `spellings: [{…}]`. Keys become words, lists become
 * lists, an object becomes its fields in a line; nothing is shown as JSON.
 */
import { h, type Kid } from './dom.js';

/** "distanceKm" -> "distance km", "geonames_id" -> "GeoNames id" */
export function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\bgeonames\b/g, 'GeoNames')
    .replace(/\bkm\b/, 'km');
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** One object in a line: its name-like field first, the rest in brackets. */
function line(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  const lead = keys.find((k) => /^(name|text|surface|spelling|value|label)$/i.test(k));
  const rest = keys.filter((k) => k !== lead && o[k] !== null && o[k] !== undefined && typeof o[k] !== 'object');
  const nested = keys.filter((k) => k !== lead && o[k] !== null && typeof o[k] === 'object');
  const parts = rest.map((k) => `${words(k)} ${scalar(o[k])}`);
  for (const k of nested) parts.push(`${words(k)} ${describe(o[k])}`);
  const head = lead ? scalar(o[lead]) : '';
  return parts.length ? `${head}${head ? ' ' : ''}(${parts.join('; ')})` : head;
}

/** A value as plain text, on one line. */
export function describe(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? line(x as Record<string, unknown>) : scalar(x))).join(', ');
  if (v !== null && typeof v === 'object') return line(v as Record<string, unknown>);
  return scalar(v);
}

/** The evidence of a finding as rows of the detail card: a list where a value is a list of objects. */
export function evidenceRows(evidence: Record<string, unknown>): Kid[] {
  return Object.keys(evidence).map((k) => {
    const v = evidence[k];
    const label = h('span', 'muted', `${words(k)}: `);
    if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) {
      return h('div', null, [label, h('ul', null, v.map((x) => h('li', null, describe(x))))]);
    }
    return h('p', null, [label, describe(v)]);
  });
}
