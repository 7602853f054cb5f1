import { describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../testing/report-fixtures.js';
import { lineCol, lineIndex, techniqueSentenceShare, wordCount } from './stats.js';
import { renderTerminal } from './terminal.js';

describe('lineCol', () => {
  it('gives 1-based lines and columns', () => {
    const text = 'ab\ncd\n\nef';
    expect(lineCol(text, 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol(text, 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol(text, 6)).toEqual({ line: 3, col: 1 });
    expect(lineCol(text, 7)).toEqual({ line: 4, col: 1 });
    expect(lineCol(text, text.length)).toEqual({ line: 4, col: 3 });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const text = '😀😀 x';
    expect(lineCol(text, text.indexOf('x'))).toEqual({ line: 1, col: 4 });
  });

  it('maps many offsets of a long text quickly', () => {
    const text = 'word '.repeat(40_000).replace(/ /g, (_, i: number) => (i % 80 === 79 ? '\n' : ' '));
    const at = lineIndex(text);
    const t0 = performance.now();
    for (let o = 0; o < text.length; o += 7) at(o);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('stats', () => {
  it('counts words with inner apostrophes and hyphens as one', () => {
    expect(wordCount("Don't re-open it — 3 times.")).toBe(5);
  });
  it('gives the share of sentences overlapping a technique', () => {
    const sentences = [{ start: 0, end: 10 }, { start: 11, end: 20 }, { start: 21, end: 30 }, { start: 31, end: 40 }];
    const t = (start: number, end: number) => ({ technique: 'Doubt', start, end, confidence: 1 });
    expect(techniqueSentenceShare({ sentences, techniques: [t(0, 40), t(12, 14)] })).toBe(1);
    expect(techniqueSentenceShare({ sentences, techniques: [t(12, 14), t(18, 22)] })).toBe(0.5);
    expect(techniqueSentenceShare({ sentences: [], techniques: [t(1, 2)] })).toBe(0);
  });
});

describe('renderTerminal', () => {
  const a = fixtureAnalysis();
  const out = renderTerminal(a, { color: false });
  const lines = out.split('\n');
  const section = (name: string) => {
    const from = lines.indexOf(name) + 1;
    const to = lines.findIndex((l, i) => i > from && l === '');
    return lines.slice(from, to);
  };

  it('starts with the title and the document facts', () => {
    expect(lines[0]).toBe('Shelling hits Kharkiv overnight');
    expect(lines[1]).toContain('en');
    expect(lines[1]).toContain('published 2025-12-15');
    expect(lines[1]).toMatch(/\d+ words/);
    expect(lines[1]).toContain('Example News');
  });

  it('quotes the head of a long claim, cut with an ellipsis', () => {
    const long = fixtureAnalysis();
    const start = long.document.text.length + 1;
    long.document.text += ` ${'the claim goes on '.repeat(50_000)}`;
    long.attributions[0]!.content = { start, end: long.document.text.length };
    const row = renderTerminal(long, { color: false }).split('\n').find((l) => l.includes('"the claim goes on'))!;
    expect(row).toMatch(/"the claim goes on the claim goes on[^"]*…"/);
    expect(row.length).toBeLessThan(400);
  });

  it('counts each layer by kind', () => {
    expect(out).toMatch(/entities +5 +place 2, organization 1, outlet 1, person 1/);
    expect(out).toMatch(/attributions +3 +named-person 2, anonymous 1/);
    expect(out).toMatch(/findings +2 +info 1, warning 1/);
  });

  it('prints findings as line:col severity message rule', () => {
    const where = lineCol(a.document.text, a.findings[0]!.spans[0]!.start);
    expect(section('findings')[0]).toMatch(new RegExp(`^  ${where.line}:${where.col} +warning +'14 December'.*date-weekday-mismatch$`));
  });

  it('sorts rows by position and shows cues, chains and place candidates', () => {
    const techniques = section('techniques');
    const positions = techniques.map((l) => l.trim().split(/\s+/)[0]!.split(':').map(Number));
    expect(positions).toEqual([...positions].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    expect(techniques.join('\n')).toContain('cues: dehumanising noun for a group');
    expect(section('attributions').join('\n')).toContain('Oleh Petrenko -> Ukrinform -> article');
    // a source that refers back names what it stands for
    expect(section('attributions').join('\n')).toMatch(/ he \(= Oleh Petrenko\) -> article/);
    const izium = section('entities').find((l) => l.includes('Izium'))!;
    expect(izium).toContain('GeoNames 707688');
    expect(izium).toContain('low confidence: candidates Izium UA 707688 (0.41), Izyum RU 555312 (0.37)');
    expect(section('entities').find((l) => l.includes('Kharkiv'))).not.toContain('low confidence');
  });

  it('lists events as a timeline in date order, marking partial dates', () => {
    const timeline = section('timeline');
    expect(timeline[0]).toMatch(/deployment\/presence +2025-03 \(partial\) +"300 soldiers had been deployed near Izium".*actors: 300 soldiers \[deployed, UA\]/);
    expect(timeline[1]).toMatch(/shelling +2025-12-13 +shelling hit Kharkiv overnight +at Kharkiv/);
  });

  it('names what was cut, the warnings and the timings', () => {
    expect(out).toContain('cut (time budget spent): events-deep');
    expect(out).toContain('warning: no byline found');
    expect(out).toContain('timings: sentences 1.2 ms, entities 3.4 ms (total 4.6 ms)');
  });

  it('colours only when asked', () => {
    expect(out).not.toContain('\x1b[');
    expect(renderTerminal(a, { color: true })).toContain('\x1b[33mwarning\x1b[39m');
  });

  it('does not pass terminal escape sequences from the article through', () => {
    const hostile = fixtureAnalysis();
    hostile.document.title = 'Title\x1b]0;owned\x07\x1b[2J';
    hostile.findings[0]!.message = 'bad\x1b[31m message';
    const text = renderTerminal(hostile, { color: false });
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
  });

  it('renders thousands of rows on one 200k-character line quickly', () => {
    const text = 'a'.repeat(200_000);
    const techniques = Array.from({ length: 5_000 }, (_, i) => ({ technique: 'Doubt', start: i * 40, end: i * 40 + 60, confidence: 0.5 }));
    const big = { ...a, document: { ...a.document, text }, entities: [], attributions: [], times: [], events: [], findings: [], techniques };
    const t0 = performance.now();
    const out = renderTerminal(big, { color: true });
    expect(performance.now() - t0).toBeLessThan(5000); // a column scan per row would take tens of seconds
    expect(out).toContain('1:199961');
  });

  it('renders an empty analysis without sections', () => {
    const empty = { ...a, entities: [], attributions: [], times: [], techniques: [], events: [], findings: [], cut: [], warnings: [], timings: [] };
    delete (empty as { sourcing?: unknown }).sourcing;
    const text = renderTerminal(empty, { color: false });
    expect(text).not.toContain('\nfindings\n');
    expect(text).toMatch(/entities +0/);
  });
});
