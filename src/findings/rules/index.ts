/** Every consistency check, in the order findings are reported. */
import type { FindingRule } from '../context.js';
import { chronology } from './chronology.js';
import { placeOutOfRegion } from './place-out-of-region.js';
import { sourceConflict } from './source-conflict.js';
import { toponymVariants } from './toponym-variants.js';
import { unanchoredDates } from './unanchored-dates.js';
import { unattributedClaim } from './unattributed-claim.js';

export const RULES: readonly FindingRule[] = [
  toponymVariants,
  placeOutOfRegion,
  chronology,
  sourceConflict,
  unattributedClaim,
  unanchoredDates,
];
