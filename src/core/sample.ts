/** Seeded samples of findings or cuts to read by hand, reproducible from their seed. */
import { seededRandom, shuffle } from '../learn/perceptron.js';

/**
 * `n` items drawn at random with `seed`, at most `perFile` from one file (so that one long article
 * does not fill the sample), returned in their original order.
 */
export function sampleByFile<T extends { file: string }>(items: readonly T[], n: number, seed: number, perFile = Infinity): T[] {
  const taken = new Map<string, number>();
  const out: number[] = [];
  for (const i of shuffle(items.map((_, k) => k), seededRandom(seed))) {
    if (out.length === n) break;
    const file = items[i]!.file;
    if ((taken.get(file) ?? 0) >= perFile) continue;
    taken.set(file, (taken.get(file) ?? 0) + 1);
    out.push(i);
  }
  return out.sort((a, b) => a - b).map((i) => items[i]!);
}
