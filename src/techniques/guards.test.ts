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
  });

  it('the plain vocabulary of war reporting', () => {
    expect(guard('The invasion began on 24 February.', 'invasion', 'Loaded_Language')).toBe('plain-war');
    expect(guard('Two bridges were destroyed overnight.', 'destroyed', 'Loaded_Language')).toBe('plain-war');
    expect(guard('It was a barbaric attack on sleeping families.', 'barbaric attack', 'Loaded_Language')).toBeUndefined();
  });

  it('page chrome', () => {
    const text = 'The shelling went on all night.\n\nFollow us on Telegram for the latest news from the front.\n';
    expect(guard(text, 'latest news from the front', 'Slogans')).toBe('chrome');
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
