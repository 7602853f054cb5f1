import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../core/paths.js';
import { REPORT_GENERATOR } from '../ingest/inputs.js';
import { describeWithShared } from '../testing/shared.js';
import { PAYLOADS, fixtureAnalysis } from '../testing/report-fixtures.js';
import { escapeScriptJson, renderHtml, writeHtml } from './html.js';
import { TECHNIQUE_DOCS, TECHNIQUES } from '../techniques/docs.js';
import { techniqueMessage } from '../techniques/message.js';

const dataOf = (html: string) => {
  const m = html.match(/<script type="application\/json" id="unspin-data">([^<]*)<\/script>/);
  if (!m) throw new Error('no data script');
  return JSON.parse(m[1]!) as { analysis: unknown; segs: number[][]; geo: unknown };
};
const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

describe('renderHtml', () => {
  const hostile = fixtureAnalysis({ hostile: true });
  const html = renderHtml(hostile);

  it('never writes article or analysis strings as markup', () => {
    for (const payload of Object.values(PAYLOADS)) expect(html).not.toContain(payload);
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<i onclick');
    // in the title and the noscript fallback they appear escaped
    expect(html).toContain('<title>&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;Shelling report · unspin</title>');
  });

  it('carries the analysis as JSON that reads back unchanged', () => {
    expect(dataOf(html).analysis).toEqual(hostile);
  });

  it('allows only its own inline scripts, by hash, and no request of any kind', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    const scripts = inlineScripts(html);
    expect(scripts.length).toBe(2); // Leaflet and ours
    for (const s of scripts) expect(csp).toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    // the markup and the styles (Leaflet's code holds an unused link to its site, as a string)
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    const found = (re: RegExp) => markup.match(re)?.[0];
    expect(found(/<(link|iframe|img|object|embed)\b/i)).toBeUndefined();
    expect(found(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i)).toBeUndefined();
    expect(found(/url\(\s*["']?(?!#)[^)]/i)).toBeUndefined();
    expect(found(/@import/i)).toBeUndefined();
    expect(html.includes('sourceMappingURL')).toBe(false);
  });

  it('leaves the map (and Leaflet) out when no place has coordinates', () => {
    const a = fixtureAnalysis();
    const noPlaces = { ...a, entities: a.entities.map(({ place: _place, ...e }) => e) };
    const page = renderHtml(noPlaces);
    expect(dataOf(page).geo).toBeNull();
    expect(inlineScripts(page).length).toBe(1);
    expect(page.length).toBeLessThan(html.length / 3);
  });

  it('cuts overlapping spans into segments of the text', () => {
    const { segs } = dataOf(renderHtml(fixtureAnalysis()));
    for (let i = 1; i < segs.length; i++) expect(segs[i]![0]).toBeGreaterThanOrEqual(segs[i - 1]![1]!);
    expect(segs.some((s) => s.length > 4)).toBe(true); // some segment is covered by three spans or more
  });

  it('renders a long adversarial text quickly', () => {
    const text = '"<a>'.repeat(50_000);
    const a = fixtureAnalysis();
    const techniques = Array.from({ length: 5_000 }, (_, i) => techniqueMessage(text, { technique: 'Doubt', start: i * 40, end: i * 40 + 60, confidence: 0.5 }));
    const big = { ...a, document: { ...a.document, text }, entities: [], attributions: [], times: [], events: [], findings: [], techniques };
    const t0 = performance.now();
    const page = renderHtml(big);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(page).not.toContain('<a>');
  });
});

describe('escapeScriptJson', () => {
  it('escapes what could end a script element or break a JS string', () => {
    const s = escapeScriptJson(JSON.stringify({ t: '</script><!-- & \u2028\u2029' }));
    expect(s).toBe('{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
    expect(JSON.parse(s)).toEqual({ t: '</script><!-- & \u2028\u2029' });
  });
});

describe('technique docs', () => {
  it('give a label, a definition and an example for each of the 14 classes', () => {
    expect(TECHNIQUES).toHaveLength(14);
    for (const doc of Object.values(TECHNIQUE_DOCS)) {
      expect(doc.label.length).toBeGreaterThan(3);
      expect(doc.definition.length).toBeGreaterThan(40);
      expect(doc.example.length).toBeGreaterThan(10);
    }
  });
});

describeWithShared(['data', 'ptc', 'techniques-14.txt'], 'technique docs against PTC', () => {
  it('are keyed by the exact class names of techniques-14.txt, in its order', () => {
    const names = readFileSync(sharedPath('data', 'ptc', 'techniques-14.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(TECHNIQUES).toEqual(names);
  });
});

describe('renderHtml: marks its own reports', () => {
  it('names its generator in the first 2 KB, where folder walks look for it', () => {
    expect(renderHtml(fixtureAnalysis()).slice(0, 2048)).toContain(REPORT_GENERATOR);
  });
});

describe('renderHtml on a huge report', () => {
  // Issue 18: '"a" ' x 125,000 also overflowed the stack under --html.
  it('writes a page for 125,000 rows of each kind', () => {
    const a = fixtureAnalysis();
    const many = <T>(xs: readonly T[]): T[] => Array.from({ length: 125_000 }, (_, i) => xs[i % xs.length]!);
    a.attributions = many(a.attributions);
    a.times = many(a.times);
    a.techniques = many(a.techniques);
    expect(renderHtml(a).length).toBeGreaterThan(125_000);
  }, 60_000);
});

describe('writeHtml', () => {
  it('writes the page in pieces, the same text as renderHtml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-html-'));
    try {
      const a = fixtureAnalysis();
      writeHtml(join(dir, 'page.html'), a, 1_000);
      expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe(renderHtml(a));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
