import { describe, expect, it } from 'vitest';
import type { TechniqueSpan } from './schema.js';
import { articleContext } from './corpus.js';
import { guardFor } from './guards.js';
import { WAR_RULE } from './war.js';

/** The guard holding back a span of `technique` over the first `words` of `text`, if any. */
function guard(text: string, words: string, technique: string, rule?: string) {
  const start = text.indexOf(words);
  const span: TechniqueSpan = { technique, start, end: start + words.length, confidence: 0.5, cues: rule ? [`rule ${rule}: '${words}'`] : [], rules: rule ? [rule] : [] };
  return guardFor(articleContext(text), span);
}

describe('context guards: names, history, plain war reporting and page chrome carry no technique', () => {
  it('a word inside a name or title', () => {
    expect(guard('Crowds gathered on Liberation Square in the evening.', 'Liberation', 'Loaded_Language', WAR_RULE)).toBe('name');
    expect(guard('The frigate Admiral Makarov returned to port.', 'Admiral Makarov', 'Name_Calling,Labeling')).toBe('name');
    expect(guard('Officials in Russia said the talks would resume.', 'Russia', 'Name_Calling,Labeling')).toBe('name');
  });

  it('but not a loaded word that is capitalised by itself', () => {
    expect(guard('The army claimed it had freed the town from Ukrainian neo-Nazis.', 'neo-Nazis', 'Bandwagon,Reductio_ad_hitlerum', WAR_RULE)).toBeUndefined();
    expect(guard('The governor said the liberation of the village took a week.', 'liberation', 'Loaded_Language', WAR_RULE)).toBeUndefined();
  });

  it('history told as history', () => {
    expect(guard('Nazi Germany invaded Poland in 1939.', 'Nazi', 'Bandwagon,Reductio_ad_hitlerum')).toBeDefined();
    expect(guard('His grandfather fought the fascists in the Second World War.', 'fascists', 'Bandwagon,Reductio_ad_hitlerum')).toBe('history');
    expect(guard('The minister called the protesters fascists on Monday.', 'fascists', 'Bandwagon,Reductio_ad_hitlerum')).toBeUndefined();
    const long = 'Old people in the village still remember that the last time foreign tanks crossed the river was in 1941, when the Nazi armies marched east.';
    expect(guard(long, 'the last time foreign tanks crossed the river was in 1941, when the Nazi armies marched east', 'Bandwagon,Reductio_ad_hitlerum')).toBe('history');
    const now = 'The minister told the crowd on Monday that the protesters who blocked the bridge were fascists and Nazis paid by foreign friends.';
    expect(guard(now, 'the protesters who blocked the bridge were fascists and Nazis paid by foreign friends', 'Bandwagon,Reductio_ad_hitlerum')).toBeUndefined();
  });

  it('the plain vocabulary of war reporting', () => {
    expect(guard('The invasion began on 24 February.', 'invasion', 'Loaded_Language')).toBe('plain-war');
    expect(guard('Two bridges were destroyed overnight.', 'destroyed', 'Loaded_Language')).toBe('plain-war');
    expect(guard('It was a barbaric attack on sleeping families.', 'barbaric attack', 'Loaded_Language')).toBeUndefined();
  });

  // a report of a war: its plain vocabulary is at least 2% of its content words, and at least 4
  // words (three metaphors in a short text are no report of a war): the article decides
  const report = [
    'Artillery shelled the port overnight and two drones struck a fuel depot, the regional governor said.',
    'Troops advanced along the river after a week of fighting, and the army reported three soldiers wounded.',
    'Since the full-scale invasion began in February, the grain corridor has stayed closed to most ships and the harbour is empty.',
    'The assembly voted to set up a special tribunal for the crime of aggression, beside the criminal court.',
    'Officers described aggressive tactics at the front, where the brutal shelling never stopped for a day.',
    'A witness said the invaders barbarously shelled the school.',
  ].join(' ');

  it('in a report of a war, a span whose only loaded words are its plain vocabulary, whatever its length', () => {
    expect(guard(report, 'full-scale invasion began in February, the grain corridor has stayed closed to most ships', 'Loaded_Language')).toBe('war-report');
    expect(guard(report, 'special tribunal for the crime of aggression, beside the criminal court', 'Name_Calling,Labeling')).toBe('war-report');
    expect(guard(report, 'aggressive tactics', 'Loaded_Language')).toBe('war-report');
  });

  it('but not another loaded word, its adverb or a label there, nor such words outside a report of a war', () => {
    expect(guard(report, 'aggressive tactics at the front, where the brutal shelling never stopped', 'Loaded_Language')).toBeUndefined();
    expect(guard(report, 'the invaders barbarously shelled the school', 'Loaded_Language')).toBeUndefined();
    expect(guard(report, 'the invaders', 'Name_Calling,Labeling')).toBeUndefined();
    const elsewhere = [
      'The senator told the rally that an invasion at the southern border was under way and that the aggressive new rules would destroy small farms across the state.',
      'Farmers in the valley say the price of feed has doubled since spring, and many of them now sell their milk at a loss to the cooperative.',
      'The county board will hold a public hearing on the water rules next Tuesday evening at the library, and residents may send written comments until Friday.',
      'Her opponent, a former teacher who runs a hardware store in town, said he would publish his own plan for the farms and schools of the district in the autumn.',
      'Turnout in the primary was the lowest in twenty years, according to the county clerk, who blamed the heavy rain and the early closing of two polling stations.',
      'Both campaigns have raised more money than in any previous race for the seat, most of it from small donors living outside the state, filings show.',
      'The state university plans to open a new agricultural research centre near the river next year, with room for forty students and a small dairy herd.',
    ].join(' ');
    expect(guard(elsewhere, 'invasion at the southern border was under way and that the aggressive new rules would destroy small farms', 'Loaded_Language')).toBeUndefined();
  });

  it('page chrome', () => {
    const text = 'The shelling went on all night.\n\nFollow us on Telegram for the latest news from the front.\n';
    expect(guard(text, 'latest news from the front', 'Slogans')).toBe('chrome');
    const note = 'The shelling went on all night.\n\nEditor’s Note: The author is a historian and the author of “A Brutal Century”.\n';
    expect(guard(note, 'The author is a historian and the author of “A Brutal Century”', 'Loaded_Language')).toBe('chrome');
    expect(guard(text, 'shelling went on all night', 'Loaded_Language')).toBeUndefined();
  });

  it('stays linear on a run-on line without breaks', () => {
    const text = 'the shelling went on and on '.repeat(20_000);
    const ctx = articleContext(text);
    const t0 = Date.now();
    for (let k = 0; k < 2000; k++) guardFor(ctx, { technique: 'Slogans', start: k * 250, end: k * 250 + 10, confidence: 0.5 });
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
