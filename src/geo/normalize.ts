/**
 * Keys for looking names up. Two levels:
 * - `normalizeKey`: lowercase, no diacritics, no apostrophes, hyphens and punctuation as spaces.
 * - `skeleton`: the key of every spelling of one name. Cyrillic is transliterated, then the
 *   differences between romanisation schemes and press habits are folded away (kh/h/g, y/i/j,
 *   ya/ia/ja, ye/e, zh/z, ts/c, doubled letters, -sk/-s'k...). Index and query both go through it,
 *   so Krasnoarmiysk, Krasnoarmiisk and Красноармійськ meet on one key, and so do Gulyaypole,
 *   Huliaipole and Гуляйполе: no per-scheme variants need to be stored.
 */

// One table for Russian, Ukrainian, Belarusian and Kazakh letters; the skeleton folds what the
// schemes disagree on, so a single transliteration suffices.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ё: 'io', ж: 'zh', з: 'z', и: 'y',
  і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'iu', я: 'ia', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
};

const APOSTROPHES = /['’‘ʼʹ`´"”“ʻ]/g;
const MARKS = /\p{M}/gu;
// Greek, Armenian, Hebrew, Arabic, Indic, CJK...: names in these scripts are not indexed
const OTHER_SCRIPT = /[\u0370-\u03ff\u0530-\u1dff\u2e80-\uffef]/;

/** Lowercase, strip diacritics and apostrophes, every other non-letter run becomes one space. */
export function normalizeKey(name: string): string {
  let s = name.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) {
    s = s
      .replace(/ß/g, 'ss')
      .replace(/[łŀ]/g, 'l')
      .replace(/ø/g, 'o')
      .replace(/æ/g, 'ae')
      .replace(/đ/g, 'd')
      .replace(/ı/g, 'i')
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(APOSTROPHES, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ');
  } else {
    s = s.replace(/['`"]/g, '').replace(/[^a-z0-9]+/g, ' ');
  }
  s = s.trim();
  return s.startsWith('the ') ? s.slice(4) : s;
}

const HAS_CYRILLIC = /[\u0400-\u04ff]/;

/** Cyrillic letters to Latin (after normalizeKey; й and ї survive it as и and і). */
export function transliterate(key: string): string {
  if (!HAS_CYRILLIC.test(key)) return key;
  let out = '';
  for (const ch of key) out += CYRILLIC[ch] ?? ch;
  return out;
}

const VOWEL = /[aeiou]/;

/**
 * Folds the letter groups on which romanisations differ, left to right, longest group first.
 * A plain switch: this runs on every spelling of 200k places at build time.
 */
function foldGroups(s: string): string {
  let out = '';
  let i = 0;
  const at = (g: string) => s.startsWith(g, i);
  while (i < s.length) {
    const c = s[i]!;
    let to = c;
    let len = 1;
    switch (c) {
      case 's': // щ = shch/sch/szcz, ш = sh/sz(Polish)
        if (at('shch') || at('szcz')) [to, len] = ['s', 4];
        else if (at('sch')) [to, len] = ['s', 3];
        else if (at('sh')) [to, len] = ['s', 2];
        else if (at('sz')) [to, len] = ['z', 2];
        break;
      case 't': // ц = ts/tz, ч = tsch/tch
        if (at('tsch')) [to, len] = ['c', 4];
        else if (at('tch')) [to, len] = ['c', 3];
        else if (at('ts') || at('tz')) [to, len] = ['c', 2];
        break;
      case 'c': // ч = ch/cz; German 'ch' before a consonant is х (Schachtjorsk)
        if (at('cz')) [to, len] = ['c', 2];
        else if (at('ch')) [to, len] = [VOWEL.test(s[i + 2] ?? '') ? 'c' : 'h', 2];
        break;
      case 'k': // х = kh/h
        if (at('kh')) [to, len] = ['h', 2];
        break;
      case 'g': // Russian г = g, Ukrainian г = h
        [to, len] = ['h', at('gh') ? 2 : 1];
        break;
      case 'z':
        if (at('zh')) [to, len] = ['z', 2];
        break;
      case 'p':
        if (at('ph')) [to, len] = ['f', 2];
        break;
      case 'w':
        to = 'v';
        break;
      case 'y': // й, и, ы; ya/ia/ja, yi/iy/ii
      case 'j':
        to = 'i';
        break;
    }
    out += to;
    i += len;
  }
  return out;
}

/** The spelling-insensitive key of a name (Latin or Cyrillic); '' when nothing is left. */
export function skeleton(name: string): string {
  if (OTHER_SCRIPT.test(name)) return '';
  let s = transliterate(normalizeKey(name));
  if (/[^a-z0-9 ]/.test(s)) return ''; // other scripts: not indexed (articles are in Latin or Cyrillic)
  return foldGroups(s)
    .replace(/io/g, 'e') // ё: yo/io/e
    .replace(/([a-z])\1+/g, '$1') // doubled letters; also iy/yi/ii once y is i
    .replace(/ie/g, 'e'); // ye/je/ie and e
}
