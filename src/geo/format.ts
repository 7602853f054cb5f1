/**
 * The compiled gazetteer file: a JSON header (string tables, region extras, section offsets)
 * followed by typed arrays, so loading is one read and a few views, no parsing per place.
 *
 *   "UGZ2" | u32 header length | header JSON | pad to 4 | sections...
 *
 * Keys are the sorted skeletons (ASCII) in one string with offsets; each key's postings are
 * place indices, most populous first, with FORMER_FLAG set when the key is a former name.
 */
import type { Place, PlaceKind } from './place.js';

export const FORMER_FLAG = 0x80000000;
const MAGIC = 'UGZ2';
const KINDS: PlaceKind[] = ['city', 'region', 'country'];

export interface RenamedInfo {
  geonamesId: number;
  year: number;
  former: string[];
}

export interface IndexData {
  places: Place[];
  /** sorted, unique */
  keys: string[];
  /** per key: place indices (| FORMER_FLAG) */
  postings: number[][];
  renamed: RenamedInfo[];
}

interface Header {
  nPlaces: number;
  nKeys: number;
  nPostings: number;
  countries: string[];
  admin1s: string[];
  admin2s: string[];
  features: string[];
  extras: Record<number, { covers?: string[]; note?: string }>;
  renamed: RenamedInfo[];
  sections: Record<string, [offset: number, length: number]>;
}

class Table {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.list.push(s) - 1));
    return i;
  }
}

/** UTF-16 offsets of each string in the concatenation, with a final end offset. */
function offsets(strings: string[]): Uint32Array {
  const off = new Uint32Array(strings.length + 1);
  strings.forEach((s, i) => (off[i + 1] = off[i]! + s.length));
  return off;
}

export function encodeIndex(data: IndexData): Buffer {
  const { places, keys, postings } = data;
  const n = places.length;
  const countries = new Table();
  const admin1s = new Table();
  const admin2s = new Table();
  const features = new Table();
  const ids = new Int32Array(n);
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const pop = new Uint32Array(n);
  const country = new Uint16Array(n);
  const admin1 = new Uint16Array(n);
  const admin2 = new Uint16Array(n);
  const feature = new Uint16Array(n);
  const kind = new Uint8Array(n);
  const extras: Header['extras'] = {};
  places.forEach((p, i) => {
    ids[i] = p.geonamesId ?? -1;
    lat[i] = p.lat;
    lon[i] = p.lon;
    pop[i] = p.population;
    country[i] = countries.id(p.countryCode);
    admin1[i] = admin1s.id(p.admin1);
    admin2[i] = admin2s.id(p.admin2);
    feature[i] = features.id(p.feature);
    kind[i] = KINDS.indexOf(p.kind);
    if (p.covers || p.note) extras[i] = { ...(p.covers ? { covers: p.covers } : {}), ...(p.note ? { note: p.note } : {}) };
  });
  const postStart = new Uint32Array(keys.length + 1);
  postings.forEach((list, i) => (postStart[i + 1] = postStart[i]! + list.length));
  const post = new Uint32Array(postStart[keys.length]!);
  postings.forEach((list, i) => post.set(list, postStart[i]!));

  const placeNames = places.map((p) => p.name);
  const parts: [string, Uint8Array][] = [
    ['ids', new Uint8Array(ids.buffer)],
    ['lat', new Uint8Array(lat.buffer)],
    ['lon', new Uint8Array(lon.buffer)],
    ['pop', new Uint8Array(pop.buffer)],
    ['nameOff', new Uint8Array(offsets(placeNames).buffer)],
    ['keyOff', new Uint8Array(offsets(keys).buffer)],
    ['postStart', new Uint8Array(postStart.buffer)],
    ['post', new Uint8Array(post.buffer)],
    ['country', new Uint8Array(country.buffer)],
    ['admin1', new Uint8Array(admin1.buffer)],
    ['admin2', new Uint8Array(admin2.buffer)],
    ['feature', new Uint8Array(feature.buffer)],
    ['kind', kind],
    ['names', Buffer.from(placeNames.join(''), 'utf16le')],
    ['keys', Buffer.from(keys.join(''), 'latin1')],
  ];
  const sections: Header['sections'] = {};
  let at = 0;
  for (const [name, bytes] of parts) {
    sections[name] = [at, bytes.byteLength];
    at += Math.ceil(bytes.byteLength / 4) * 4;
  }
  const header: Header = {
    nPlaces: n,
    nKeys: keys.length,
    nPostings: post.length,
    countries: countries.list,
    admin1s: admin1s.list,
    admin2s: admin2s.list,
    features: features.list,
    extras,
    renamed: data.renamed,
    sections,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((8 + head.length) / 4) * 4;
  const out = Buffer.alloc(start + at);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  for (const [name, bytes] of parts) out.set(bytes, start + sections[name]![0]);
  return out;
}

/** The loaded index: typed-array views over the file. */
export class IndexFile {
  readonly nPlaces: number;
  readonly nKeys: number;
  readonly ids: Int32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  readonly pop: Uint32Array;
  readonly country: Uint16Array;
  readonly admin1: Uint16Array;
  readonly admin2: Uint16Array;
  readonly feature: Uint16Array;
  readonly kind: Uint8Array;
  readonly nameOff: Uint32Array;
  readonly names: string;
  readonly keyOff: Uint32Array;
  readonly keys: string;
  readonly postStart: Uint32Array;
  readonly post: Uint32Array;
  readonly header: Header;

  constructor(file: Buffer) {
    if (file.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a gazetteer index (bad magic)');
    const headLen = file.readUInt32LE(4);
    this.header = JSON.parse(file.toString('utf8', 8, 8 + headLen)) as Header;
    const start = Math.ceil((8 + headLen) / 4) * 4;
    // typed arrays need aligned offsets: copy if the buffer is not 4-aligned
    const buf = (file.byteOffset + start) % 4 === 0 ? file : Buffer.from(file);
    const base = buf.byteOffset + start;
    const view = <T>(name: string, Ctor: new (b: ArrayBufferLike, o: number, l: number) => T, size: number) => {
      const [off, len] = this.header.sections[name]!;
      return new Ctor(buf.buffer, base + off, len / size);
    };
    const text = (name: string, enc: 'utf16le' | 'latin1') => {
      const [off, len] = this.header.sections[name]!;
      return buf.toString(enc, start + off, start + off + len);
    };
    this.nPlaces = this.header.nPlaces;
    this.nKeys = this.header.nKeys;
    this.ids = view('ids', Int32Array, 4);
    this.lat = view('lat', Float32Array, 4);
    this.lon = view('lon', Float32Array, 4);
    this.pop = view('pop', Uint32Array, 4);
    this.nameOff = view('nameOff', Uint32Array, 4);
    this.keyOff = view('keyOff', Uint32Array, 4);
    this.postStart = view('postStart', Uint32Array, 4);
    this.post = view('post', Uint32Array, 4);
    this.country = view('country', Uint16Array, 2);
    this.admin1 = view('admin1', Uint16Array, 2);
    this.admin2 = view('admin2', Uint16Array, 2);
    this.feature = view('feature', Uint16Array, 2);
    this.kind = view('kind', Uint8Array, 1);
    this.names = text('names', 'utf16le');
    this.keys = text('keys', 'latin1');
  }

  place(i: number): Place {
    const h = this.header;
    const id = this.ids[i]!;
    const extra = h.extras[i];
    return {
      geonamesId: id < 0 ? null : id,
      name: this.names.slice(this.nameOff[i]!, this.nameOff[i + 1]!),
      kind: KINDS[this.kind[i]!]!,
      lat: Math.round(this.lat[i]! * 1e5) / 1e5,
      lon: Math.round(this.lon[i]! * 1e5) / 1e5,
      countryCode: h.countries[this.country[i]!]!,
      admin1: h.admin1s[this.admin1[i]!]!,
      admin2: h.admin2s[this.admin2[i]!]!,
      population: this.pop[i]!,
      feature: h.features[this.feature[i]!]!,
      ...(extra?.covers ? { covers: extra.covers } : {}),
      ...(extra?.note ? { note: extra.note } : {}),
    };
  }

  key(k: number): string {
    return this.keys.slice(this.keyOff[k]!, this.keyOff[k + 1]!);
  }
}
