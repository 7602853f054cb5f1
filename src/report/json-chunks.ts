/**
 * `JSON.stringify(value, null, indent)` in pieces, the same text: the report of a 5 MB article is
 * over 100 MB of indented JSON (UTF-16 in memory, then UTF-8 for the write), which held whole beside
 * the report took a few hundred MB at the end of the run. Objects and arrays down to `depth` are
 * walked here; below it each value is one JSON.stringify, re-indented (a JSON text holds no raw
 * newline but between its tokens, so indenting after each newline is exact).
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 3): Generator<string> {
  yield* chunks(value, ' '.repeat(indent), '', depth);
}

function* chunks(value: unknown, step: string, pad: string, depth: number): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!plain || depth === 0) {
    const text = JSON.stringify(value, null, step);
    yield pad && text ? text.replace(/\n/g, `\n${pad}`) : text;
    return;
  }
  const inner = pad + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      const v = value[i];
      // as JSON.stringify: what has no JSON form is null in an array
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* chunks(v, step, inner, depth - 1);
    }
    return yield `\n${pad}]`;
  }
  let first = true;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue; // left out, as JSON.stringify does
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunks(v, step, inner, depth - 1);
  }
  yield first ? '{}' : `\n${pad}}`;
}

/**
 * Writes `value` as indented JSON and a newline in pieces of about `size` characters: small
 * enough to die young (a piece of a megabyte is a large object, collected only by a full GC, so
 * a hundred of them piled up), large enough that the writes are few.
 */
export function writeJson(write: (piece: string) => unknown, value: unknown, indent = 2, size = 16_384): void {
  writeInPieces(write, withNewline(jsonChunks(value, indent)), size);
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/** Writes text made in small pieces (jsonChunks, htmlPieces) in writes of about `size` characters. */
export function writeInPieces(write: (piece: string) => unknown, pieces: Iterable<string>, size: number): void {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      write(buffer.join(''));
      buffer = [];
      length = 0;
    }
  }
  write(buffer.join(''));
}
