/**
 * The article's language, ISO 639-1 ('und' when it cannot be told). lande is a small character
 * n-gram network whose cost grows with the input (measured warm, idle machine: 2 ms for 1,000
 * characters, 5 ms for a 535-word article, ~9 ms for 1,000 words): so it reads only the first
 * ~1,000 characters, plenty to tell a language, and the cost per article stays flat.
 */
import type Lande from 'lande';

const SAMPLE_CHARS = 1000;
/** Below this many letters a guess is noise: Latin script is taken as English, anything else as unknown. */
const MIN_LETTERS = 20;
/** lande's top score under this is too unsure to name a language. */
const MIN_CONFIDENCE = 0.5;

/** lande's ISO 639-3 codes -> ISO 639-1 (Mandarin -> zh, Persian -> fa, Central Kurdish -> ku). */
const ISO1: Record<string, string> = {
  afr: 'af', ara: 'ar', aze: 'az', bel: 'be', ben: 'bn', bul: 'bg', cat: 'ca', ces: 'cs', ckb: 'ku',
  cmn: 'zh', dan: 'da', deu: 'de', ell: 'el', eng: 'en', est: 'et', eus: 'eu', fin: 'fi', fra: 'fr',
  hau: 'ha', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ind: 'id', isl: 'is', ita: 'it',
  jpn: 'ja', kat: 'ka', kaz: 'kk', kor: 'ko', lit: 'lt', mar: 'mr', mkd: 'mk', nld: 'nl', nob: 'nb',
  pes: 'fa', pol: 'pl', por: 'pt', ron: 'ro', run: 'rn', rus: 'ru', slk: 'sk', spa: 'es', srp: 'sr',
  swe: 'sv', tgl: 'tl', tur: 'tr', ukr: 'uk', vie: 'vi',
};

const NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * English function words: in English prose they are a third or more of the words; in other
 * Latin-script languages a few percent. A sample that is plainly English skips lande, whose model
 * costs ~60 ms to load: most runs never need it.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on with was as by said at from it has have are were be this which an its their his her not but or'.split(' '),
);
const PLAINLY_ENGLISH = { minWords: 30, minShare: 0.25 };

let lande: typeof Lande | undefined;

export async function detectLanguage(text: string): Promise<string> {
  const sample = cutAtSpace(text, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length < MIN_LETTERS) {
    const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
    return letters.length > 0 && latin * 2 > letters.length ? 'en' : 'und';
  }
  if (plainlyEnglish(sample)) return 'en';
  lande ??= (await import('lande')).default;
  const [best] = lande(sample);
  if (!best || best[1] < MIN_CONFIDENCE) return 'und';
  return ISO1[best[0]] ?? 'und';
}

/** A warning for a language the shipped (English) models were not made for, else null. */
export function languageWarning(language: string): string | null {
  if (language === 'en') return null;
  if (language === 'und') return 'could not tell the language of the article; the analysis assumes English';
  const name = NAMES.of(language) ?? language;
  return `the article looks ${name} (${language}); unspin's models are trained on English, so expect weaker results`;
}

function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < PLAINLY_ENGLISH.minWords) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits >= words.length * PLAINLY_ENGLISH.minShare;
}

function cutAtSpace(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}
