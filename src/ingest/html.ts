/**
 * HTML -> article text and metadata. linkedom builds the DOM (it never runs scripts or event
 * handlers: there is no script engine behind it), Readability finds the article, and our own walk
 * turns its DOM into text with a blank line between blocks so that sentences of two paragraphs
 * never merge. Metadata (the publication date above all) is read before Readability, which
 * prunes the document it is given.
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import { normaliseDate } from './dates.js';
import { normalizeMarkup } from './markup.js';

// linkedom costs ~250 ms to load: only runs that read HTML pay for it.
const require = createRequire(import.meta.url);
const parseHTML: typeof ParseHTML = (html) => (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML(html);
const readability = () => (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability;

export interface ExtractedArticle {
  text: string;
  title?: string;
  byline?: string;
  /** the site's name (og:site_name or the like) */
  outlet?: string;
  publishedAt?: string;
  publishedAtSource?: 'meta' | 'json-ld' | 'readability';
}

/** The first bytes of a text say HTML (for inputs whose name does not). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  if (!head.startsWith('<')) return false;
  return /<(?:html|head|body|article|main)[\s>]/.test(head);
}

/** Extracts the article; null when the page has none (a login wall, an index page, an empty body). */
export function extractArticle(html: string): ExtractedArticle | null {
  const { document } = parseHTML(normalizeMarkup(html));
  const published = publicationDate(document);
  flattenDeepNesting(document.documentElement as unknown as Element, MAX_DEPTH);
  if (document.body) dropEmptyElements(document.body as unknown as Element);
  const tooMuch = moreElementsThan(document.documentElement as unknown as Element, MAX_ELEMENTS) || (document.body?.textContent?.length ?? 0) > MAX_READABLE_TEXT;
  const article = tooMuch ? plainArticle(document) : readArticle(document);
  if (!article?.content) return null;
  const text = blockText(article.content);
  if (countLetters(text) < 20) return null;
  const fromReadability = article.publishedTime ? normaliseDate(article.publishedTime) : null;
  return {
    text,
    ...optional('title', clean(article.title)),
    ...optional('byline', clean(article.byline)),
    ...optional('outlet', clean(article.siteName)),
    ...(published
      ? { publishedAt: published.date, publishedAtSource: published.source }
      : fromReadability
        ? { publishedAt: fromReadability, publishedAtSource: 'readability' as const }
        : {}),
  };
}

/** What the article reader found (Readability's result, or ours). */
type Found = { content?: Node | null; title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null };

function readArticle(document: Document): Found | null {
  const Readability = readability();
  return new Readability<Node>(document, { serializer: (node) => node }).parse();
}

/**
 * Readability makes several passes over every element, retrying with looser settings (20,000
 * table rows took ~20 s), so a page with more elements than article pages have is read by a
 * linear walk instead: its <article>, else <main>, else <body>, without the page's chrome.
 */
const MAX_ELEMENTS = 10_000;
/**
 * Nor is a page of more text than any article (a long read is ~50,000 characters): Readability
 * reads each element's whole text, every ancestor's again, on each pass (half a megabyte of text
 * in nested lists: 4 s, superlinear).
 */
const MAX_READABLE_TEXT = 300_000;

/** Does the tree hold more than `max` elements? Counts until it knows (linkedom's getElementsByTagName('*') finds none). */
function moreElementsThan(root: Element, max: number): boolean {
  let n = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (++n > max) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return false;
}

function plainArticle(document: Document): Found {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  for (const chrome of Array.from(root?.querySelectorAll('nav, header, footer, aside, form') ?? [])) chrome.remove();
  return { content: root, title: document.title };
}

/**
 * Readability slows down sharply with nesting depth (100 nested divs: over a second; 1,000: a
 * minute), so elements deeper than any real page needs are unwrapped, keeping their content
 * (markup.ts has already bounded the depth approximately, so that parsing stays linear).
 */
const MAX_DEPTH = 32;

function flattenDeepNesting(root: Element, maxDepth: number): void {
  const deep: Element[] = [];
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > maxDepth) deep.push(el);
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  // children moved one by one: a spread of 200,000 of them would overflow the stack
  for (const el of deep) {
    while (el.firstChild) el.parentNode!.insertBefore(el.firstChild, el);
    el.remove();
  }
}

/** Elements that say something without text: media, embeds, data in attributes. */
const CONTENTFUL = new Set('BR HR WBR IMG PICTURE VIDEO AUDIO SOURCE IFRAME EMBED OBJECT SVG CANVAS MATH META LINK TIME DATA INPUT TEXTAREA SELECT'.split(' '));

/**
 * Removes the elements of `root` with no text and nothing contentful inside, bottom-up in one
 * walk. Readability makes up to five passes over every element when the article is short (20,000
 * empty <td> before a sentence: 1.2 s idle, 30 s at load 20), and such elements give it nothing
 * to read. Linear: each element is looked at once, after its children.
 */
function dropEmptyElements(root: Element): void {
  const full = new Set<Element>(); // elements known to hold text or something contentful
  const stack: [Element, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [el, visited] = stack.pop()!;
    if (!visited) {
      stack.push([el, true]);
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, false]);
      continue;
    }
    let keep = el === root || CONTENTFUL.has(el.tagName.toUpperCase());
    for (let c = el.firstChild; c && !keep; c = c.nextSibling) {
      if (c.nodeType === 3 ? /\S/.test(c.nodeValue ?? '') : c.nodeType === 1 && full.has(c as Element)) keep = true;
    }
    if (keep) full.add(el);
  }
  const empty: Element[] = [];
  const walk: Element[] = [root];
  while (walk.length > 0) {
    const el = walk.pop()!;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (full.has(c)) walk.push(c);
      else empty.push(c); // its subtree goes with it
    }
  }
  for (const el of empty) el.remove();
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : undefined;
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Text with block boundaries

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN OL P PRE SECTION SUMMARY TABLE TR UL'.split(' '),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

/**
 * The text of a DOM subtree: paragraphs (blocks) separated by a blank line, <br> by a newline,
 * runs of white space collapsed to one space (kept as written inside <pre>).
 */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  const endLine = () => {
    const l = line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
    if (l) lines.push(l);
    line = '';
  };
  const endBlock = () => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  // Iterative walk: hostile pages nest thousands deep.
  const stack: { node: Node; exit: boolean; pre: boolean }[] = [{ node: root, exit: false, pre: false }];
  while (stack.length > 0) {
    const { node, exit, pre } = stack.pop()!;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (pre) {
        const parts = value.split('\n');
        parts.forEach((part, i) => {
          if (i > 0) endLine();
          line += part;
        });
      } else {
        line += value.replace(/\s+/g, ' ');
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      endLine();
      continue;
    }
    const block = BLOCKS.has(tag);
    if (exit) {
      if (block) endBlock();
      else if (tag === 'TD' || tag === 'TH') line += ' ';
      continue;
    }
    if (block) endBlock();
    stack.push({ node, exit: true, pre });
    const inPre = pre || tag === 'PRE';
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false, pre: inPre });
  }
  endBlock();
  return paragraphs.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Publication date

/** <meta> names that carry the publication date, most specific first. */
const META_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
];

const ARTICLE_TYPE = /Article|Posting|Report/;

function publicationDate(document: Document): { date: string; source: 'meta' | 'json-ld' } | null {
  const meta = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  // <time itemprop="datePublished" datetime="..."> and the like
  for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
    const value = el.getAttribute('datetime') ?? el.getAttribute('content');
    if (value && !meta.has('datepublished')) meta.set('datepublished', value);
  }
  for (const key of META_DATE_KEYS) {
    const date = meta.has(key) ? normaliseDate(meta.get(key)!) : null;
    if (date) return { date, source: 'meta' };
  }
  const fromLd = jsonLdDate(document);
  return fromLd ? { date: fromLd, source: 'json-ld' } : null;
}

/** datePublished from JSON-LD blocks, looking inside @graph and arrays; an Article's date wins. */
function jsonLdDate(document: Document): string | null {
  let fallback: string | null = null;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; it is only a hint
    }
    const stack: unknown[] = [data];
    for (let seen = 0; stack.length > 0 && seen < 10_000; seen++) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]); // document order
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const obj = item as Record<string, unknown>;
      const date = typeof obj.datePublished === 'string' ? normaliseDate(obj.datePublished) : null;
      if (date) {
        const type = ([] as unknown[]).concat(obj['@type'] ?? []).join(' ');
        if (ARTICLE_TYPE.test(type)) return date;
        fallback ??= date;
      }
      const values = Object.values(obj).filter((v) => v && typeof v === 'object');
      for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
    }
  }
  return fallback;
}
