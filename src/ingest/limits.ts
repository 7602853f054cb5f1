/** Defaults for what ingest accepts, and how a limit is named to the user. */

/** Largest input read (file, stdin, downloaded page): 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/**
 * The most --max-bytes may allow: 10 MB. Analysis takes about 200 times an article's size in
 * memory (a 5 MB text: ~1 GB), and the analysis worker's heap is capped at 3 GB; 200 MB let
 * through ended in a V8 fatal error after 3.7 GB.
 */
export const MAX_BYTES_CEILING = 10 * 1024 * 1024;
/** Whole-fetch timeout for a URL, redirects included. */
export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** "x.txt is 20.0 MB, over the 5.0 MB limit (use --max-bytes to raise it)" */
export function tooBigMessage(name: string, size: number | null, limit: number): string {
  // sizes that round alike are given in bytes: never "20.0 MB, over the 20.0 MB limit"
  const exact = size !== null && formatSize(size) === formatSize(limit);
  const show = (n: number) => (exact ? `${n.toLocaleString('en')} bytes` : formatSize(n));
  const what = size === null ? `${name} is larger than` : `${name} is ${show(size)}, over`;
  return `${what} the ${show(limit)} limit (use --max-bytes to raise it)`;
}
