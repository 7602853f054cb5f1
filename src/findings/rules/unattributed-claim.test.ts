import { describe, expect, it } from 'vitest';
import { buildContext } from '../../testing/finding-fixture.js';
import { testFindingRule } from '../../testing/rule-tester.js';
import { isFactualSentence, sentenceVerdicts, unattributedClaim } from './unattributed-claim.js';

testFindingRule(unattributedClaim, {
  invalid: [
    {
      // a passive attribution with no source
      input: {
        text: 'It was reported that the dam near Nova Kakhovka had been mined.',
        attributions: [{ source: null, cue: 'was reported', content: 'the dam near Nova Kakhovka had been mined', mode: 'passive' }],
      },
      messages: [
        '“the dam near Nova Kakhovka had been mined” is attributed with “was reported” but to no one, here or in the sentence before: the reader cannot tell who makes this claim or check it.',
      ],
    },
    // fighting told as fact with no source; the message quotes the claim
    {
      input: { text: 'Russian troops captured two villages near the river on Monday.', attributions: [] },
      marks: ['Russian troops captured two villages near the river on Monday.'],
      messages: [/^Unsourced claim: “Russian troops captured two villages near the river on Monday\.” tells a capture \(“captured”\) as fact/],
    },
    // a figure of dead after an unrelated sourced sentence in another paragraph
    {
      input: {
        text: 'The mayor said the city would rebuild the school.\n\nAt least 12 people were killed in a strike on the market on Tuesday.',
        attributions: [{ source: 'The mayor', cue: 'said', content: 'the city would rebuild the school' }],
      },
      marks: ['At least 12 people were killed in a strike on the market on Tuesday.'],
    },
    // an outcome the events layer has no type for: a shooting down, with its figure
    { input: { text: 'Air defence units shot down 14 drones over the Odesa region overnight.', attributions: [] } },
    // "claimed lives" is no source for the sentence after it
    {
      input: {
        text: 'Riven by a conflict that has claimed more than 14,000 lives, the region faces a winter without power. Russian troops shelled Kherson 40 times on Monday.',
        attributions: [],
      },
      marks: ['Russian troops shelled Kherson 40 times on Monday.'],
    },
    // a noun of fighting told as done by the verb that governs it
    { input: { text: 'Ukrainian forces repelled a Russian attack near Brody in the Lviv region on Monday.', attributions: [] }, messages: [/tells fighting \(“attack”\)/] },
    { input: { text: 'The tent camp came under an unprovoked attack by Russian rocket launchers on Sunday.', attributions: [] } },
    // what a weapon hit
    { input: { text: 'Grad rockets hit two apartment blocks in Mariupol on Thursday.', attributions: [] }, messages: [/tells damage \(“hit”\)/] },
    // the claim starts after the article's dateline...
    {
      input: { text: 'KYIV, Ukraine (AP) — Russian troops captured two villages near the river on Monday.', attributions: [] },
      marks: ['Russian troops captured two villages near the river on Monday.'],
    },
    // ...but a dash inside a sentence is no dateline
    {
      input: { text: 'Russian troops — backed by tanks — captured two villages near the river on Monday.', attributions: [] },
      marks: ['Russian troops — backed by tanks — captured two villages near the river on Monday.'],
    },
    // a count of troops, told as fact
    { input: { text: 'Moscow has gathered more than 90,000 troops along the northern border.', attributions: [] } },
    // a sourced lead that tells no event covers none
    {
      input: {
        text: 'The governor said the schools of Nikopol would open on Monday.\n\nThe city council met on Friday to discuss the budget.\n\nOn Sunday, 300 troops were deployed to the border.',
        attributions: [{ source: 'The governor', cue: 'said', content: 'the schools of Nikopol would open on Monday' }],
      },
      marks: ['On Sunday, 300 troops were deployed to the border.'],
    },
  ],
  valid: [
    // a word of fighting inside a quoted title is the title's, not the outlet's claim
    { text: 'The July 1 editorial “Russia shelled Kharkiv again” urged patience on Monday.', attributions: [] },
    // a turn of phrase, a condition, and a source named before the passive cue
    {
      text: 'That being said, EU officials are increasingly sceptical about the talks.',
      attributions: [{ source: null, cue: 'said', content: 'EU officials are increasingly sceptical about the talks', mode: 'passive' }],
    },
    {
      text: 'That would not have been said before the war began in the east.',
      attributions: [{ source: null, cue: 'said', content: 'before the war began in the east', mode: 'passive' }],
    },
    {
      text: 'In the Sunday report of the General Staff, it was reported that 1,260 Russian soldiers were killed.',
      attributions: [{ source: null, cue: 'was reported', content: 'that 1,260 Russian soldiers were killed', mode: 'passive' }],
    },
    // the source at the end of the sentence (issue 12's example)
    {
      text: 'Three people were killed in the shelling of Kherson, the regional administration reported on Tuesday.',
      attributions: [{ source: 'the regional administration', cue: 'reported', content: 'Three people were killed in the shelling of Kherson' }],
    },
    // the continuation of the previous sentence's source
    {
      text: 'Russian forces shelled Kharkiv overnight, the governor said. Two people were killed and 11 wounded.',
      attributions: [{ source: 'the governor', cue: 'said', content: 'Russian forces shelled Kharkiv overnight' }],
    },
    // in the next paragraph, when the source before reports events
    {
      text: 'Ukraine’s air force said it shot down 30 of 35 drones launched overnight.\n\nDebris damaged two houses in the Kyiv region.',
      attributions: [{ source: 'Ukraine’s air force', cue: 'said', content: 'it shot down 30 of 35 drones launched overnight' }],
    },
    // the lead gives the source of the article's events of that kind
    {
      text: 'Russian troops shelled 19 settlements in the Zaporizhzhia region over the past day, the regional governor reported.\n\nThe city council met on Friday to discuss the budget and the schools.\n\nIn Huliaipole, the shelling killed a 60-year-old man.',
      attributions: [{ source: 'the regional governor', cue: 'reported', content: 'Russian troops shelled 19 settlements in the Zaporizhzhia region over the past day' }],
    },
    // a quotation
    { text: '“Our troops destroyed four tanks near Avdiivka on Sunday,” he said.', attributions: [] },
    // a condition, a plan, a fear
    { text: 'If Russian troops capture the town, they could cut the supply road to Kostiantynivka.', attributions: [] },
    { text: 'Kyiv fears that Russia will attack the capital again in the coming weeks.', attributions: [] },
    // weapons and states named, not events
    { text: 'The package includes 40 battle tanks and 1,600 strike missiles for the Ukrainian army.', attributions: [] },
    { text: 'Schools in occupied Melitopol reopened in September under a new curriculum.', attributions: [] },
    // history told as background
    { text: 'In 1941, German troops captured Kyiv after a siege of several weeks.', publishedAt: '2024-05-08', attributions: [] },
    { text: 'Russian forces captured the city of Kherson in March 2022.', publishedAt: '2023-11-20', attributions: [] },
    // an attack spoken of, planned or feared, even after a verb of doing
    { text: 'Analysts see little sign of a Ukrainian attack near Brody in the Lviv region this week.', attributions: [] },
    { text: 'The brigade was ordered to repel a Russian attack near Brody on Monday.', attributions: [] },
    // "hit" with no weapon as its subject
    { text: 'Western sanctions hit the Russian economy hard in 2023, cutting 30 percent of imports.', publishedAt: '2023-12-01', attributions: [] },
    // an event referred to, not told
    { text: 'Critics called the deployment of 5,000 troops reckless.', attributions: [] },
    // nothing to check: no figure, place, time or armed side
    { text: 'Ukraine is fighting for its survival and its freedom.', attributions: [] },
    // a heading, not a sentence that asserts
    { text: 'RUSSIAN TROOPS CAPTURE TWO VILLAGES NEAR BAKHMUT', attributions: [] },
    // an action read as a speech cue by the attribution layer does not make the sentence silent... but a real cue does
    {
      text: 'Russia launched 40 missiles at Ukrainian cities overnight, according to the air force.',
      attributions: [{ source: 'the air force', cue: 'according to', content: 'Russia launched 40 missiles at Ukrainian cities overnight' }],
    },
    // attributions not analysed
    { text: 'Russian troops captured two villages near the river on Monday.' },
  ],
});

describe('unattributed-claim', () => {
  it('gives a passive attribution as a warning, fighting told as fact as information', () => {
    const passive = buildContext({
      text: 'It was reported that the dam near Nova Kakhovka had been mined.',
      attributions: [{ source: null, cue: 'was reported', content: 'the dam near Nova Kakhovka had been mined', mode: 'passive' }],
    });
    expect(unattributedClaim.check(passive)).toMatchObject([{ severity: 'warning' }]);
    const fact = buildContext({ text: 'Russian troops captured two villages near the river on Monday.', attributions: [] });
    expect(unattributedClaim.check(fact)).toMatchObject([{ severity: 'info', evidence: { types: ['territory-taken'], triggers: ['captured'] } }]);
  });

  it('a sentence of action read as a speech cue is not sourced by it', () => {
    // the attribution layer once read "attacked" as a cue; the deaths stay unsourced
    const ctx = buildContext({
      text: 'Russian forces attacked Kupiansk on Sunday, and three civilians were killed.',
      attributions: [{ source: 'Russian forces', cue: 'attacked', content: 'Kupiansk on Sunday' }],
    });
    expect(unattributedClaim.check(ctx)).toHaveLength(1);
  });

  it('counts factual sentences as asserting prose only', () => {
    const f = (t: string) => isFactualSentence(t, { start: 0, end: t.length });
    expect(f('Russian troops captured two villages near the river.')).toBe(true);
    expect(f('Did Russian troops capture two villages near the river?')).toBe(false);
    expect(f('Follow us on Telegram for the latest news from the front.')).toBe(false);
    expect(f('Attack on Israel.')).toBe(false);
    expect(f('Russian troops capture two villages near the river')).toBe(false);
  });

  it('gives each sentence a verdict, the one it fires on being unsourced', () => {
    const ctx = buildContext({
      text: 'The mayor said the city would rebuild the school.\n\nOfficials said two people were killed there on Monday. A third died in hospital on Tuesday.\n\nThe council met.\n\nAt least 12 people were killed in a strike on the market on Tuesday.',
      attributions: [
        { source: 'The mayor', cue: 'said', content: 'the city would rebuild the school' },
        { source: 'Officials', cue: 'said', content: 'two people were killed there on Monday' },
      ],
      publishedAt: '2025-03-05',
    });
    expect(sentenceVerdicts(ctx, ctx.attributions!).map((v) => v.verdict)).toEqual(['no-claim', 'sourced', 'continued', 'not-factual', 'unsourced']);
  });
});
