/**
 * Reads PolNeAR-style brat standoff: `T` lines are Source, Cue and Content spans (possibly
 * discontinuous: `start end;start end`), `E` lines join them into an attribution. Other
 * T types (Attribution triggers, Discuss, Discard) and notes are ignored.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';

export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** One contiguous stretch of a role, [start, end) in UTF-16 code units of the text. */
export interface RoleSpan {
  role: Role;
  start: number;
  end: number;
}

export interface GoldAttribution {
  source?: RoleSpan[];
  cue?: RoleSpan[];
  content?: RoleSpan[];
}

export interface GoldDoc {
  name: string;
  text: string;
  /** every Source/Cue/Content fragment, whitespace-only gaps closed */
  spans: RoleSpan[];
  attributions: GoldAttribution[];
}

const ROLE_OF: Record<string, Role> = { Source: 'source', Cue: 'cue', Content: 'content' };

/**
 * Fragments of one annotation. Annotators split spans at line breaks and around inserted cues;
 * fragments separated only by whitespace are one stretch of text, so they are joined.
 */
export function fragments(text: string, ranges: string, role: Role): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (const part of ranges.split(';')) {
    const [a, b] = part.trim().split(/\s+/).map(Number);
    if (!Number.isInteger(a) || !Number.isInteger(b) || b! <= a!) continue;
    const last = out[out.length - 1];
    if (last && a! >= last.end && text.slice(last.end, a).trim() === '') last.end = Math.max(last.end, b!);
    else out.push({ role, start: a!, end: b! });
  }
  return out;
}

export function parseAnn(text: string, ann: string): { spans: RoleSpan[]; attributions: GoldAttribution[] } {
  const byId = new Map<string, RoleSpan[]>();
  const spans: RoleSpan[] = [];
  const attributions: GoldAttribution[] = [];
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols[0]?.startsWith('T') && cols.length >= 2) {
      const head = cols[1]!;
      const space = head.indexOf(' ');
      const role = ROLE_OF[head.slice(0, space)];
      if (!role) continue;
      const frags = fragments(text, head.slice(space + 1), role);
      byId.set(cols[0], frags);
      spans.push(...frags);
    } else if (cols[0]?.startsWith('E') && cols.length >= 2) {
      events.push(cols[1]!);
    }
  }
  for (const event of events) {
    const a: GoldAttribution = {};
    for (const arg of event.trim().split(/\s+/)) {
      const [type, id] = arg.split(':');
      const role = ROLE_OF[type ?? ''];
      const frags = id ? byId.get(id) : undefined;
      if (role && frags) a[role] = frags;
    }
    attributions.push(a);
  }
  return { spans, attributions };
}

/**
 * A PolNeAR-format folder: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. When several
 * annotators' files exist for one article, the first in sorted order is used, always the same one.
 */
export function readBratFolder(dir: string): GoldDoc[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new UserError(`${dir} is not a PolNeAR-format folder (needs text/ and attributions/)`);
  }
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const docs: GoldDoc[] = [];
  for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -4);
    const ann = anns.find((a) => a === `${name}.ann` || (a.startsWith(`${name}_`) && !a.slice(name.length + 1, -4).includes('_')));
    if (!ann) continue;
    const text = readFileSync(join(textDir, file), 'utf8');
    docs.push({ name, text, ...parseAnn(text, readFileSync(join(annDir, ann), 'utf8')) });
  }
  return docs;
}
