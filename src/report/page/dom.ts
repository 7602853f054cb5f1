/**
 * DOM helpers of the page script: every string goes in as a text node, never as markup, so no
 * text from the article or the analysis can become an element.
 */
export type Kid = Node | string | number | null | undefined | false | Kid[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string | null, kids?: Kid): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (kids !== undefined) add(el, kids);
  return el;
}

export function add<E extends Node>(el: E, kids: Kid): E {
  for (const k of Array.isArray(kids) ? kids : [kids]) {
    if (k === null || k === undefined || k === false) continue;
    if (Array.isArray(k)) add(el, k);
    else el.appendChild(typeof k === 'object' ? k : document.createTextNode(String(k)));
  }
  return el;
}

export function clear<E extends Node>(el: E): E {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const squash = (s: string) => String(s).replace(/\s+/g, ' ').trim();
export function quote(s: string, n = 120): string {
  const t = squash(s);
  return `\u201c${t.length > n ? `${t.slice(0, n - 1)}\u2026` : t}\u201d`;
}
export const num = (x: number) => Number(x).toFixed(2);
export const pct = (x: number) => `${Math.round(x * 100)}%`;
export const badge = (text: string, cls?: string) => h('span', `badge${cls ? ` ${cls}` : ''}`, text);
export const row = (label: string, value: Kid) => h('p', null, [h('span', 'muted', `${label}: `), value]);
export const isDay = (v: string | null | undefined) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? '');

/** Something clickable that is not a button: reachable with Tab, run with Enter or Space. */
export function activate(el: HTMLElement, run: () => void): void {
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.addEventListener('click', run);
  el.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      run();
    }
  });
}
