/**
 * Every English rule of the times layer, in the order that settles ties: where two rules match the
 * same span, the earlier one wins (a rate "a year" is a SET before it is a DURATION).
 */
import { ANAPHOR_RULES } from './anaphora.js';
import { CLOCK_RULES } from './clock.js';
import { DATE_RULES } from './dates.js';
import { DURATION_RULES } from './durations.js';
import { HOLIDAY_RULES } from './holidays.js';
import { QUARTER_RULES } from './quarters.js';
import { REF_RULES } from './refs.js';
import type { DateRule } from './rule.js';
import { SET_RULES } from './sets.js';

export const RULES: DateRule[] = [...CLOCK_RULES, ...QUARTER_RULES, ...SET_RULES, ...DATE_RULES, ...HOLIDAY_RULES, ...DURATION_RULES, ...REF_RULES, ...ANAPHOR_RULES];
