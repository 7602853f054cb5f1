/**
 * The gazetteer: loads the compiled index (build/gazetteer.bin), compiling it first when it is
 * missing or older than our data files, and answers exact and fuzzy lookups on skeleton keys.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT, dataPath } from '../core/paths.js';
import { buildGazetteer, cities500Path } from './build.js';
import { FORMER_FLAG, IndexFile, type RenamedInfo } from './format.js';
import type { Place } from './place.js';

export const GAZETTEER_PATH = join(PACKAGE_ROOT, 'build', 'gazetteer.bin');
const SOURCES = () => [cities500Path(), ...['regions', 'renamed', 'countries'].map((f) => dataPath(`geo/${f}.json`))];

export interface Hit {
  /** place index in the gazetteer */
  index: number;
  /** the key matched a former name of the place (data/geo/renamed.json) */
  former: boolean;
}

export interface FuzzyHit extends Hit {
  key: string;
  distance: number;
}

/** Compiles the index and writes it; returns the file's size in bytes. */
export function writeGazetteer(path = GAZETTEER_PATH): number {
  const bytes = buildGazetteer();
  mkdirSync(dirname(path), { recursive: true });
  // write then rename, so a process loading the index meanwhile never reads half a file
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return bytes.length;
}

function isStale(path: string): boolean {
  if (!existsSync(path)) return true;
  const built = statSync(path).mtimeMs;
  return SOURCES().some((s) => statSync(s).mtimeMs > built);
}

let loaded: Gazetteer | undefined;

/** The shared gazetteer, loaded once per process. */
export function loadGazetteer(): Gazetteer {
  if (loaded) return loaded;
  if (isStale(GAZETTEER_PATH)) {
    process.stderr.write(`unspin: compiling the gazetteer index into ${GAZETTEER_PATH} (once)\n`);
    writeGazetteer();
  }
  return (loaded = new Gazetteer(new IndexFile(readFileSync(GAZETTEER_PATH))));
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max (bounded work). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const FUZZY_MEMO = 5000;

export class Gazetteer {
  private readonly renamed = new Map<number, RenamedInfo>();
  private readonly regionNames = new Map<string, string>();
  /** names recur across articles: fuzzy answers are kept (bounded) */
  private readonly fuzzyMemo = new Map<string, FuzzyHit[]>();

  constructor(readonly file: IndexFile) {
    for (const r of file.header.renamed) this.renamed.set(r.geonamesId, r);
    for (let i = 0; i < file.nPlaces; i++) {
      if (file.kind[i] !== 1) continue;
      const p = file.place(i);
      if (p.feature === 'ADM1' && p.covers?.length === 1) this.regionNames.set(`${p.countryCode}.${p.admin1}`, p.name);
    }
  }

  get size(): number {
    return this.file.nPlaces;
  }

  place(index: number): Place {
    return this.file.place(index);
  }

  /** When and from what the place was renamed, if it was. */
  renamedInfo(geonamesId: number | null): RenamedInfo | undefined {
    return geonamesId === null ? undefined : this.renamed.get(geonamesId);
  }

  /** The name of a first-level region ('Donetsk Oblast'), when our list has it. */
  regionName(countryCode: string, admin1: string): string | undefined {
    return this.regionNames.get(`${countryCode}.${admin1}`);
  }

  /** Index of the first key >= s. */
  private lowerBound(s: string): number {
    let lo = 0;
    let hi = this.file.nKeys;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.file.key(mid) < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private hits(k: number): Hit[] {
    const out: Hit[] = [];
    for (let p = this.file.postStart[k]!; p < this.file.postStart[k + 1]!; p++) {
      const v = this.file.post[p]!;
      out.push({ index: v & ~FORMER_FLAG, former: (v & FORMER_FLAG) !== 0 });
    }
    return out;
  }

  /** Places whose spelling has exactly this skeleton, most populous first. */
  lookup(skel: string): Hit[] {
    if (!skel) return [];
    const k = this.lowerBound(skel);
    return k < this.file.nKeys && this.file.key(k) === skel ? this.hits(k) : [];
  }

  /**
   * Places whose skeleton is within `maxDistance` edits of the query. Candidates are the keys
   * sharing the query's first three or four letters (a sorted range), up to `maxScan` keys.
   */
  fuzzy(skel: string, maxDistance: number, maxScan = 40_000): FuzzyHit[] {
    if (skel.length < 4) return [];
    const memoKey = `${maxDistance}:${skel}`;
    const known = this.fuzzyMemo.get(memoKey);
    if (known) return known;
    const found = this.scan(skel, maxDistance, maxScan);
    if (this.fuzzyMemo.size >= FUZZY_MEMO) this.fuzzyMemo.clear();
    this.fuzzyMemo.set(memoKey, found);
    return found;
  }

  private scan(skel: string, maxDistance: number, maxScan: number): FuzzyHit[] {
    // garbling is rarer at the start of a name: long names share four letters, short ones three
    const prefix = skel.slice(0, skel.length >= 10 ? 4 : 3);
    const from = this.lowerBound(prefix);
    const to = Math.min(this.lowerBound(`${prefix}\x7f`), from + maxScan);
    const out: FuzzyHit[] = [];
    for (let k = from; k < to; k++) {
      const len = this.file.keyOff[k + 1]! - this.file.keyOff[k]!;
      if (Math.abs(len - skel.length) > maxDistance) continue;
      const key = this.file.key(k);
      const distance = boundedDistance(skel, key, maxDistance);
      if (distance > maxDistance || distance === 0) continue;
      for (const h of this.hits(k)) out.push({ ...h, key, distance });
    }
    return out;
  }
}
