/**
 * RSS 2.0 and Atom (and RDF, JSON Feed) -> the articles they list, read with feedsmith. An entry
 * with a link is fetched from it; one without gives its own content as the article.
 */
import { createRequire } from 'node:module';
import type * as Feedsmith from 'feedsmith';
import type { parseHTML as ParseHTML } from 'linkedom';
import { UserError } from '../core/errors.js';
import { normaliseDate } from '../ingest/dates.js';
import { blockText } from '../ingest/html.js';

export interface FeedEntry {
  url?: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  /** the entry's own content as text (its HTML is the article body), only when it has no link */
  text?: string;
}

/** Media types a feed comes as (servers also send text/html or text/plain for them). */
export const FEED_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/html',
  'text/plain',
]);

type Text = string | { value?: string } | undefined;
const textOf = (t: Text): string | undefined => (typeof t === 'string' ? t : t?.value)?.trim() || undefined;

export function feedEntries(xml: string, feedUrl: string): FeedEntry[] {
  // (required here, not imported: it takes a quarter of a second to load, and only feeds need it)
  const { parseFeed } = createRequire(import.meta.url)('feedsmith') as typeof Feedsmith;
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (err) {
    throw new UserError(`${feedUrl}: not a feed (RSS, Atom, RDF or JSON Feed): ${(err as Error).message}`);
  }
  const items = (parsed.format === 'atom' ? parsed.feed.entries : (parsed.feed as { items?: unknown[] }).items) ?? [];
  return (items as Record<string, unknown>[]).map((item) => entryOf(item, parsed.format, feedUrl));
}

function entryOf(item: Record<string, unknown>, format: string, feedUrl: string): FeedEntry {
  let url: string | undefined;
  let html: string | undefined;
  let date: string | undefined;
  if (format === 'atom') {
    const links = (item.links as { href?: string; rel?: string }[] | undefined) ?? [];
    url = (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
    html = textOf(item.content as Text) ?? textOf(item.summary as Text);
    date = (item.published ?? item.updated) as string | undefined;
  } else if (format === 'json') {
    url = (item.url ?? item.external_url) as string | undefined;
    html = (item.content_html ?? item.content_text) as string | undefined;
    date = (item.date_published ?? item.date_modified) as string | undefined;
  } else {
    const guid = (item.guid as { value?: string } | undefined)?.value;
    url = (item.link as string | undefined) ?? (guid && /^https?:\/\//i.test(guid) ? guid : undefined);
    html = (item.content as { encoded?: string } | undefined)?.encoded ?? (item.description as string | undefined);
    date = (item.pubDate ?? (item.dc as { date?: string } | undefined)?.date) as string | undefined;
  }
  const title = textOf(item.title as Text);
  const published = date ? normaliseDate(String(date)) : null;
  let absolute: string | undefined;
  if (url) {
    try {
      absolute = new URL(url.trim(), feedUrl).href;
    } catch {
      absolute = undefined;
    }
  }
  return {
    ...(absolute ? { url: absolute } : {}),
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(html && !absolute ? { text: htmlText(html) } : {}),
  };
}

/** An entry's HTML content -> text with paragraphs kept apart (no page around it to strip). */
function htmlText(html: string): string {
  const { parseHTML } = createRequire(import.meta.url)('linkedom') as { parseHTML: typeof ParseHTML };
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as Node);
}
