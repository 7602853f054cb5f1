import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CodePointMap, mergeOverlapping, parsePtcLabels, type PtcSpan, readPtcArticles, readPtcLabels, scoreFLC, scoreSI, scoreTC } from './ptc.js';

const span = (article: string, technique: string, start: number, end: number): PtcSpan => ({ article, technique, start, end });

describe('SI score (spans, labels ignored)', () => {
  it('gives partial credit for a partial overlap', () => {
    // gold [0,10), predicted [5,15): |s∩t| = 5, P = 5/10, R = 5/10
    const s = scoreSI([span('1', 'p', 5, 15)], [span('1', 'p', 0, 10)]);
    expect(s.precision).toBeCloseTo(0.5, 9);
    expect(s.recall).toBeCloseTo(0.5, 9);
    expect(s.f1).toBeCloseTo(0.5, 9);
  });

  it('merges overlapping spans on both sides before scoring', () => {
    // gold [0,10) and [5,20) merge into [0,20); predicted [0,4) and [2,8) merge into [0,8).
    // P = 8/8 = 1 over |S| = 1; R = 8/20 = 0.4 over |T| = 1; F1 = 2*0.4/1.4
    const s = scoreSI([span('1', 'p', 0, 4), span('1', 'p', 2, 8)], [span('1', 'a', 0, 10), span('1', 'b', 5, 20)]);
    expect(s.predicted).toBe(1);
    expect(s.gold).toBe(1);
    expect(s.precision).toBeCloseTo(1, 9);
    expect(s.recall).toBeCloseTo(0.4, 9);
    expect(s.f1).toBeCloseTo(0.8 / 1.4, 9);
  });

  it('keeps touching spans apart (they share no character)', () => {
    expect(mergeOverlapping([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toHaveLength(2);
    expect(mergeOverlapping([{ start: 0, end: 6 }, { start: 5, end: 9 }, { start: 8, end: 12 }])).toEqual([{ start: 0, end: 12 }]);
  });

  it('counts the gold spans of articles without predictions in |T|', () => {
    // article 1: predicted [0,10) = gold [0,10) -> P 1, R 1; article 2 has a gold span and no prediction.
    // P = 1/1, R = 1/2, F1 = 2/3
    const s = scoreSI([span('1', 'p', 0, 10)], [span('1', 'p', 0, 10), span('2', 'p', 0, 4)]);
    expect(s.precision).toBeCloseTo(1, 9);
    expect(s.recall).toBeCloseTo(0.5, 9);
    expect(s.f1).toBeCloseTo(2 / 3, 9);
  });

  it('sums one predicted span over several gold spans', () => {
    // predicted [0,20); gold [0,5) and [10,20): P = (5+10)/20 = 0.75 over |S|=1; R = (1 + 1)/2 = 1
    const s = scoreSI([span('1', 'p', 0, 20)], [span('1', 'p', 0, 5), span('1', 'p', 10, 20)]);
    expect(s.precision).toBeCloseTo(0.75, 9);
    expect(s.recall).toBeCloseTo(1, 9);
  });

  it('is 0 with no prediction, 1 with nothing to find and nothing found', () => {
    expect(scoreSI([], [span('1', 'p', 0, 4)]).f1).toBe(0);
    expect(scoreSI([], []).f1).toBe(1);
  });

  it('refuses predictions for articles the gold does not have', () => {
    expect(() => scoreSI([span('9', 'p', 0, 4)], [span('1', 'p', 0, 4)])).toThrow(/not in the gold/);
  });
});

describe('FLC score (spans with techniques)', () => {
  it('counts only pairs with the same technique, merging within a technique only', () => {
    // gold: Loaded [0,10), Doubt [5,15) (not merged: different techniques)
    // predicted: Loaded [0,5), Loaded [3,8) -> merged Loaded [0,8); Doubt [20,25) matches nothing
    // P = (8/8 + 0) / 2 = 0.5; R = (8/10 + 0) / 2 = 0.4; F1 = 0.4/0.9
    const s = scoreFLC(
      [span('1', 'Loaded_Language', 0, 5), span('1', 'Loaded_Language', 3, 8), span('1', 'Doubt', 20, 25)],
      [span('1', 'Loaded_Language', 0, 10), span('1', 'Doubt', 5, 15)],
    );
    expect(s.predicted).toBe(2);
    expect(s.gold).toBe(2);
    expect(s.precision).toBeCloseTo(0.5, 9);
    expect(s.recall).toBeCloseTo(0.4, 9);
    expect(s.f1).toBeCloseTo(0.4 / 0.9, 9);
  });

  it('gives no credit for the right span with the wrong technique', () => {
    expect(scoreFLC([span('1', 'Doubt', 0, 10)], [span('1', 'Slogans', 0, 10)]).f1).toBe(0);
  });
});

describe('TC score (given spans)', () => {
  it('is the share of spans labelled right', () => {
    const gold = [span('1', 'Doubt', 0, 5), span('1', 'Slogans', 7, 9), span('2', 'Repetition', 1, 3)];
    const pred = [span('1', 'Doubt', 0, 5), span('1', 'Doubt', 7, 9), span('2', 'Repetition', 1, 3)];
    expect(scoreTC(pred, gold)).toEqual({ f1: 2 / 3, correct: 2, total: 3 });
  });

  it('aligns the labels of a span listed twice to maximise matches', () => {
    const gold = [span('1', 'Doubt', 0, 5), span('1', 'Loaded_Language', 0, 5)];
    const pred = [span('1', 'Loaded_Language', 0, 5), span('1', 'Doubt', 0, 5)];
    expect(scoreTC(pred, gold).correct).toBe(2);
  });

  it('refuses predictions that do not cover the gold spans', () => {
    expect(() => scoreTC([span('1', 'Doubt', 0, 4)], [span('1', 'Doubt', 0, 5)])).toThrow();
  });
});

describe('PTC files', () => {
  it('parses 4- and 3-column lines (SI files have no technique)', () => {
    expect(parsePtcLabels('1\tDoubt\t3\t9\r\n2\t4\t8\n')).toEqual([span('1', 'Doubt', 3, 9), span('2', 'propaganda', 4, 8)]);
    expect(() => parsePtcLabels('1\tDoubt\t9\t3\n')).toThrow(/bad span/);
  });

  it('reads articles exactly, BOM and \\r included, and label folders with empty files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptc-'));
    writeFileSync(join(dir, 'article7.txt'), '\uFEFFTitle\r\n\r\nBody.');
    writeFileSync(join(dir, 'article7.labels'), '7\tDoubt\t1\t6\n');
    writeFileSync(join(dir, 'article8.labels'), '');
    expect(readPtcArticles(dir).get('7')).toBe('\uFEFFTitle\r\n\r\nBody.');
    const { spans, articles } = readPtcLabels(dir);
    expect(spans).toEqual([span('7', 'Doubt', 1, 6)]);
    expect([...articles]).toEqual(['7', '8']);
  });

  it('maps code point offsets (PTC) to UTF-16 offsets (ours) past an emoji', () => {
    const text = 'a\u{1F600}bc';
    const map = new CodePointMap(text);
    // code points: a=0, 😀=1, b=2, c=3; UTF-16: a=0, 😀=1..2, b=3, c=4
    expect(map.utf16(2)).toBe(3);
    expect(map.utf16(4)).toBe(5);
    expect(map.codePoint(3)).toBe(2);
    expect(text.slice(map.utf16(2), map.utf16(4))).toBe('bc');
    expect(new CodePointMap('plain').utf16(3)).toBe(3);
  });
});
