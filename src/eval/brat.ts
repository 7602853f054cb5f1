/**
 * Reads PolNeAR-style brat standoff: `T` lines are Source, Cue and Content spans (possibly
 * discontinuous: `start end;start end`), `E` lines join them into an attribution, and an `A`
 * line `Kind T1 named-person` (our own gold sets) gives a source's kind. Other T types
 * (Attribution triggers, Discuss, Discard) and notes are ignored.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { sharedPath } from '../core/paths.js';
import type { Role, RoleSpan } from '../core/roles.js';


export interface GoldAttribution {
  source?: RoleSpan[];
  /** the source's kind, where the annotation gives one (`A` line `Kind`) */
  kind?: string;
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
  const kinds = new Map<string, string>(); // T id -> kind
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
    } else if (cols[0]?.startsWith('A') && cols.length >= 2) {
      const [name, target, value] = cols[1]!.trim().split(/\s+/);
      if (name === 'Kind' && target && value) kinds.set(target, value);
    }
  }
  for (const event of events) {
    const a: GoldAttribution = {};
    for (const arg of event.trim().split(/\s+/)) {
      const [type, id] = arg.split(':');
      const role = ROLE_OF[type ?? ''];
      const frags = id ? byId.get(id) : undefined;
      if (role && frags) a[role] = frags;
      if (role === 'source' && id && kinds.has(id)) a.kind = kinds.get(id);
    }
    attributions.push(a);
  }
  return { spans, attributions };
}

/**
 * A PolNeAR-format folder: `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`. When several
 * annotators' files exist for one article, the first in sorted order is used, always the same one.
 * A gold set of our own keeps no texts: instead of `text/` it holds a file `TEXTS` naming the
 * corpus folder under the shared data (`warnews/articles`), where the texts are read from.
 */
export function readBratFolder(dir: string): GoldDoc[] {
  const annDir = join(dir, 'attributions');
  const pointer = join(dir, 'TEXTS');
  const textDir = existsSync(pointer) ? sharedPath('data', readFileSync(pointer, 'utf8').trim()) : join(dir, 'text');
  if (!existsSync(annDir) || (!existsSync(textDir) && !existsSync(pointer))) {
    throw new UserError(`${dir} is not a PolNeAR-format folder (needs text/ and attributions/)`);
  }
  if (!existsSync(textDir)) throw new UserError(`${dir}: the texts it points to are not here (${textDir})`);
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
