/**
 * The present, past and future without a date (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): "now",
 * "currently", "recently", "in the past", "the future", "soon". "As soon as" and "now that" are
 * conjunctions, not times; "previously" and "formerly" say an order, and TimeML leaves them out.
 */
import { durationValue } from './durations.js';
import { ci, type DateRule, re } from './rule.js';

const ref = (value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF') => () => ({ type: 'DATE' as const, value, precision: 'partial' as const });

export const REF_RULES: DateRule[] = [
  {
    // in recent weeks | in the coming days | the weeks ahead: a stretch of time of unstated length (TimeBank: PXW, PXD)
    name: 'recent-units',
    hint: /recent|coming|ahead/i,
    pattern: re(String.raw`\b(?:(?:${ci('recent|the coming|coming')})[ \t]{1,2}(days|weeks|months|years|quarters|decades)(?![ \t]and[ \t](?:days|weeks|months|years)\b)|${ci('the')}[ \t]{1,2}(days|weeks|months|years)[ \t]{1,2}ahead)\b`),
    resolve: (m) => ({ type: 'DURATION', value: durationValue(null, (m[1] ?? m[2])!), precision: 'partial' }),
  },
  {
    // the last few months | the past several quarters | in recent days and weeks | the weeks ahead: TimeML dates these as the past or the future
    name: 'recent-ref',
    hint: /recent|few|several|coming|ahead|future/i,
    pattern: re(String.raw`\b(?:(${ci('recent|the last few|the past few|the last several|the past several')})|(${ci('the coming|coming|the weeks ahead|future')}))[ \t]{1,2}(?:days|weeks|months|years|quarters)(?:[ \t]and[ \t](?:days|weeks|months|years))?\b`),
    resolve: (m) => ({ type: 'DATE', value: m[1] ? 'PAST_REF' : 'FUTURE_REF', precision: 'partial' }),
  },
  {
    name: 'present-ref',
    hint: /now|current|present|these days|moment/i,
    pattern: re(String.raw`\b(?:${ci('right now|now|currently|at present|presently|nowadays|these days|at the moment|for now')})\b(?![ \t]{1,2}that\b)`),
    resolve: ref('PRESENT_REF'),
  },
  {
    name: 'past-ref',
    hint: /recent|lately|past/i,
    pattern: re(String.raw`\b(?:${ci('recently|lately|the past|the recent past')})\b(?![ \t]{1,2}(?:\d|few|several|(?:${'one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty'})\b|(?:day|week|month|year|decade|century|hour|quarter)s?\b))`),
    resolve: ref('PAST_REF'),
  },
  {
    name: 'future-ref',
    hint: /soon|future|term/i,
    pattern: re(String.raw`(?<!\b(?:as|how|too|very) )\b(?:${ci('soon|the future|the near future|the foreseeable future|the long term|the near term|the short term')})\b(?![ \t]{1,2}(?:as|after|afterwards|thereafter|enough)\b)`),
    resolve: ref('FUTURE_REF'),
  },
];
