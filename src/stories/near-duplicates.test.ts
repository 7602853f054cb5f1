import { describe, expect, it } from 'vitest';
import { estimateJaccard, signature } from './minhash.js';
import { NearDuplicateIndex, compare, sketch } from './near-duplicates.js';
import { shingles, words } from './words.js';

const wire = [
  'Russian forces shelled the town of Kupiansk overnight, the regional governor said on Tuesday.',
  'Two civilians were killed and five wounded when a missile hit an apartment block near the railway station.',
  'The governor said rescue teams were still searching the rubble on Wednesday morning.',
  'Ukraine’s air force said it had shot down 14 of the 20 drones launched at the region.',
  'The town, retaken by Ukrainian troops in September 2022, has been under constant fire since the summer.',
  'Officials have urged the remaining residents to leave, but many elderly people refuse to go.',
].join('\n\n');

describe('near-duplicates', () => {
  it('estimates Jaccard similarity from signatures', () => {
    const a = shingles(words('one two three four five six seven eight nine ten'), 2);
    expect(estimateJaccard(signature(a), signature(a))).toBe(1);
    const b = shingles(words('eleven twelve thirteen fourteen fifteen sixteen seventeen'), 2);
    expect(estimateJaccard(signature(a), signature(b))).toBeLessThan(0.1);
  });

  it('finds a trimmed, reordered and lightly reworded copy', () => {
    const paras = wire.split('\n\n');
    const rewrite = [paras[0], paras[3], paras[1]!.replace('killed', 'slain'), paras[2]].join('\n\n');
    const c = compare(sketch(wire), sketch(rewrite));
    expect(c.copy).toBe(true);
    expect(c.containment).toBeGreaterThan(0.7);
  });

  it('does not join two reports of one event in their own words, though they share a quotation', () => {
    const quote = '“We will rebuild every house,” the governor said.';
    const other = [
      'A missile strike on Kupiansk killed two people, according to Ukrainian officials.',
      'Rescuers worked through the night at the site, close to the town’s rail hub, local media reported.',
      quote,
      'Kupiansk lies about 40 kilometres from the front line in the Kharkiv region.',
    ].join('\n\n');
    expect(compare(sketch(`${wire}\n\n${quote}`), sketch(other)).copy).toBe(false);
  });

  it('keeps a short text from matching the long text it is part of', () => {
    expect(compare(sketch(wire), sketch('Russian forces shelled the town of Kupiansk overnight.')).copy).toBe(false);
  });

  it('indexes articles and returns the earlier copies of a new one', () => {
    const index = new NearDuplicateIndex();
    expect(index.add(1, sketch(wire))).toEqual([]);
    expect(index.add(2, sketch('An unrelated text about the price of wheat in Egypt and the harvest in Kansas this year, which was poor.'))).toEqual([]);
    const matches = index.add(3, sketch(wire.replace('Tuesday', 'Monday')));
    expect(matches.map((m) => m.id)).toEqual([1]);
  });
});
