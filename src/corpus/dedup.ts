/**
 * What makes two articles the same: a canonical URL (the page's rel=canonical or og:url, else
 * the URL fetched, with tracking parameters, fragments and the like stripped), or the same text
 * once normalised (Unicode compatibility forms, case, quotes and dashes, white space).
 */
import { createHash } from 'node:crypto';

/** Query parameters that only say how a reader arrived (utm_*, fbclid, ...). */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|_ga|_gl|igshid|ref|ref_src|ref_url|cmpid|ito|smid|ocid|sr_share|at_medium|at_campaign|taid|ns_mchannel|ns_source|ns_campaign|ns_linkname)$/i;

/** The canonical form of an http(s) URL, or undefined when it is not one. */
export function canonicalUrl(href: string, base?: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  url.protocol = 'https:'; // the same page over http and https
  url.port = url.port === '80' || url.port === '443' ? '' : url.port;
  const kept = [...url.searchParams].filter(([key]) => !TRACKING.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/**
 * The page's own canonical URL: <link rel="canonical"> or <meta property="og:url">, read from
 * the head (the first 64 KB) with bounded patterns, resolved against the address fetched.
 */
export function declaredCanonical(html: string, base?: string): string | undefined {
  const head = html.slice(0, 65_536);
  for (const tag of head.match(/<(?:link|meta)\b[^<>]{0,2000}>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
    const isCanonical = /^link/i.test(tag.slice(1)) ? attr('rel')?.toLowerCase().split(/\s+/).includes('canonical') : attr('property')?.toLowerCase() === 'og:url';
    const href = isCanonical ? attr(/^link/i.test(tag.slice(1)) ? 'href' : 'content') : undefined;
    const url = href ? canonicalUrl(decodeEntities(href), base) : undefined;
    if (url) return url;
  }
  return undefined;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#38;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** The text as compared for duplicates. */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // each run of white space as one space, as /\s+/g would make it, but a lone space (most of
      // them) is left as it is rather than replaced by itself: the hash of a 10 KB text in half the time
      .replace(/[^\S ]\s*|\s{2,}/g, ' ')
      .trim()
  );
}

/** sha256 of the normalised text, 32 hex digits. */
export function textHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex').slice(0, 32);
}
