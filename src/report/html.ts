import type { Analysis } from '../core/schema.js';

/** Self-contained HTML report (minimal version; completed below). */
export function renderHtml(a: Analysis): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.document.title ?? 'unspin report')}</title></head><body><pre>${esc(a.document.text)}</pre></body></html>\n`;
}
