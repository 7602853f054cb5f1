/**
 * Runs the times layer over TimeML documents (TimeBank, AQUAINT) as the analyser would (English
 * sentences from the text layer, anchored at the document's creation date) and scores it with the
 * TempEval-3 measures. Which folder is dev and which a check is the caller's to say.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { readTimeml, scoreTimexes, type Timex, type TimemlDocument, type TimexScores } from '../eval/timeml.js';
import { segment } from '../text/segment.js';
import { anchorFromPublished } from './anchor.js';
import { extractTimes } from './extract.js';

/** Every .tml file under `dir` (one level of sub-folders, as timeml/ holds timebank/ and aquaint/). */
export function loadTimeml(dir: string): TimemlDocument[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    throw new UserError(`cannot read the TimeML folder '${dir}'`);
  }
  const docs: TimemlDocument[] = [];
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) docs.push(...loadTimeml(path));
    else if (name.endsWith('.tml')) docs.push(readTimeml(name.replace(/\.tml$/, ''), readFileSync(path, 'utf8')));
  }
  return docs;
}

/** Our expressions in one TimeML document, as TIMEX3 spans. */
export function tagTimeml(doc: TimemlDocument): Timex[] {
  const { sentences } = segment(doc.text, 'en');
  return extractTimes({ text: doc.text, language: 'en', anchor: anchorFromPublished(doc.dct), sentences }).map((t) => ({
    start: t.start,
    end: t.end,
    type: t.type,
    value: t.value ?? '',
  }));
}

export function evaluateTimeml(docs: readonly TimemlDocument[]): TimexScores & { documents: number } {
  if (docs.length === 0) throw new UserError('no .tml documents found');
  return { documents: docs.length, ...scoreTimexes(docs.map((d) => ({ gold: d.timexes, system: tagTimeml(d) }))) };
}
