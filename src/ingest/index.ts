/**
 * Ingest: turns what the user handed us into a DocumentInfo whose `text` all offsets refer to.
 * (Minimal text-only version; HTML, URL, stdin and language detection land with the ingest work.)
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import type { IngestOptions, Ingested, Input } from './types.js';

export async function ingest(input: Input, options: IngestOptions = {}): Promise<Ingested> {
  if (input.kind === 'file') {
    const bytes = await readFile(input.path).catch(() => {
      throw new UserError(`cannot read ${input.path}: no such file`);
    });
    return fromText(new TextDecoder('utf-8').decode(bytes), options, { kind: 'text', path: input.path });
  }
  if (input.kind === 'text') return fromText(input.text, options, { kind: 'text', path: input.path });
  throw new UserError(`input of kind '${input.kind}' is not supported yet`);
}

function fromText(text: string, options: IngestOptions, source: Ingested['info']['source']): Ingested {
  if (text.trim() === '') throw new UserError(`${source.path ?? 'input'}: the article is empty`);
  return {
    info: {
      id: createHash('sha256').update(text).digest('hex').slice(0, 16),
      text,
      language: 'en',
      publishedAt: options.published ?? null,
      ...(options.published ? { publishedAtSource: 'option' as const } : {}),
      source,
    },
    warnings: [],
  };
}
