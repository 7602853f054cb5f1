/** The 14 PTC classes (SemEval-2020 Task 11), spelled as in techniques-14.txt: the report's vocabulary. */
export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;
export type TechniqueName = (typeof TECHNIQUES)[number];

/**
 * The 18 fine names of the 2019 corpus, mapped to the 14 classes as SemEval-2020 merged them
 * (label files of older releases may still carry them).
 */
const FINE_TO_CLASS: Record<string, TechniqueName> = {
  Bandwagon: 'Bandwagon,Reductio_ad_hitlerum',
  Reductio_ad_hitlerum: 'Bandwagon,Reductio_ad_hitlerum',
  Whataboutism: 'Whataboutism,Straw_Men,Red_Herring',
  Straw_Men: 'Whataboutism,Straw_Men,Red_Herring',
  Red_Herring: 'Whataboutism,Straw_Men,Red_Herring',
};

/** The class of a label as found in a file, or undefined when it is not a technique we know. */
export function techniqueClass(label: string): TechniqueName | undefined {
  if ((TECHNIQUES as readonly string[]).includes(label)) return label as TechniqueName;
  // Obfuscation has no class of its own among the 14: SemEval-2020 dropped it.
  return FINE_TO_CLASS[label];
}
