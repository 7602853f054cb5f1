/**
 * English sentence boundaries mended after wink's splitter, so that every layer reads the same
 * sentences. The splitter breaks about 1% of sentences where no sentence ends, and a source or a
 * date is then cut in two ("said Rep. Jim Clyburn (D-S." / "C.), the assistant leader ...").
 * Such a boundary is dropped:
 *  - a sentence that leaves a parenthesis open goes on into the next one ("(D-S." + "C.)");
 *  - a sentence that ends in a title's abbreviation goes on into the name ("the Rev." + "Al Sharpton");
 *  - no sentence starts with a lower-case word ("“Is it?”" + "he asks.").
 * A boundary at a line break always stays. When nothing is joined the layers are returned as they are.
 */
import type { Token } from '../core/doc.js';
import type { Sentence } from '../core/schema.js';

const TITLE = /^(?:Sen|Sens|Rep|Reps|Rev|Gov|Govs|Pres|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Del|Dr|Mr|Mrs|Ms|Prof)$/;

export function joinBrokenSentences(text: string, sentences: Sentence[], tokens: Token[]): { sentences: Sentence[]; tokens: Token[] } {
  const n = sentences.length;
  // per sentence: its last token, and the parentheses it leaves open
  const last = new Int32Array(n).fill(-1);
  const open = new Int32Array(n);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    last[t.sentence] = i;
    if (t.text === '(') open[t.sentence]!++;
    else if (t.text === ')') open[t.sentence]!--;
  }
  const joins = new Uint8Array(n); // joins[s]: sentence s goes on from sentence s - 1
  let any = false;
  let carried = 0; // parentheses left open by the sentence being built
  for (let s = 1; s < n; s++) {
    carried += open[s - 1]!;
    const end = last[s - 1]!;
    if (end < 0 || text.slice(sentences[s - 1]!.end, sentences[s]!.start).includes('\n')) {
      carried = 0;
      continue;
    }
    const dot = tokens[end]!;
    const before = tokens[end - 1];
    const title = dot.text === '.' && before !== undefined && before.end === dot.start && TITLE.test(before.text);
    const lower = /^\p{Ll}/u.test(tokens[end + 1]?.text ?? '');
    if (carried > 0 || title || lower) joins[s] = 1;
    else carried = 0;
    any ||= joins[s] === 1;
  }
  if (!any) return { sentences, tokens };
  const index = new Int32Array(n); // old sentence -> joined sentence
  const joined: Sentence[] = [];
  for (let s = 0; s < n; s++) {
    if (joins[s]) joined[joined.length - 1] = { start: joined[joined.length - 1]!.start, end: sentences[s]!.end };
    else joined.push({ start: sentences[s]!.start, end: sentences[s]!.end });
    index[s] = joined.length - 1;
  }
  for (const t of tokens) t.sentence = index[t.sentence]!; // the tokens are this layer's own, made by segment()
  return { sentences: joined, tokens };
}
