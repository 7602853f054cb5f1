import { describe, expect, it } from 'vitest';
import { WIRE_STORY, origin, rewrite, storiesFor } from '../testing.js';

const credit = '\n\nNorthgate Wire first reported the story.';
const rules = async (text: string) => (await storiesFor([origin(), rewrite(text)])).findings.map((f) => f.rule);

describe('cross-article findings', () => {
  it('stay silent on a faithful rewrite that credits its origin', async () => {
    const { stories, findings } = await storiesFor([origin(), rewrite(WIRE_STORY.replace('apartment blocks', 'residential buildings') + credit)]);
    expect(stories).toHaveLength(1);
    expect(findings).toEqual([]);
  });

  it('origin-uncited: a copy that does not name the outlet it copies', async () => {
    const { findings } = await storiesFor([origin(), rewrite(WIRE_STORY)]);
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['origin-uncited', 'Eastern Courier against Northgate Wire: The rewrite copies Northgate Wire without naming it.'],
    ]);
  });

  it('origin-uncited stays silent for the same outlet republishing its own story', async () => {
    const { findings } = await storiesFor([origin(), { ...rewrite(WIRE_STORY), outlet: 'Northgate Wire' }]);
    expect(findings).toEqual([]);
  });

  it('attribution-dropped: the anonymous source is gone, the claim stays', async () => {
    const text = WIRE_STORY.replace('According to a source in the regional military administration, 3', 'Three') + credit;
    const { findings } = await storiesFor([origin(), rewrite(text)]);
    const f = findings.find((x) => x.rule === 'attribution-dropped');
    expect(f?.message).toMatch(/attributes this to “a source in the regional military administration” \(anonymous\)/);
    expect(f?.spans.map((s) => s.article)).toEqual(['a0', 'a1']);
  });

  it('attribution-dropped stays silent when the source is still named in other words', async () => {
    expect(await rules(WIRE_STORY.replace('According to a source in', 'According to a source within') + credit)).not.toContain('attribution-dropped');
  });

  it('attribution-dropped: the source is gone though the stage still reads the sentence’s subject as one', async () => {
    const text = WIRE_STORY.replace('Officials in Kyiv have urged the remaining residents to leave, but many elderly people refuse to go.', 'Officials in Kyiv have urged the remaining residents to leave, but many elderly people refuse to go, the mayor said.');
    const { findings } = await storiesFor([origin(text), rewrite(WIRE_STORY + credit)]);
    expect(findings.find((x) => x.rule === 'attribution-dropped')?.evidence).toMatchObject({ source: 'the mayor' });
  });

  it('attribution-dropped stays silent when the rewrite says "stated" for "said"', async () => {
    expect(await rules(WIRE_STORY.replace('The governor said rescue teams', 'The governor stated rescue teams') + credit)).not.toContain('attribution-dropped');
  });

  it('attribution-dropped stays silent when the rewrite says "warned" for "said"', async () => {
    expect(await rules(WIRE_STORY.replace('The governor said rescue teams', 'The governor warned rescue teams') + credit)).not.toContain('attribution-dropped');
  });

  it('attribution-dropped fires when "It has been confirmed that" replaces the source (the "it" is nobody)', async () => {
    const text = WIRE_STORY.replace('The governor said rescue teams', 'It has been confirmed that rescue teams') + credit;
    expect(await rules(text)).toContain('attribution-dropped');
  });

  it('attribution-dropped stays silent when a pronoun source’s person is still named', async () => {
    const text = WIRE_STORY.replace('The governor said rescue teams', 'Syniehubov said rescue teams');
    const told = text.replace('Syniehubov said rescue teams', 'He said rescue teams');
    const { findings } = await storiesFor([origin(`Governor Oleh Syniehubov said the city was calm on Sunday.\n\n${told}`), rewrite(`Governor Oleh Syniehubov said the city was calm on Sunday.\n\n${text.replace('Syniehubov said rescue teams', 'Rescue teams, as Syniehubov put it,')}${credit}`)]);
    expect(findings.map((f) => f.rule)).not.toContain('attribution-dropped');
  });

  it('attribution-dropped stays silent when the rewrite repeats part of a sourced sentence on a line of its own', async () => {
    const text = WIRE_STORY.replace('The governor said rescue teams were still searching the rubble on Wednesday morning.', 'The governor said rescue teams were still searching the rubble on Wednesday morning.\n\nStill searching the rubble.');
    expect(await rules(text + credit)).not.toContain('attribution-dropped');
  });

  it('source-laundered: the claim of one source presented as confirmed', async () => {
    const text = WIRE_STORY.replace('According to a source in the regional military administration, 3', 'It has been confirmed that 3') + credit;
    expect(await rules(text)).toEqual(expect.arrayContaining(['attribution-dropped', 'source-laundered']));
  });

  it('number-changed: a count that grew', async () => {
    const { findings } = await storiesFor([origin(), rewrite(WIRE_STORY.replace('3 civilians', '30 civilians') + credit)]);
    expect(findings.map((f) => f.message)).toEqual(['Eastern Courier against Northgate Wire: “3” civilians in the origin became “30”.']);
  });

  it('number-changed stays silent for a figure written out', async () => {
    expect(await rules(WIRE_STORY.replace('12 wounded', 'twelve wounded') + credit)).toEqual([]);
  });

  it('hedge-removed: "reportedly" is gone', async () => {
    expect(await rules(WIRE_STORY.replace('air force reportedly shot down', 'air force shot down') + credit)).toEqual(['hedge-removed']);
  });

  it('spelling-switched: one place, the other side’s spelling', async () => {
    const { findings } = await storiesFor([origin(), rewrite(WIRE_STORY.replace('Officials in Kyiv', 'Officials in Kiev') + credit)]);
    const f = findings.find((x) => x.rule === 'spelling-switched');
    expect(f?.evidence).toMatchObject({ from: 'Kyiv', to: 'Kiev', geonamesId: 703448 });
  });

  it('keep apart two articles on one event written separately', async () => {
    const other = [
      'A school and two blocks of flats were hit when Kupiansk came under Russian artillery fire during the night.',
      'Local officials put the death toll at three, with a dozen people hurt.',
      'Ukrainian air defences downed most of the drones fired at the Kharkiv region, the military said.',
      'The town has been shelled almost daily since Ukraine took it back in 2022.',
    ].join('\n\n');
    const { stories } = await storiesFor([origin(), rewrite(other)]);
    expect(stories).toEqual([]);
  });
});
