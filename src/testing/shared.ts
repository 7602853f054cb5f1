/**
 * For tests that read the corpora or the seed in ../shared: they run when it is there and are
 * skipped, with the reason printed once, when it is not.
 */
import { describe, it } from 'vitest';
import { SHARED_DIR, hasShared, sharedPath } from '../core/paths.js';

export const SEED_PATH = sharedPath('seed', '000_6d1318945775ebf7.txt');
export const SEED_PUBLISHED = '2025-12-15';

const told = new Set<string>();

/** `describe` that runs only when ../shared/<parts> exists. */
export function describeWithShared(parts: string[], name: string, body: () => void): void {
  const present = hasShared(...parts);
  if (!present) {
    const what = parts.join('/');
    if (!told.has(what)) {
      told.add(what);
      console.warn(`[skip] ${name}: ${SHARED_DIR}/${what} is absent (corpus-based tests need ../shared beside the checkout)`);
    }
  }
  // the body is not even collected without the data: it may read the seed as it declares its tests
  if (present) describe(name, body);
  else describe.skip(name, () => void it(`needs ../shared/${parts.join('/')}`, () => {}));
}
