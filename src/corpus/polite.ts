/**
 * Fetching many pages without hammering anyone: every request goes through ingest's guarded
 * fetchUrl (no private addresses unless allowed, size and time limits), at most `perHost` at a
 * time to one host, each start at least `delayMs` after the previous one there; a 429 or a 5xx is
 * retried after a backoff (the server's Retry-After when it sends one, capped), and a page seen
 * before is asked for conditionally (If-None-Match, If-Modified-Since).
 */
import { UserError } from '../core/errors.js';
import { fetchUrl, HttpError, type FetchOptions, type Fetched } from '../ingest/fetch.js';
import type { FetchState } from './store.js';

export interface PoliteOptions extends Omit<FetchOptions, 'headers' | 'accept'> {
  /** requests at a time to one host (default 2) */
  perHost?: number;
  /** ms between two request starts on one host (default 1,000) */
  delayMs?: number;
  /** retries after a 429 or 5xx (default 3) */
  retries?: number;
  /** first backoff in ms, doubled at each retry (default 2,000); Retry-After wins, up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface Host {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PoliteFetcher {
  private readonly hosts = new Map<string, Host>();
  private readonly perHost: number;
  private readonly delayMs: number;

  constructor(private readonly options: PoliteOptions = {}) {
    this.perHost = Math.max(1, options.perHost ?? 2);
    this.delayMs = Math.max(0, options.delayMs ?? 1000);
  }

  /** GETs `url` politely; `known` makes it conditional (a 304 comes back as status 304). */
  async fetch(url: string, known?: FetchState | null, accept?: ReadonlySet<string>): Promise<Fetched> {
    const host = hostKey(url);
    const headers: Record<string, string> = {};
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.slot(host, () =>
          fetchUrl(url, {
            ...this.options,
            ...(Object.keys(headers).length > 0 ? { headers } : {}),
            ...(accept ? { accept } : {}),
          }),
        );
      } catch (err) {
        if (!(err instanceof HttpError) || !retryable(err.status) || attempt >= retries) throw err;
        await sleep(this.backoff(err, attempt));
      }
    }
  }

  private backoff(err: HttpError, attempt: number): number {
    const max = this.options.maxBackoffMs ?? 60_000;
    const base = (this.options.backoffMs ?? 2000) * 2 ** attempt;
    return Math.min(max, err.retryAfterSeconds !== undefined ? err.retryAfterSeconds * 1000 : base);
  }

  /** Runs `request` when the host has a free slot and its delay has passed. */
  private async slot<T>(key: string, request: () => Promise<T>): Promise<T> {
    const host = this.hosts.get(key) ?? { active: 0, nextStart: 0, waiting: [] };
    this.hosts.set(key, host);
    while (host.active >= this.perHost) await new Promise<void>((resolve) => host.waiting.push(resolve));
    host.active++;
    try {
      const wait = host.nextStart - Date.now();
      host.nextStart = Math.max(Date.now(), host.nextStart) + this.delayMs;
      if (wait > 0) await sleep(wait);
      return await request();
    } finally {
      host.active--;
      host.waiting.shift()?.();
    }
  }
}

function retryable(status: number): boolean {
  return status === 429 || (status >= 500 && status < 600);
}

function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    throw new UserError(`${url}: not a valid URL`);
  }
}
