/**
 * What a cue cannot be: a verb of doing ("has repelled", "unloaded", "imposed", "Approves").
 * A cue is a word of communication or cognition (said, told, reported, claimed, according to,
 * statement, tweeted, believes...). The tagger learned its cues from US political news, where a
 * verb after a name is mostly speech; on war news units, ships, states and weekdays do things,
 * and those verbs must not make attributions. PolNeAR also marks stances as attributions
 * ("wants", "plans", "attacked" in a debate), so a cue is dropped only when it is made of verbs
 * of doing, not whenever it lacks a word of saying: a whitelist alone cost 2.4 source exact F1
 * on PolNeAR dev. Words are compared by `lemma` (lexicon.ts) over their inflections
 * ("warns", "warned", "warning").
 */
import { lemma } from './lexicon.js';

const WORDS = `
say said says tell told report reported reports reportedly claim claims statement state stated announce announcement
add added note noted explain insist argue assert allege alleged allegation accuse accusation deny denied denial
confirm confirmation admit acknowledge concede warn warning caution urge call demand ask question answer reply replied
respond response retort comment comments remark remarks mention describe characterize characterise portray label dub
brand term write wrote written post posted tweet tweeted reveal disclose divulge leak inform notify brief testify
testimony declare declaration proclaim pledge promise vow swear swore threaten predict prediction forecast estimate
project projection assess assessment conclude conclusion conclusions finding findings show suggest indicate imply hint
signal stress emphasize emphasise underline underscore highlight point recall recount detail outline reiterate repeat
echo agree disagree dispute contest contradict challenge reject dismiss refute rebut criticize criticise criticism
condemn condemnation denounce slam blast lambast praise hail welcome applaud thank congratulate apologize apologise
blame charge complain complaint protest lament regret decry deplore mock quip joke shout cry whisper chant speak spoke
spoken talk talked interview contend maintain believe belief think thought feel fear worry hope expect expectation doubt
suspect suspicion consider regard deem judge reckon guess assume presume imagine wonder according opinion view views
position words quote quoted cite cited citing account version narrative message letter communique communiqué release
liken compare recommend recommendation advise advice propose proposal suggestion request appeal plead plea petition
tout boast brag assure reassure observe observed express expressed frame framed alert alerts summed sum voice voiced
acknowledge acknowledged estimate estimates insist insisted lie lied mislead misled allege asserted assertion
assertions announcement announcements inform informs learn learned learnt hear heard find found seem know knew
understand understood realize realise want decline endorse oppose encourage discuss reference present
`;

/** A base form's inflections, as lemma() leaves them ("announce" -> "announc" for "announced"). */
const inflections = (w: string) => [w, `${w}s`, `${w}es`, `${w}d`, `${w}ed`, `${w}ing`, `${w.replace(/e$/, '')}ing`, `${w.replace(/y$/, 'i')}ed`];
const CUE_LEMMAS = new Set(WORDS.split(/\s+/).filter(Boolean).flatMap(inflections).map(lemma));

/** Verbs of doing that the tagger reads as cues on war news: a cue made of these (and no word of saying) is no cue. */
const ACTIONS = `
repel repelled unload unloaded impose imposed issue issued invite invited approve approves approved put pushed push circulate
circulated order orders ordered contrast contrasts aim aimed glad
strike struck shell shelled capture captured seize seized launch launched deploy deployed send sent fire
fired destroy destroyed kill killed hit hold held meet met visit visited sign signed adopt adopted pass passed vote voted
block blocked ban banned sanction sanctioned supply supplied deliver delivered provide provided give gave receive
received build built move moved withdraw withdrew advance advanced retreat retreated liberate liberated shoot down
intercept intercepted target targeted drop dropped raise raised lift lifted take took open opened close closed begin
began start started end ended join joined leave left arrive arrived return returned release charge charged plead
`;
const ACTION_LEMMAS = new Set(ACTIONS.split(/\s+/).filter(Boolean).flatMap(inflections).map(lemma));

/** A cue whose words of letters are all verbs of doing (or auxiliaries and particles): "has repelled", "unloaded", "Approves". */
export function isActionCue(cue: string): boolean {
  const words = (cue.match(/[\p{L}’'-]+/gu) ?? []).map((w) => lemma(w));
  if (words.length === 0 || words.some((w) => CUE_LEMMAS.has(w))) return false;
  return words.some((w) => ACTION_LEMMAS.has(w)) && words.every((w) => ACTION_LEMMAS.has(w) || FUNCTION_LEMMAS.has(w));
}
const FUNCTION_LEMMAS = new Set(['ha', 'has', 'have', 'had', 'be', 'is', 'are', 'was', 'were', 'been', 'will', 'would', 'also', 'then', 'to', 'not', 'had', 'subsequently', 'already', 'up', 'down', 'off', 'out', 'on', 'in', 'for', 'with', 'now', 'still', 'later', 'again', 'just'].map(lemma));

