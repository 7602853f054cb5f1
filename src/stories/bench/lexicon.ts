/**
 * The lexicons the rewrite benchmark's transformations draw on, written for this project: word
 * swaps a rewriting desk makes without changing a claim, the other side's spellings of Ukrainian
 * places, loaded phrases that state media and partisan sites add, and the hedges a rewrite drops.
 */

/** [origin, paraphrase]: each swap keeps the claim. Whole words, case kept on the first letter. */
export const PARAPHRASES: readonly [string, string][] = [
  ['said', 'stated'],
  ['says', 'states'],
  ['told', 'informed'],
  ['announced', 'declared'],
  ['attack', 'assault'],
  ['attacks', 'assaults'],
  ['troops', 'soldiers'],
  ['killed', 'slain'],
  ['wounded', 'injured'],
  ['destroyed', 'wiped out'],
  ['city', 'town'],
  ['near', 'close to'],
  ['however', 'but'],
  ['also', 'in addition'],
  ['began', 'started'],
  ['officials', 'authorities'],
  ['government', 'administration'],
  ['president', 'head of state'],
  ['meeting', 'talks'],
  ['warned', 'cautioned'],
  ['help', 'assist'],
  ['big', 'large'],
  ['large', 'sizeable'],
  ['many', 'numerous'],
  ['about', 'roughly'],
  ['important', 'significant'],
  ['plans', 'intends'],
  ['wants', 'seeks'],
  ['people', 'individuals'],
  ['country', 'nation'],
];

/** [spelling, the other spelling of the same place]: Ukrainian and Russian forms, old and new names. */
export const SPELLINGS: readonly [string, string][] = [
  ['Kyiv', 'Kiev'],
  ['Kharkiv', 'Kharkov'],
  ['Odesa', 'Odessa'],
  ['Mykolaiv', 'Nikolaev'],
  ['Zaporizhzhia', 'Zaporozhye'],
  ['Luhansk', 'Lugansk'],
  ['Donbas', 'Donbass'],
  ['Bakhmut', 'Artemovsk'],
  ['Pokrovsk', 'Krasnoarmeysk'],
  ['Lviv', 'Lvov'],
  ['Chernihiv', 'Chernigov'],
  ['Sievierodonetsk', 'Severodonetsk'],
  ['Lysychansk', 'Lisichansk'],
  ['Horlivka', 'Gorlovka'],
  ['Avdiivka', 'Avdeyevka'],
  ['Kupiansk', 'Kupyansk'],
  ['Izium', 'Izyum'],
  ['Zhytomyr', 'Zhitomir'],
  ['Vinnytsia', 'Vinnitsa'],
  ['Rivne', 'Rovno'],
  ['Chernivtsi', 'Chernovtsy'],
  ['Vuhledar', 'Ugledar'],
  ['Makiivka', 'Makeyevka'],
  ['Dnipro', 'Dnepr'],
];

/** Phrases that load a sentence, with where they go: before a noun phrase, or as a sentence opener. */
export const LOADED_OPENERS: readonly string[] = [
  'In yet another shocking act of aggression, ',
  'In a brazen provocation, ',
  'Predictably, ',
  'In a desperate move, ',
];

export const LOADED_ADJECTIVES: readonly string[] = ['brutal', 'so-called', 'criminal', 'neo-Nazi', 'bloodthirsty'];

/** Hedges the benchmark removes (they must also be in the detector's lexicon to be found). */
export const HEDGE_WORDS: readonly string[] = ['reportedly', 'allegedly', 'apparently', 'purportedly', 'unconfirmed'];

/** How a laundered claim opens in the rewrite. */
export const CONFIRMATIONS: readonly string[] = ['It has been confirmed that ', 'It is now clear that ', 'It has been established that '];

/** How a rewrite credits its origin. */
export const CREDIT_LINES: readonly ((outlet: string) => string)[] = [
  (o) => `This report is based on material first published by ${o}.`,
  (o) => `${o} first reported the story.`,
  (o) => `Reporting by ${o}.`,
];
