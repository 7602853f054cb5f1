/**
 * Markup as it comes -> markup linkedom can parse quickly and correctly, in one linear pass.
 *
 * linkedom is not an HTML5 tree builder: a fragment without <html> and <body>, or text before the
 * first tag, gives a document with no body (or none at all), and thousands of unclosed or nested
 * elements make its parse superlinear (60,000 unclosed <b>: 24 s). So before the DOM is built this
 * pass (1) rebuilds the skeleton: <html><head>what belongs in a head</head><body>the rest</body>,
 * keeping the attributes of the page's own <html> and <body> tags, and (2) bounds the nesting:
 * an element opened deeper than MAX_DEPTH loses its tags (and its closing tag), never its content.
 * The open-element stack here is an approximation of a browser's (p, li, dt, dd, option, tr, td
 * and th close an open one of their kind, as in HTML), and the output says it explicitly: every
 * element is closed, stray closing tags are dropped. html.ts flattens the DOM exactly afterwards.
 */

/** Deeper than any real page (html.ts flattens to 32 after parsing, for Readability). */
export const MAX_DEPTH = 64;

const VOID = new Set('area base br col embed hr img input keygen link meta param source track wbr'.split(' '));
/** Elements whose content is not markup: copied through to their closing tag. */
const RAW_TEXT = new Set('script style textarea title xmp iframe noembed noframes noscript'.split(' '));
/** Elements that may stand in a <head>: until something else comes, we are in the head. */
const HEAD_CONTENT = new Set('title meta link base style script noscript template'.split(' '));
/** An open one of these is closed by the next of its kind, within the elements that contain lists, tables... */
const SELF_CLOSING_SIBLINGS = new Set('p li dt dd option tr td th'.split(' '));
const SCOPE = new Set('ul ol dl table tbody thead tfoot select div section article blockquote'.split(' '));
const SKELETON = new Set(['html', 'head', 'body']);

/** How far a quoted attribute value is followed for a '>' inside it (beyond that, the first '>' ends the tag). */
const QUOTED_REACH = 256;
const NAME = /^<(\/?)([a-zA-Z][^\s/>]*)/;

export function normalizeMarkup(html: string): string {
  const head: string[] = [];
  const body: string[] = [];
  let inBody = false;
  let htmlTag = '<html>';
  let bodyTag = '<body>';
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const toBody = () => (inBody = true);
  const emit = (piece: string) => (inBody ? body : head).push(piece);
  // Every element closed here is closed explicitly in the output: linkedom nests what it is not
  // told to close (it knows nothing of implied end tags), and deep nesting is what is slow.
  const closeTo = (depth: number) => {
    for (let k = stack.length - 1; k >= depth; k--) emit(`</${stack[k]}>`);
    stack.length = depth;
  };

  let i = 0;
  let gt = html.indexOf('>'); // the first '>' at or after the current '<' (-1: none left), found once for the '<'s before it
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const text = html.slice(i, textEnd);
      if (!inBody && text.trim() !== '') toBody();
      emit(text);
    }
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      const end = close === -1 ? html.length : close + 3; // an unclosed comment runs to the end, as in a browser
      emit(html.slice(lt, end));
      i = end;
      continue;
    }
    if (gt !== -1 && gt < lt) gt = html.indexOf('>', lt);
    const m = gt === -1 ? null : NAME.exec(html.slice(lt, Math.min(gt, lt + 200)));
    if (gt !== -1 && (html[lt + 1] === '!' || html[lt + 1] === '?')) {
      const piece = html.slice(lt, gt + 1);
      if (!/^<!doctype/i.test(piece)) emit(piece); // the doctype is written once, at the top
      i = gt + 1;
      continue;
    }
    if (!m) {
      // a '<' that starts no tag is text ("a < b")
      if (!inBody) toBody();
      emit('&lt;');
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt, gt);
    const tag = html.slice(lt, end);
    i = end;
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    if (SKELETON.has(name)) {
      if (!closing && name === 'html') htmlTag = tag;
      if (!closing && name === 'body') bodyTag = tag;
      if (name === 'body' || (closing && name === 'head')) toBody();
      continue;
    }
    if (!inBody && !HEAD_CONTENT.has(name)) toBody();
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) closeTo(at);
      else if ((dropped.get(name) ?? 0) > 0) dropped.set(name, dropped.get(name)! - 1);
      // else a stray closing tag, dropped as a browser ignores it
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const found = close.exec(html);
      const end = found ? html.indexOf('>', found.index) + 1 : html.length;
      emit(html.slice(lt, end));
      i = end;
      continue;
    }
    if (VOID.has(name) || tag.endsWith('/>')) {
      emit(tag);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k] === name) {
          closeTo(k);
          break;
        }
        if (SCOPE.has(stack[k]!)) break;
      }
    }
    if (stack.length >= MAX_DEPTH) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      continue;
    }
    stack.push(name);
    emit(tag);
  }
  closeTo(0);
  return `<!DOCTYPE html>${htmlTag}<head>${head.join('')}</head>${bodyTag}${body.join('')}</body></html>`;
}

/** Where the tag at `lt` ends: past the first '>' outside quotes, if found within reach, else past `gt` (the first '>'). */
function tagEnd(html: string, lt: number, gt: number): number {
  let quote = '';
  const limit = Math.min(html.length, lt + QUOTED_REACH);
  for (let k = lt + 1; k < limit; k++) {
    const c = html[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k + 1;
  }
  return gt + 1;
}
