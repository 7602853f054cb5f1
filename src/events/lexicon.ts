/**
 * English trigger words for events, by ACLED-aligned type. Matched case-insensitively on word
 * boundaries inside one sentence; every repetition is bounded.
 */

export type EventType = 'battle' | 'shelling' | 'territory-taken' | 'deployment' | 'casualties' | 'statement' | 'denial';

export interface TriggerClass {
  type: EventType;
  /** finer kind: presence (a side seen holding a place) matters for chronology checks */
  subtype?: string;
  pattern: RegExp;
}

const words = (alternatives: string) => new RegExp(String.raw`\b(?:${alternatives})\b`, 'gi');

export const TRIGGERS: TriggerClass[] = [
  {
    type: 'territory-taken',
    pattern: words(
      String.raw`captur(?:e|es|ed|ing)|seiz(?:e|es|ed|ing|ure)|took control|tak(?:en|ing) control|gain(?:ed|ing) control|liberat(?:e|es|ed|ing|ion)|reclaim(?:s|ed|ing)?|reclamation|recaptur(?:e|es|ed|ing)|retak(?:e|es|en|ing)|retook|overr?an|fell to|occup(?:y|ies|ied|ying)|encircl(?:e|ed|ing|ement)`,
    ),
  },
  {
    type: 'deployment',
    subtype: 'presence',
    pattern: words(String.raw`patrol(?:s|led|ling)?|stationed|garrison(?:ed)?|dug in|entrenched|in control of`),
  },
  {
    type: 'deployment',
    subtype: 'withdrawal',
    pattern: words(String.raw`withdr(?:aw|aws|ew|awn|awal|awing)|retreat(?:s|ed|ing)?|pull(?:ed)? out`),
  },
  {
    type: 'deployment',
    pattern: words(
      String.raw`deploy(?:s|ed|ing|ment)?|redeploy(?:s|ed|ing|ment)?|rush(?:ed|ing)|reinforc(?:e|es|ed|ing|ements)|dispatch(?:ed|ing)?|transferr(?:ed|ing)|mass(?:ed|ing)|sent (?:troops|units|reinforcements)`,
    ),
  },
  {
    type: 'shelling',
    pattern: words(
      String.raw`shell(?:s|ed|ing)|bomb(?:s|ed|ing|ings|ard|arded|arding|ardment)|air ?strikes?|missile strikes?|drone strikes?|drone attacks?|missile attacks?|strikes?|struck|pound(?:ed|ing)|fired (?:on|at)|rocket fire|artillery fire`,
    ),
  },
  {
    type: 'battle',
    pattern: words(
      String.raw`clash(?:es|ed|ing)?|fighting|fought|battl(?:e|es|ed|ing)|assault(?:s|ed|ing)?|offensive|counter-?offensive|skirmish(?:es)?|attack(?:s|ed|ing)?|storm(?:ed|ing)`,
    ),
  },
  {
    type: 'casualties',
    pattern: words(String.raw`killed|wounded|injured|dead|deaths?|died|casualt(?:y|ies)|fatalit(?:y|ies)|lost their lives`),
  },
  {
    type: 'denial',
    pattern: words(
      String.raw`den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing) (?:the|as|claims?|reports?)|rebuff(?:s|ed)?|contradict(?:s|ed|ing)|disput(?:e|es|ed|ing)`,
    ),
  },
  {
    type: 'statement',
    pattern: words(String.raw`said|says|reported|stated|announced|claimed|told|revealed|confirmed|declared`),
  },
];

/** Nationality words -> ISO country code, for the side an armed actor fights for. */
export const NATIONALITIES: Record<string, string> = {
  russian: 'RU', "russia's": 'RU', "moscow's": 'RU', 'pro-russian': 'RU',
  ukrainian: 'UA', "ukraine's": 'UA', "kyiv's": 'UA', "kiev's": 'UA',
  belarusian: 'BY', israeli: 'IL', palestinian: 'PS', syrian: 'SY', iranian: 'IR', american: 'US', 'u.s.': 'US',
  british: 'GB', french: 'FR', german: 'DE', polish: 'PL', chinese: 'CN', 'north korean': 'KP', georgian: 'GE',
  armenian: 'AM', azerbaijani: 'AZ', sudanese: 'SD', turkish: 'TR', lebanese: 'LB', yemeni: 'YE',
};

const FORCE_NOUNS = String.raw`forces|troops|army|military|soldiers|servicemen|units?|command|brigades?|battalions?|regiments?|corps|marines|paratroopers|artillery|aviation|air force|navy|fighters|defenders|personnel|national guard|armed forces|militants`;

/** "Russian forces", "Ukraine's troops", "pro-Russian fighters": a nationality word, up to two words, a force noun. */
export const FORCE_PHRASE = new RegExp(
  String.raw`\b(${Object.keys(NATIONALITIES)
    .map((k) => k.replace(/[.']/g, (c) => (c === '.' ? '\\.' : "['’]")))
    .join('|')})(?:[ \t]+[\p{L}-]{1,20}){0,2}?[ \t]+(${FORCE_NOUNS})\b`,
  'giu',
);
