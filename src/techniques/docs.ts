/**
 * A short doc per PTC technique, shown in the HTML report when a technique is clicked. Keyed by
 * the exact class names of ../shared/data/ptc/techniques-14.txt. Definitions and examples are our
 * own wording (the examples are invented sentences, not corpus text).
 */

export interface TechniqueDoc {
  /** a readable name for people */
  label: string;
  definition: string;
  example: string;
}

export const TECHNIQUE_DOCS: Readonly<Record<string, TechniqueDoc>> = {
  Appeal_to_Authority: {
    label: 'Appeal to authority',
    definition:
      'A claim is presented as true because an authority, expert or famous person says so, rather than because of evidence; the authority may also be irrelevant to the subject.',
    example: 'A well-known actor assures us the new vaccine is dangerous, so there is no need to look further.',
  },
  'Appeal_to_fear-prejudice': {
    label: 'Appeal to fear or prejudice',
    definition:
      'Support for an idea is sought by stirring fear, anxiety or existing prejudice about what will happen if the alternative is chosen.',
    example: 'If this law passes, our streets will be overrun and no family will be safe at night.',
  },
  'Bandwagon,Reductio_ad_hitlerum': {
    label: 'Bandwagon / Reductio ad Hitlerum',
    definition:
      'Bandwagon: you should believe or do something because everyone else already does. Reductio ad Hitlerum: an idea is rejected because a hated group or person is said to hold it.',
    example: 'Everyone in town has already signed up, so why are you still waiting? / Only tyrants ever wanted a national register.',
  },
  'Black-and-White_Fallacy': {
    label: 'Black-and-white fallacy',
    definition:
      'Two options are presented as the only ones possible, when more exist; one is usually made to look unacceptable, leaving the other.',
    example: 'Either we close every border tomorrow or we give up on having a country at all.',
  },
  Causal_Oversimplification: {
    label: 'Causal oversimplification',
    definition: 'A single cause is blamed for an outcome that has many causes, or a complex issue is reduced to one reason.',
    example: 'Prices went up for one reason only: the new mayor.',
  },
  Doubt: {
    label: 'Doubt',
    definition:
      'The credibility of someone or something is questioned without evidence, often through insinuating questions rather than claims.',
    example: 'Can we really trust a minister who never explains where his figures come from?',
  },
  'Exaggeration,Minimisation': {
    label: 'Exaggeration / minimisation',
    definition:
      'Something is made to look far bigger, better or worse than it is, or, the other way round, is made to look smaller and less important than it is.',
    example: 'The protest was the greatest uprising in history. / A few windows got broken, nothing more.',
  },
  'Flag-Waving': {
    label: 'Flag-waving',
    definition:
      "An action or idea is justified by appealing to patriotism or to a group's identity and pride rather than by its merits.",
    example: 'A true patriot would never question the plan that keeps our nation strong.',
  },
  Loaded_Language: {
    label: 'Loaded language',
    definition:
      'Words and phrases with strong emotional connotations, positive or negative, are used to sway the reader rather than to describe.',
    example: 'The reckless scheme unleashed a catastrophe on innocent villagers.',
  },
  'Name_Calling,Labeling': {
    label: 'Name calling / labelling',
    definition:
      'The target is given a label the audience fears, hates or admires, so that the label does the arguing instead of facts.',
    example: 'The so-called experts from the ministry of lies have spoken again.',
  },
  Repetition: {
    label: 'Repetition',
    definition: 'The same message is repeated again and again so that the audience comes to accept it.',
    example: 'They failed us. They failed us at the border, they failed us in the shops, they failed us everywhere.',
  },
  Slogans: {
    label: 'Slogans',
    definition: 'A brief, striking phrase that may carry labelling and stereotyping, used to stir feeling rather than to inform.',
    example: 'Our land, our rules!',
  },
  'Thought-terminating_Cliches': {
    label: 'Thought-terminating cliché',
    definition:
      'A short, generic phrase that discourages critical thought and ends the discussion, suggesting there is nothing more to consider.',
    example: "It is what it is. Some things are just the way they are.",
  },
  'Whataboutism,Straw_Men,Red_Herring': {
    label: 'Whataboutism / straw man / red herring',
    definition:
      "Whataboutism answers a criticism by pointing at the critic's own faults; a straw man attacks a distorted version of the opponent's position; a red herring changes the subject to something irrelevant.",
    example: 'You complain about our pollution, but what about the factories in your own country?',
  },
};

/** The 14 classes in the order of techniques-14.txt, which fixes their colours in the report. */
export const TECHNIQUES = Object.keys(TECHNIQUE_DOCS);
