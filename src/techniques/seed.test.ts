/**
 * The seed article through the technique analyzer: the spans the issue names must be found (by
 * the general rules and the model, nothing here is specific to this text).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { TechniqueSpan } from './schema.js';
import { SEED_PATH, describeWithShared } from '../testing/shared.js';
import { articleContext } from './corpus.js';
import { detectTechniques } from './detect.js';
import { loadTechniqueModel } from './model.js';

describeWithShared(['seed'], 'techniques in the seed article', () => {
  let text = '';
  let found: TechniqueSpan[] = [];
  beforeAll(() => {
    text = readFileSync(SEED_PATH, 'utf8');
    found = detectTechniques(articleContext(text), loadTechniqueModel());
  });

  /** The techniques of the spans overlapping the first occurrence of `needle`. */
  const at = (needle: string) => {
    const i = text.indexOf(needle);
    expect(i, `'${needle}' is in the seed`).toBeGreaterThanOrEqual(0);
    return found.filter((t) => t.start < i + needle.length && i < t.end);
  };
  const techniquesAt = (needle: string) => at(needle).map((t) => t.technique);

  it('finds name calling at the terrorist label', () => {
    expect(techniquesAt('banned in Russia as a terrorist and extremist group')).toContain('Name_Calling,Labeling');
  });

  it("finds doubt at 'so-called'", () => {
    expect(techniquesAt('so-called')).toContain('Doubt');
  });

  it('finds reductio ad Hitlerum around the swastika and Nazi ideology', () => {
    expect(techniquesAt('swastika')).toContain('Bandwagon,Reductio_ad_hitlerum');
    expect(techniquesAt('Nazi ideology')).toContain('Bandwagon,Reductio_ad_hitlerum');
  });

  it('finds loaded language at the shockwaves and the relentless aggression', () => {
    expect(techniquesAt('sent shockwaves')).toContain('Loaded_Language');
    expect(techniquesAt('relentless aggression')).toContain('Loaded_Language');
  });

  it('finds an appeal to fear at the reignited fears', () => {
    expect(techniquesAt('reignited fears of a broader escalation')).toContain('Appeal_to_fear-prejudice');
  });

  it('explains each span with cues, e.g. the lexicon entry behind the loaded language', () => {
    const loaded = at('sent shockwaves').find((t) => t.technique === 'Loaded_Language')!;
    expect(loaded.cues?.some((c) => /lexicon: 'sent shockwaves' \(loaded language\)/.test(c))).toBe(true);
    for (const t of found) {
      expect(t.cues?.length).toBeGreaterThan(0);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(t.end).toBeGreaterThan(t.start);
    }
  });
});
