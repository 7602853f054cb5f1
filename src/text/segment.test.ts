import { describe, expect, it } from 'vitest';
import { segment } from './segment.js';

describe('segment', () => {
  it('splits English into sentences and tokens whose offsets slice the text exactly', () => {
    const text = 'Gen. Ivanov said on Monday that the town fell. Kyiv denied it!\n\n“We hold it,” a spokesman said.';
    const { sentences, tokens } = segment(text, 'en');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Gen. Ivanov said on Monday that the town fell.',
      'Kyiv denied it!',
      '“We hold it,” a spokesman said.',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'said')?.pos).toBe('VERB');
    expect(tokens.find((t) => t.text === 'Kyiv')?.sentence).toBe(1);
  });

  it('keeps offsets exact around astral characters and odd spacing', () => {
    const text = '😀 Emoji first.   Then   wide   gaps.';
    const { tokens } = segment(text, 'en');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('gaps');
  });

  it('segments Russian with Intl.Segmenter', () => {
    const text = 'Войска вошли в Покровск. Киев это отрицает.';
    const { sentences, tokens } = segment(text, 'ru');
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Войска вошли в Покровск.', 'Киев это отрицает.']);
    expect(tokens.filter((t) => t.pos === 'X').map((t) => t.text)).toContain('Покровск');
    expect(tokens.at(-1)).toMatchObject({ text: '.', pos: 'PUNCT', sentence: 1 });
  });

  it('returns nothing for whitespace', () => {
    expect(segment('   \n ', 'en')).toEqual({ sentences: [], tokens: [] });
  });
});

describe('segment on hostile input', () => {
  it('finds the sentences of a long text in other languages in windows, as the whole text would give them', () => {
    const unit = 'Мэр г. Киева сказал, что мост откроют в 2025 г. Это, т. е. ремонт, «займёт время». Почему? ';
    const text = unit.repeat(3_000); // 290 KB: the whole-text segmenter takes seconds on it
    const t0 = performance.now();
    const { sentences } = segment(text, 'ru');
    expect(performance.now() - t0).toBeLessThan(3000);
    const piece = unit.repeat(40);
    const whole = [...new Intl.Segmenter('ru', { granularity: 'sentence' }).segment(piece)].map((x) => x.segment.trim()).filter(Boolean);
    expect(sentences.slice(0, whole.length).map((x) => text.slice(x.start, x.end))).toEqual(whole);
    expect(sentences).toHaveLength((whole.length / 40) * 3_000);
  });
  it('segments a long run-on sentence in other languages in linear time, no word split', () => {
    const text = 'Киев Покровск Гуляйполе 😀 '.repeat(20_000);
    const t0 = performance.now();
    const { sentences, tokens } = segment(text, 'ru');
    expect(performance.now() - t0).toBeLessThan(3000); // whole, the word segmenter takes minutes
    // no real sentence is 10,000 characters long: such a run is cut there, at a space
    expect(sentences.every((x) => x.end - x.start <= 10_000 && /\s/.test(text[x.end]!))).toBe(true);
    expect(tokens.filter((t) => t.pos === 'X').map((t) => t.text)).toEqual(text.trim().split(/\s+/).filter((w) => w !== '😀'));
    for (const t of tokens.slice(0, 2000)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps overlong non-space runs as single tokens without feeding them to wink (which is quadratic)', () => {
    const junk = 'a'.repeat(200_000);
    const text = `A real sentence. ${junk} Another one.`;
    const t0 = performance.now();
    const { sentences, tokens } = segment(text, 'en');
    expect(performance.now() - t0).toBeLessThan(2_000);
    const long = tokens.find((t) => t.text === junk)!;
    expect(long).toMatchObject({ start: 17, end: 17 + junk.length, pos: 'X' });
    expect(sentences[long.sentence]!.start).toBeLessThanOrEqual(long.start);
    expect(sentences[long.sentence]!.end).toBeGreaterThanOrEqual(long.end);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toContain('Another');
  });

  it('stays fast on punctuation storms and endless short words', () => {
    for (const text of ['"'.repeat(100_000), 'aaa, '.repeat(20_000), '.'.repeat(100_000)]) {
      const t0 = performance.now();
      segment(text, 'en');
      expect(performance.now() - t0).toBeLessThan(5_000);
    }
  });
});

describe('segment on many overlong runs', () => {
  it('places 32,000 junk runs of 200 characters in time linear in the text (was quadratic: 10 s)', () => {
    const junk = 'x'.repeat(200);
    const text = Array.from({ length: 32_000 }, (_, i) => `Said ${i}. ${junk}`).join(' '); // 7 MB
    // the same text with the runs blanked, as wink reads it: the time wink takes is the baseline
    const masked = text.replace(/\S{200,}/g, (run) => ' '.repeat(run.length));
    segment('Warm up. The model loads once.', 'en');
    // CPU time of this process (each test file runs in a fork): load from others does not count
    const cpu = (t0: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(t0);
      return (user + system) / 1000;
    };
    let t0 = process.cpuUsage();
    segment(masked, 'en');
    const base = cpu(t0);
    t0 = process.cpuUsage();
    const layer = segment(text, 'en');
    const ms = cpu(t0);
    // putting the runs back costs little beside wink (measured 1.0-1.6 times the baseline); a
    // search of the sentences per run made it 15 times (9-10 s).
    expect(ms / base).toBeLessThan(4);
    const runs = layer.tokens.filter((t) => t.text === junk);
    expect(runs).toHaveLength(32_000);
    // each run is a token, inside its sentence (one of its own, or joined to the one before by the repair)
    const outside = runs.filter((t) => !(layer.sentences[t.sentence]!.start <= t.start && t.end <= layer.sentences[t.sentence]!.end));
    expect(outside).toEqual([]);
    for (const t of layer.tokens.slice(0, 3000)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
