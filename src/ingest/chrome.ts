/**
 * Page chrome: the lines a page puts around and between an article's paragraphs that are not the
 * article (ad markers, calls to follow a channel or sign up for a newsletter, share bars, photo
 * credits, "Read also" links, related-story headlines, a sidebar of other stories, prompts about a
 * video). They give fake sources, places and techniques, so ingest cuts them from the text every
 * layer reads, and lists each cut (`document.removed`: its span in the text before the cut, its
 * reason and its text), so nothing is lost silently. The same pass serves text and HTML: for HTML
 * it reads the text extracted from the page, one block a paragraph.
 *
 * Only whole lines are cut, each by a pattern of its own kind; a line that reads as prose (a
 * sentence of the article) is never cut, whatever it starts with. Linear in the text.
 */

export type ChromeReason = 'advertisement' | 'call-to-action' | 'share-bar' | 'photo-credit' | 'related-stories' | 'sidebar' | 'video-prompt';

export interface RemovedSpan {
  /** offsets in the text before the cut (for a text input, its text exactly as read) */
  start: number;
  end: number;
  reason: ChromeReason;
  /** the text cut, exactly (the chrome line and the line breaks after it) */
  text: string;
}

/** Lines longer than this are article text, whatever they look like (a sidebar line excepted). */
const MAX_CHROME_LINE = 400;

const ADVERTISEMENT = /^(?:advertisement|advertising|ad feedback|sponsored(?: content)?|reklama|story continues below(?: advertisement)?)$/i;

const SHARE_BAR = /^(?:share(?: this(?: article| story)?)?(?: share)?|share on (?:facebook|twitter|x)|expand|collapse|print|e-?mail|copy link|tweet|image \d+ of \d+(?: prev)?(?: next)?|prev(?: next)?|next|comments?(?: \(\d+\))?|listen(?: to this article)?(?: \d+ min)?)$/i;

/** A channel or product a call to action names. */
const CHANNEL = /\b(?:telegram|twitter|facebook|instagram|youtube|whatsapp|tiktok|viber|newsletters?|podcast|app|main page|home ?page|portal|tvn24 go|google news|rss)\b/i;
/** The verbs of a call to action, at the head of the line. */
const CTA_HEAD =
  /^(?:click here|join us|join our|follow (?:us|our|this author|the)|subscribe|sign up|get (?:our|the)|download (?:the|our)|you can (?:read|track|find|follow|watch)|read (?:more|the latest)\b|for more (?:information|news)|more (?:messages|information|news|similar information|current information)\b|watch (?:tv|tvn24|live|us)|we are glad that you are with us|if you don['’]t want to miss|don['’]t miss|turn on notifications|support (?:us|our)|stay (?:informed|up to date)|reprinted from)\b/i;

/** "Read also: ...", "READ MORE: ...", "See also: ...", "Related: ...", "WATCH: ...": a link to another story. */
const RELATED_HEAD = /^(?:read (?:also|more)|see also|also read|related(?: articles?| stories| news)?|more on this(?: story)?|recommended|most read|trending|watch|you may also like|in other news)\s*[:：-]\s*\S/i;

/** The head of a sidebar paragraph that lists other stories. */
const SIDEBAR_HEAD = /^(?:other topics of interest|more from|most popular|top stories|latest news|editor['’]s picks?)\b/i;

const PHOTO_CREDIT =
  /^(?:(?:photo|photos|image|images|picture|pic|illustration|video)(?: credit)?s?\s*[:：]|photo credit\b|photos? courtesy of\b|(?:photo|image) by\b|author\/author\s*:|©)/i;
/** A caption ending with its credit: "(Clodagh Kilcoyne/PA)", "/ Getty Images", " PAP". */
const CREDIT_TAIL = /(?:\([^()]{2,60}\/(?:PA|AP|AFP|Reuters|Getty(?: Images)?|EPA|EPA-EFE|Shutterstock|Bloomberg|Sipa)\)|[/|]\s*(?:Getty Images|Reuters|AFP|AP|EPA-EFE|Shutterstock)|\b(?:PAP|Getty Images|EPA-EFE|Courtesy of [A-Z][\p{L}.' -]{1,40}))$/u;

const VIDEO_PROMPT =
  /^(?:continuation of the material under the video|the rest of the text (?:under|below) (?:the )?video(?: material)?|see the video\b|watch the video\b|video(?: ad feedback)?\s+\p{Lu}|\d{1,2}:\d{2}\s*-\s*source:)/iu;

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Reads as a sentence of the article: long, with a verb-like run of lowercase words and a full stop. */
function prose(line: string): boolean {
  const words = line.match(WORD) ?? [];
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return words.length >= 25 || (words.length >= 12 && lower >= 8 && /[.!?]["”’)]?$/.test(line));
}

/** A related story's headline set in capitals, as some sites insert between paragraphs (not the title line). */
function capitalsHeadline(line: string): boolean {
  const words = line.match(WORD) ?? [];
  if (words.length < 4 || /[.!?]$/.test(line)) return false;
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 15 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length >= 0.85;
}

/** Why a line (trimmed) is chrome, or null. `first`: the first line of the text (a title may be in capitals). */
export function chromeReason(line: string, first = false): ChromeReason | null {
  if (line.length === 0 || line.length > MAX_CHROME_LINE) return SIDEBAR_HEAD.test(line) ? 'sidebar' : null;
  if (SIDEBAR_HEAD.test(line)) return 'sidebar';
  if (ADVERTISEMENT.test(line)) return 'advertisement';
  if (SHARE_BAR.test(line)) return 'share-bar';
  // a call to follow a channel, however long and well punctuated
  if (CTA_HEAD.test(line) && CHANNEL.test(line)) return 'call-to-action';
  if (prose(line)) return null;
  if (RELATED_HEAD.test(line)) return 'related-stories';
  if (CTA_HEAD.test(line) || (CHANNEL.test(line) && /\b(?:follow|subscribe|sign up|join|download|click|visit|read|watch)\b/i.test(line) && (line.match(WORD) ?? []).length <= 30)) return 'call-to-action';
  if (CHANNEL.test(line) && /\bnewsletter\b/i.test(line) && !/[.!?]$/.test(line)) return 'call-to-action';
  if (PHOTO_CREDIT.test(line)) return 'photo-credit';
  if (!/[.!?]["”’]?$/.test(line) && CREDIT_TAIL.test(line)) return 'photo-credit';
  if (VIDEO_PROMPT.test(line)) return 'video-prompt';
  if (!first && capitalsHeadline(line)) return 'related-stories';
  return null;
}

/**
 * The chrome of a text: whole lines (trimmed). A sidebar is its line (the sites seen put the
 * whole list of other stories on one), never the lines after it, which may be the article.
 */
export function findChrome(text: string): RemovedSpan[] {
  const out: RemovedSpan[] = [];
  let firstLine = true;
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const raw = text.slice(at, lineEnd);
    const line = raw.trim();
    if (line) {
      const reason = chromeReason(line, firstLine);
      firstLine = false;
      if (reason) {
        const start = at + (raw.length - raw.trimStart().length);
        const stop = at + raw.trimEnd().length;
        out.push({ start, end: stop, reason, text: text.slice(start, stop) });
      }
    }
    at = lineEnd + 1;
  }
  return out;
}

/**
 * Cuts the chrome out of `text`. Each removed span is exactly what is cut: the chrome line with the
 * line breaks and blanks after it up to the next text (at the end of the text, those before it),
 * so that the text before the cut is the kept text with the removed spans put back in order, and
 * the kept text keeps its paragraphs. With nothing to cut, the text is returned as it is.
 */
export function removeChrome(text: string): Kept {
  const found = findChrome(text);
  const removed: RemovedSpan[] = [];
  for (const [i, r] of found.entries()) {
    const floor = removed.length ? removed[removed.length - 1]!.end : 0;
    const ceiling = found[i + 1]?.start ?? text.length;
    let start = r.start;
    let end = r.end;
    while (end < ceiling && /\s/.test(text[end]!)) end++;
    // no indentation left hanging before the line
    while (start > floor && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    removed.push({ start, end, reason: r.reason, text: text.slice(start, end) });
  }
  // chrome lines that run to the end of the text: the breaks before the first of them go too
  let k = removed.length - 1;
  if (k >= 0 && removed[k]!.end === text.length) {
    while (k > 0 && removed[k - 1]!.end === removed[k]!.start) k--;
    const first = removed[k]!;
    const floor = k > 0 ? removed[k - 1]!.end : 0;
    let start = first.start;
    while (start > floor && /\s/.test(text[start - 1]!)) start--;
    removed[k] = { ...first, start, text: text.slice(start, first.end) };
  }
  const pieces: string[] = [];
  let from = 0;
  for (const r of removed) {
    pieces.push(text.slice(from, r.start));
    from = r.end;
  }
  pieces.push(text.slice(from));
  return { text: removed.length ? pieces.join('') : text, removed, toOriginal: (o) => inputOffset(removed, o) };
}

export interface Kept {
  /** the text without the chrome */
  text: string;
  /** what was cut, in order: offsets in the text before the cut */
  removed: RemovedSpan[];
  /** an offset of the kept text -> the same place in the text before the cut */
  toOriginal(offset: number): number;
}

/**
 * An offset of the kept text as an offset of the text before the cut, from the removed spans alone
 * (a report's `document.removed`): a span's start is placed after a cut at its offset, its end
 * (`end` true) before it.
 */
export function inputOffset(removed: readonly { start: number; end: number }[], offset: number, end = false): number {
  let at = offset;
  for (const r of removed) {
    if (end ? r.start < at : r.start <= at) at += r.end - r.start;
    else break;
  }
  return at;
}
