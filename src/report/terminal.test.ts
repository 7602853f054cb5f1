import { describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../testing/report-fixtures.js';
import { datelineLabel, lineCol, lineIndex, techniqueSentenceShare, wordCount } from './stats.js';
import { TECHNIQUE_DOCS } from '../techniques/docs.js';
import { SECTIONS, renderBatchSummary, renderTerminal, wrap } from './terminal.js';
import { techniqueMessage } from '../techniques/message.js';

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

describe('datelineLabel', () => {
  it('says where, when and by whom the story was filed, in its own spelling', () => {
    const text = 'KYIV, Ukraine, May 3 (AP) — Shelling resumed.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const dateline = { start: 0, end: text.indexOf('Shelling'), place: at('KYIV'), region: at('Ukraine'), date: { ...at('May 3'), month: 5, day: 3, year: null }, agency: at('AP') };
    expect(datelineLabel({ text, dateline })).toBe('filed in KYIV, Ukraine, on May 3, by AP');
    expect(datelineLabel({ text: 'CNN — Shelling resumed.', dateline: { start: 0, end: 6, agency: { start: 0, end: 3 } } })).toBe('filed by CNN');
    expect(datelineLabel({ text })).toBeNull();
  });
});

describe('renderTerminal', () => {
  const a = fixtureAnalysis();
  const out = renderTerminal(a, { color: false });
  const all = renderTerminal(a, { color: false, sections: new Set(SECTIONS) });
  const TITLES = ['sourcing', 'findings', 'entities', 'attributions', 'times', 'techniques', 'timeline', 'timings'];
  const section = (text: string, name: string) => {
    const lines = text.split('\n');
    const from = lines.indexOf(name) + 1;
    const to = lines.findIndex((l, i) => i >= from && (TITLES.includes(l) || l === ''));
    return lines.slice(from, to);
  };

  it('starts with the path, the title, the facts, the layers, and what went wrong', () => {
    const lines = out.split('\n');
    expect(lines[0]).toBe('examples/fixture.txt  Shelling hits Kharkiv overnight');
    expect(lines[1]).toMatch(/^  en · published 2025-12-15 · \d+ words · Example News$/);
    expect(lines[2]).toBe('  5 entities · 3 attributions · 4 times · 4 techniques · 2 events');
    // warnings and cuts before any finding: the reader knows the report is partial
    expect(lines[3]).toBe('  cut (time budget spent): events-deep');
    expect(lines[4]).toBe('  warning: no byline found');
  });

  it('says in the header that a layer was cut, not that it found nothing', () => {
    const cutAttributions = { rule: 'time-budget', source: 'pipeline', severity: 'warning', message: 'attributions (time budget of 150 ms spent)', spans: [], evidence: { analyzer: 'attributions', layer: 'attributions' } };
    const partial = { ...a, attributions: [], cut: [...a.cut, cutAttributions] } as typeof a;
    const lines = renderTerminal(partial, { color: false }).split('\n');
    expect(lines[2]).toBe('  5 entities · attributions cut · 4 times · 4 techniques · 2 events');
    expect(lines[3]).toBe('  cut (time budget spent): events-deep, attributions (time budget of 150 ms spent)');
  });

  it('by default shows the sourcing profile and the findings only', () => {
    expect(out.split('\n').filter((l) => TITLES.includes(l))).toEqual(['sourcing', 'findings']);
    expect(section(out, 'sourcing')[0]).toMatch(/factual sentences: \d+% unattributed/);
    expect(all.split('\n').filter((l) => TITLES.includes(l))).toEqual(['sourcing', 'findings', 'entities', 'attributions', 'times', 'techniques', 'timeline', 'timings']);
  });

  it('prints findings as path:line:col  severity  message  rule, as ESLint and ripgrep do', () => {
    const where = lineCol(a.document.text, a.findings[0]!.spans[0]!.start);
    expect(section(out, 'findings')[0]).toMatch(new RegExp(`^examples/fixture.txt:${where.line}:${where.col} +warning +'14 December'.*  date-weekday-mismatch$`));
  });

  it('names stdin <stdin>', () => {
    const piped = fixtureAnalysis();
    piped.document.source = { kind: 'stdin' };
    expect(renderTerminal(piped, { color: false })).toMatch(/\n<stdin>:\d+:\d+ +warning/);
  });

  it('quotes the head of a long claim, cut with an ellipsis', () => {
    const long = fixtureAnalysis();
    const start = long.document.text.length + 1;
    long.document.text += ` ${'the claim goes on '.repeat(50_000)}`;
    long.attributions[0]!.content = { start, end: long.document.text.length };
    const row = renderTerminal(long, { color: false, sections: new Set(['attributions']) }).split('\n').find((l) => l.includes('“the claim goes on'))!;
    expect(row).toMatch(/“the claim goes on the claim goes on[^”]*…”/);
    expect(row.length).toBeLessThan(400);
  });

  it('wraps rows to the width, indenting continuations, and never breaks a quotation', () => {
    const wrapped = renderTerminal(a, { color: false, width: 60, sections: new Set(SECTIONS) });
    for (const line of wrapped.split('\n')) {
      // a line is longer than the width only when it holds one quotation that is itself longer
      if (line.length > 60) expect(line.trim()).toMatch(/^(\S+\s+){0,3}“[^”]*”\S*$/);
    }
    const quotes = (text: string) => text.match(/“[^”]*”/g) ?? [];
    // the same quotations, whole, as without wrapping
    expect(quotes(wrapped)).toEqual(quotes(all));
    expect(wrap('ab  ', 4, ['one', 'two', '“three four five”', 'rule'], 14, 2)).toEqual(['ab  one two', '    “three four five”', '    rule']);
  });

  it('sorts rows by position and shows cues, chains and place candidates', () => {
    const techniques = section(all, 'techniques');
    const positions = techniques.map((l) => l.split(/\s+/)[0]!.split(':').slice(1).map(Number));
    expect(positions).toEqual([...positions].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    expect(techniques.join('\n')).toContain('cues: dehumanising noun for a group');
    // readable technique names, not PTC labels
    expect(techniques.join('\n')).toContain(TECHNIQUE_DOCS['Name_Calling,Labeling']!.label);
    expect(techniques.join('\n')).not.toContain('Name_Calling,Labeling');
    expect(section(all, 'attributions').join('\n')).toContain('Oleh Petrenko -> Ukrinform -> article');
    // a source that refers back names what it stands for
    expect(section(all, 'attributions').join('\n')).toMatch(/ he \(= Oleh Petrenko\) -> article/);
    // each entity at its first mention
    const kharkiv = a.entities.find((e) => e.name === 'Kharkiv')!;
    const first = lineCol(a.document.text, kharkiv.mentions[0]!.start);
    expect(section(all, 'entities').find((l) => l.includes(' Kharkiv '))).toMatch(new RegExp(`^examples/fixture.txt:${first.line}:${first.col} `));
    const person = a.entities.find((e) => e.type === 'person')!;
    const second = lineCol(a.document.text, person.mentions[0]!.start);
    expect(section(all, 'entities').find((l) => l.includes(person.name))).toMatch(new RegExp(`^examples/fixture.txt:${second.line}:${second.col} `));
    const izium = section(all, 'entities').find((l) => l.includes('Izium'))!;
    expect(izium).toContain('GeoNames 707688');
    expect(izium).toContain('low confidence: candidates Izium UA 707688 (0.41), Izyum RU 555312 (0.37)');
    expect(section(all, 'entities').find((l) => l.includes('Kharkiv'))).not.toContain('low confidence');
  });

  it('lists events as a timeline in date order, marking partial dates', () => {
    const timeline = section(all, 'timeline');
    expect(timeline[0]).toMatch(/deployment\/presence +2025-03 \(partial\): “300 soldiers had been deployed near Izium”.*actors: 300 soldiers \[deployed, UA\]/);
    expect(timeline[1]).toMatch(/shelling +2025-12-13: shelling hit Kharkiv overnight +in Kharkiv/);
  });

  it('prints the timings only when asked', () => {
    expect(out).not.toContain('timings');
    expect(all).toContain('sentences 1.2 ms, entities 3.4 ms (total 4.6 ms)');
  });

  it('colours only when asked', () => {
    expect(out).not.toContain('\x1b[');
    expect(renderTerminal(a, { color: true })).toContain('\x1b[33mwarning\x1b[39m');
  });

  it('does not pass terminal escape sequences from the article through', () => {
    const hostile = fixtureAnalysis();
    hostile.document.title = 'Title\x1b]0;owned\x07\x1b[2J';
    hostile.findings[0]!.message = 'bad\x1b[31m message';
    const text = renderTerminal(hostile, { color: false, sections: new Set(SECTIONS) });
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
  });

  it('renders thousands of rows on one 200k-character line quickly', () => {
    const text = 'a'.repeat(200_000);
    const techniques = Array.from({ length: 5_000 }, (_, i) => techniqueMessage(text, { technique: 'Doubt', start: i * 40, end: i * 40 + 60, confidence: 0.5 }));
    const big = { ...a, document: { ...a.document, text }, entities: [], attributions: [], times: [], events: [], findings: [], techniques };
    const t0 = performance.now();
    const out = renderTerminal(big, { color: true, width: 100, sections: new Set(SECTIONS) });
    expect(performance.now() - t0).toBeLessThan(5000); // a column scan per row would take tens of seconds
    expect(out).toContain('examples/fixture.txt:1:199961');
  });

  it('takes a finding with 200,000 spans (no spread of a huge array onto the stack)', () => {
    const text = 'word '.repeat(200_000);
    const spans = Array.from({ length: 200_000 }, (_, i) => ({ start: i * 5, end: i * 5 + 4 }));
    const huge = { ...a, document: { ...a.document, text }, findings: [{ ...a.findings[0]!, spans }] };
    expect(renderTerminal(huge, { color: false })).toContain('examples/fixture.txt:1:1 ');
  });

  it('renders an empty analysis, saying there are no findings', () => {
    const empty = { ...a, entities: [], attributions: [], times: [], techniques: [], events: [], findings: [], cut: [], warnings: [], timings: [] };
    delete (empty as { sourcing?: unknown }).sourcing;
    const text = renderTerminal(empty, { color: false, sections: new Set(SECTIONS) });
    expect(section(text, 'findings')).toEqual(['  no findings']);
    expect(text).toContain('0 entities');
  });
});

describe('renderBatchSummary', () => {
  it('tabulates findings by rule over the articles, and the failures', () => {
    const a = fixtureAnalysis();
    const b = fixtureAnalysis();
    const text = renderBatchSummary([a, b], [{ name: 'gone.txt', message: 'cannot read gone.txt: no such file' }], { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('summary: 3 articles, 2 analysed, 1 failed, 4 findings');
    expect(lines[1]).toMatch(/^  rule +severity +findings +articles$/);
    expect(lines.slice(2, 4).map((l) => l.trim().split(/\s+/))).toEqual([
      // as many of each: alphabetical
      ['anonymous-source', 'info', '2', '2'],
      ['date-weekday-mismatch', 'warning', '2', '2'],
    ]);
    expect(lines[4]).toBe('  failed  gone.txt: cannot read gone.txt: no such file');
  });
});

describe('renderTerminal on a huge report', () => {
  // Issue 18: '"a" ' x 125,000 overflowed the stack (Math.max(...rows)), in the terminal and under --html.
  it('formats 125,000 rows of each kind without a spread of them', () => {
    const a = fixtureAnalysis();
    const many = <T>(xs: readonly T[]): T[] => Array.from({ length: 125_000 }, (_, i) => xs[i % xs.length]!);
    a.attributions = many(a.attributions);
    a.times = many(a.times);
    a.techniques = many(a.techniques);
    const out = renderTerminal(a, { color: false, sections: new Set(SECTIONS), width: 100 });
    expect(out.split('\n').length).toBeGreaterThan(3 * 125_000);
  }, 60_000);
});
