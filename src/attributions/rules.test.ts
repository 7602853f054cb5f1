import { describe, expect, it } from 'vitest';
import { segment } from '../text/segment.js';
import { quoteState } from './features.js';
import type { Group } from './group.js';
import { coordinatedCues, participleCues, passiveAgent, ruleGroups } from './rules.js';

const sentenceOf = (text: string) => [{ start: 0, end: text.length }];
const slice = (text: string, s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : null);

describe('ruleGroups', () => {
  it('reads "according to X, CLAIM" and skips a relative clause after the source', () => {
    const text = 'According to a harbour official, who spoke to local radio, the ferry will resume on Monday.';
    const [g] = ruleGroups(text, sentenceOf(text));
    expect(slice(text, g!.cue)).toBe('According to');
    expect(slice(text, g!.source)).toBe('a harbour official');
    expect(g!.contents.map((c) => slice(text, c))).toEqual(['the ferry will resume on Monday']);
    expect(g!.mode).toBe('according-to');
  });

  it('reads a claim on both sides of ", as per X,"', () => {
    const text = 'The plan, as per the memo, is to close two depots.';
    const [g] = ruleGroups(text, sentenceOf(text));
    expect(slice(text, g!.source)).toBe('the memo');
    expect(g!.contents.map((c) => slice(text, c))).toEqual(['The plan', 'is to close two depots']);
  });

  it('reads a passive with an agent', () => {
    const text = 'The closure was described by the union as a breach of contract.';
    const [g] = ruleGroups(text, sentenceOf(text));
    expect(slice(text, g!.cue)).toBe('described');
    expect(slice(text, g!.source)).toBe('the union');
    expect(slice(text, g!.contents[0])).toBe('a breach of contract');
    expect(g!.mode).toBe('passive');
  });

  it('gives an agentless passive no source', () => {
    const text = 'His forecasts were later deemed far too rosy.';
    const [g] = ruleGroups(text, sentenceOf(text));
    expect(g!.source).toBeUndefined();
    expect(slice(text, g!.cue)).toBe('deemed');
    expect(slice(text, g!.contents[0])).toBe('far too rosy');
  });

  it('finds nothing in a sentence without attribution', () => {
    const text = 'The ferry left at noon and arrived at three.';
    expect(ruleGroups(text, sentenceOf(text))).toEqual([]);
  });

  it.each([
    ['a'.repeat(200_000)],
    ['"'.repeat(200_000)],
    ['aaa, '.repeat(40_000)],
    ['according to '.repeat(15_000)],
    ['was deemed by '.repeat(15_000)],
  ])('finishes fast on adversarial input (%#)', (text) => {
    const started = Date.now();
    ruleGroups(text, sentenceOf(text));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads a quotation signed with a dash and a name, on its line or the next', () => {
    const text = '“The dam will hold. The town is safe.” ― Ana Berg\n"We need a new bridge."\n\n- Sen. Cy Lee.\n“Not now.” — Reporting by Jo Kim';
    const signed = ruleGroups(text, sentenceOf(text)).filter((g) => g.mode === 'direct');
    expect(signed.map((g) => [slice(text, g.source), slice(text, g.cue), slice(text, g.contents[0])])).toEqual([
      ['Ana Berg', '―', '“The dam will hold. The town is safe.”'],
      ['Sen. Cy Lee', '-', '"We need a new bridge."'],
    ]);
  });
});

describe('passiveAgent', () => {
  const at = (text: string, piece: string) => ({ role: 'cue' as const, start: text.indexOf(piece), end: text.indexOf(piece) + piece.length });
  it('reads the agent after a passive cue, with "by" in the cue or after it, without the full stop', () => {
    const text = 'The plan has been endorsed by the regional farmers union.';
    const source = { ...at(text, 'The plan'), role: 'source' as const };
    expect(slice(text, passiveAgent(text, source, at(text, 'has been endorsed'), text.length) ?? undefined)).toBe('the regional farmers union');
    expect(slice(text, passiveAgent(text, source, at(text, 'has been endorsed by'), text.length) ?? undefined)).toBe('the regional farmers union');
  });
  it('leaves an active cue, a passive with no agent, and a source after the cue alone', () => {
    const text = 'The mayor endorsed by far the best plan. The plan was rejected. Endorsed by her was Ana.';
    expect(passiveAgent(text, { role: 'source', start: 0, end: 9 }, at(text, 'endorsed'), 40)).toBeNull();
    expect(passiveAgent(text, { ...at(text, 'The plan'), role: 'source' as const }, at(text, 'was rejected'), text.indexOf('Endorsed'))).toBeNull();
  });
});

describe('transcript speaker labels', () => {
  const speakers = (text: string) => ruleGroups(text, sentenceOf(text)).filter((g) => slice(text, g.cue) === ':');

  it('reads a named speaker, and a label used twice in a transcript', () => {
    const text = 'Gov. Ana Berg spoke to the host on Sunday.\n\n"HOST: Will the dam hold?\n\n"BERG: It will hold through the spring.\n\n"HOST: And after that?';
    const groups = speakers(text);
    expect(groups.map((g) => slice(text, g.source))).toEqual(['HOST', 'BERG', 'HOST']);
    expect(slice(text, groups[1]!.contents[0])).toBe('It will hold through the spring.');
    expect(groups[1]!.mode).toBe('direct');
  });

  it('does not read kickers, places or all-capital headlines as speakers', () => {
    const text = 'WATCH: The dam breaks.\n\nUKRAINE: Floods reach Kherson.\n\nREAD MORE: Rain in the west\n\nTHE PORT AUTHORITY: IS IT WORTH IT?\n\nIn Ukraine the rain goes on. The Port Authority met.';
    expect(speakers(text)).toEqual([]);
  });

  it('reads a headline opening with a named person, without its full stop', () => {
    const text = 'Ana Berg: The Dam Will Hold Through Spring.\n\nMayor Ana Berg spoke on Monday.';
    const groups = speakers(text);
    expect(groups.map((g) => [slice(text, g.source), slice(text, g.contents[0])])).toEqual([['Ana Berg', 'The Dam Will Hold Through Spring']]);
  });

  it('does not read a headline kicker in headline case as a speaker', () => {
    const text = 'The Latest: Floods reach Kherson.\n\nPoll: Most back the dam.\n\nThe Dam Goes On: rain in the west.\n\nBerg Goes On leave.';
    expect(speakers(text)).toEqual([]);
  });

  it('leaves a label nobody is named by alone outside a transcript', () => {
    const text = 'BERG: The dam will hold.\n\nThe engineers met on Monday.';
    expect(speakers(text)).toEqual([]);
  });

  it('stays linear on a huge run of labels', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `LABEL${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26 | 0))}: some words here`).join('\n');
    const t0 = performance.now();
    speakers(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('coordinatedCues', () => {
  const CUES = /^(?:said|vowed|warned|outlined|says|warns|refused)$/;
  /** One tagged group: source, cue and the content after it, given as substrings of the text. */
  const run = (text: string, source: string, cue: string, content: string) => {
    const { tokens } = segment(text, 'en');
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const g: Group = { source: { role: 'source', ...at(source) }, cue: { role: 'cue', ...at(cue) }, contents: [{ role: 'content', ...at(content) }], mode: 'indirect', sentence: 0 };
    const added = coordinatedCues(tokens, [g], (i) => CUES.test(tokens[i]!.text), () => quoteState(tokens, text));
    return { first: slice(text, g.contents[0]), added: added.map((a) => [slice(text, a.source), slice(text, a.cue), slice(text, a.contents[0])]) };
  };

  it('splits a second past-tense cue verb after "and" off the first one\'s content', () => {
    const text = 'The mayor outlined her flood plan and vowed to rebuild the dam by May.';
    expect(run(text, 'The mayor', 'outlined', 'her flood plan and vowed to rebuild the dam by May')).toEqual({
      first: 'her flood plan',
      added: [['The mayor', 'vowed', 'to rebuild the dam by May']],
    });
  });

  it('never leaves an empty or inverted claim when the content opens at the comma', () => {
    const text = 'Berg outlined, and vowed to rebuild the dam by May.';
    const { first, added } = run(text, 'Berg', 'outlined', ', and vowed to rebuild the dam by May');
    expect(first).toBe(',');
    expect(added).toEqual([['Berg', 'vowed', 'to rebuild the dam by May']]);
  });

  it('takes "against" into the cue', () => {
    const text = 'Berg said the port would close for a week and warned against travel to the coast.';
    expect(run(text, 'Berg', 'said', 'the port would close for a week and warned against travel to the coast').added).toEqual([
      ['Berg', 'warned against', 'travel to the coast'],
    ]);
  });

  it('leaves a verb that goes with a verb of the claim, or a verb in quotation marks', () => {
    const text = 'Police said the driver crashed the van and refused to stop.';
    expect(run(text, 'Police', 'said', 'the driver crashed the van and refused to stop').added).toEqual([]);
    const quoted = 'Berg said “the port stays open and warned everyone” on Friday.';
    expect(run(quoted, 'Berg', 'said', '“the port stays open and warned everyone”').added).toEqual([]);
    const tenses = 'Berg says the port stayed open and warned the crews.';
    expect(run(tenses, 'Berg', 'says', 'the port stayed open and warned the crews').added).toEqual([]);
  });
});

describe('participleCues', () => {
  const STRONG = /^(?:promising|saying|warning)$/;
  const run = (text: string, tagged: [source: string | null, cue: string, content: string][]) => {
    const { tokens } = segment(text, 'en');
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const groups: Group[] = tagged.map(([source, cue, content]) => ({
      ...(source ? { source: { role: 'source' as const, ...at(source) } } : {}),
      cue: { role: 'cue', ...at(cue) },
      contents: [{ role: 'content', ...at(content) }],
      mode: 'indirect',
      sentence: 0,
    }));
    const added = participleCues(text, tokens, groups, (i) => STRONG.test(tokens[i]!.text), () => quoteState(tokens, text));
    const show = (g: Group) => [slice(text, g.source), slice(text, g.cue), slice(text, g.contents[0])];
    return { groups: groups.map(show), added: added.map(show) };
  };

  it('gives a participle after a comma the subject of the clause before it', () => {
    const text = 'After the flood, Ana Berg met the engineers, promising to rebuild the dam by May.';
    expect(run(text, []).added).toEqual([['Ana Berg', 'promising', 'to rebuild the dam by May']]);
  });

  it('gives it the source of a cue before it in the sentence, and ends that cue\'s claim at the comma', () => {
    const text = 'Berg spoke to the engineers of the port, promising to rebuild the dam by May.';
    expect(run(text, [['Berg', 'spoke to', 'the engineers of the port, promising to rebuild the dam by May']])).toEqual({
      groups: [['Berg', 'spoke to', 'the engineers of the port']],
      added: [['Berg', 'promising', 'to rebuild the dam by May']],
    });
  });

  it('gives a participle the tagger read as a sourceless cue its subject', () => {
    const text = 'Berg has met the engineers, saying the dam will hold.';
    expect(run(text, [[null, 'saying', 'the dam will hold']])).toEqual({ groups: [['Berg', 'saying', 'the dam will hold']], added: [] });
  });

  it('leaves a participle whose subject is no name or personal pronoun, or that is quoted', () => {
    expect(run('The heavy rain flooded the valley, promising a hard winter for the farms.', []).added).toEqual([]);
    expect(run('Berg wrote: “the rain came, promising a hard winter for all.”', []).added).toEqual([]);
  });
});
