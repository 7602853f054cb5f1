/** What the main thread and the analysis worker say to each other (see run.ts). */
import type { LayerName } from '../core/doc.js';
import type { Message, Provenance } from '../core/schema-parts.js';
import type { DocumentInfo } from '../core/schema.js';
import type { IngestOptions, RawInput } from '../ingest/index.js';

/** What a new worker is told to load ahead of its first article. */
export interface WarmUpHints {
  /** some input may be HTML (a URL, an .html file): load the HTML parser too */
  html?: boolean;
}

/** One article to analyse: its budget, and how much of it was spent before it was sent (reading). */
export interface Job {
  raw: RawInput;
  options: IngestOptions;
  budgetMs: number;
  spentMs: number;
}

export type WorkerMessage =
  /** models loaded (a worker takes no article before): the budget counts from here */
  | { kind: 'ready' }
  /** the article was decoded (and its HTML parsed): from here on a cut leaves a partial report */
  | { kind: 'ingested'; info: DocumentInfo; warnings: Message[] }
  /** one analyzer finished (its layer, when the report carries it; no provenance when it stopped part way); warnings as they stand then */
  | { kind: 'layer'; name: LayerName; layer?: unknown; timing: { analyzer: string; ms: number }; provenance?: Provenance; warnings: Message[] }
  | { kind: 'done'; cut: Message[]; warnings: Message[] }
  /** `exitCode` is set for a UserError (the user's to fix), absent for a bug */
  | { kind: 'failed'; message: string; exitCode?: number };
