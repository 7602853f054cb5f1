/**
 * Outlets as records (domain, name, country, kind): our lexicon (data/corpus/outlets.json) is
 * written into each store when it is opened, and a user's own records (`corpus outlet set`) win
 * over it. An article's outlet is the record for its URL's domain (a subdomain resolves to its
 * parent: edition.cnn.com -> cnn.com), else the record named by its metadata or its JSONL field,
 * else that domain or name as it is.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';
import type { CorpusStore, Outlet } from './store.js';

interface OutletFile {
  outlets: { domain: string; name: string; country?: string; kind?: string }[];
}

export function lexiconOutlets(): Outlet[] {
  const file = JSON.parse(readFileSync(dataPath('corpus/outlets.json'), 'utf8')) as OutletFile;
  return file.outlets.map((o) => ({ ...o, source: 'lexicon' as const }));
}

/** Writes the lexicon's records into the store (never over a user's). */
export async function seedOutlets(store: CorpusStore): Promise<void> {
  const known = new Map((await store.outlets()).map((o) => [o.domain, o]));
  for (const outlet of lexiconOutlets()) {
    const stored = known.get(outlet.domain);
    const same = stored && stored.name === outlet.name && stored.country === outlet.country && stored.kind === outlet.kind;
    if (!same) await store.setOutlet(outlet);
  }
}

export const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
};

/** Resolves outlets against the records of one store (read once). */
export class OutletResolver {
  private constructor(
    private readonly byDomain: Map<string, Outlet>,
    private readonly byName: Map<string, Outlet>,
  ) {}

  static async of(store: CorpusStore): Promise<OutletResolver> {
    const outlets = await store.outlets();
    return new OutletResolver(new Map(outlets.map((o) => [o.domain, o])), new Map(outlets.map((o) => [o.name.toLowerCase(), o])));
  }

  /** The outlet's domain when a record or the URL gives one, else the name given. */
  resolve(article: { url?: string; given?: string; siteName?: string }): string | undefined {
    if (article.given) return this.named(article.given);
    const host = article.url ? hostOf(article.url) : undefined;
    if (host) return this.domain(host) ?? host;
    return article.siteName ? this.named(article.siteName) : undefined;
  }

  private named(name: string): string {
    const trimmed = name.trim();
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(trimmed)) return this.domain(trimmed.toLowerCase().replace(/^www\./, '')) ?? trimmed.toLowerCase();
    return this.byName.get(trimmed.toLowerCase())?.domain ?? this.byName.get(trimmed.toLowerCase().replace(/^the /, ''))?.domain ?? trimmed;
  }

  /** the record's domain for a host or its nearest parent domain */
  private domain(host: string): string | undefined {
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (this.byDomain.has(h)) return h;
    return undefined;
  }
}
