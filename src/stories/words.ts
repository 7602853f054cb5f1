/**
 * Words as the story layer compares them: lower-cased letters and digits, with the apostrophes and
 * hyphens inside a word kept, each with its offsets in the text so that what is compared can be
 * shown. Typography that rewrites change without changing a word (curly quotes, dashes, case) is
 * folded away.
 */
export interface Word {
  /** the folded form: lower case, ’ -> ' */
  w: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    out.push({ w: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Function words and the verbs of reporting: every news sentence has them, so they say nothing of
 * which sentence a rewrite comes from or which claim a sentence makes.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but of in on at to for from by with as into onto over after before since than that this these those ' +
    'it its is are was were be been being has have had do does did will would can could may might must shall should ' +
    'he she they we i you his her their our my your him them us not no so if then there here who whom which what when where ' +
    'also said says say told tell reported added stated according').split(' '),
);

/** 32-bit FNV-1a of a string: the shingle hash; stable across runs and machines. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The distinct hashes of every run of `k` consecutive words (w-shingles). A text shorter than k
 * words gives one shingle of all its words, so that short texts can still match their copies.
 */
export function shingles(ws: readonly Word[], k: number): Uint32Array {
  const set = new Set<number>();
  if (ws.length > 0 && ws.length < k) set.add(fnv1a(ws.map((x) => x.w).join(' ')));
  for (let i = 0; i + k <= ws.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = fnv1a(ws[j]!.w + ' ', h);
    set.add(h);
  }
  return Uint32Array.from(set);
}
