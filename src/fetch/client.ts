/**
 * @file The polite HTTP client: the only code that talks to the network. One GET at a time (or
 * `concurrency`), paced, identified by a User-Agent, retried by error class with backoff, stopped
 * by a circuit breaker, never leaving the configured host, with size and time caps.
 */
import { Agent, request } from 'undici';
import { decompress, decodeHtml, readCapped } from './body.js';
import { FatalFetchError, ResumeLaterError, RetryableFetchError, RunStopError } from './errors.js';
import { Pacer, sleep } from './pacer.js';
import { backoffMs, retryAfterMs } from './retry-after.js';
import type { FetchSettings } from './settings.js';

export interface FetchResponse {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after same-host redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** Decompressed body bytes (empty for 304). */
  body: Buffer;
  notModified: boolean;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** What the client tells its caller while it waits (for progress and logs). */
export type ClientEvent =
  | { type: 'request'; url: string; attempt: number }
  | { type: 'retry'; url: string; waitMs: number; reason: string }
  | { type: 'charset-mismatch'; url: string };

export interface ClientOptions {
  signal?: AbortSignal;
  onEvent?: (e: ClientEvent) => void;
  random?: () => number;
}

export class PoliteClient {
  readonly pacer: Pacer;
  private readonly origin: URL;
  private readonly agent: Agent;
  private consecutiveFailures = 0;
  /** Set by robots.ts once robots.txt is read; null means everything is allowed. */
  isAllowed: ((url: string) => boolean) | null = null;

  constructor(
    readonly settings: FetchSettings,
    private readonly opts: ClientOptions = {},
  ) {
    this.origin = new URL(settings.baseUrl);
    this.pacer = new Pacer(settings.delayMs, settings.jitter, opts.random);
    this.agent = new Agent({
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connectTimeout: Math.min(settings.timeoutMs, 10_000),
      connections: settings.concurrency,
    });
  }

  /** Resolves a path or URL against the base URL; refuses anything on another host. */
  resolve(pathOrUrl: string): string {
    const url = new URL(pathOrUrl, this.origin);
    if (!this.isOnHost(url)) throw new FatalFetchError('off-host', `${url.href}: not on ${this.origin.host}; only the configured site is fetched`);
    return url.href;
  }

  isOnHost(url: URL): boolean {
    return url.host === this.origin.host && (url.protocol === 'https:' || url.protocol === 'http:');
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  /**
   * GETs a URL on the site with retries. Throws FatalFetchError (404, off-host, too large...),
   * RunStopError (breaker, interrupt, Retry-After too long) or, after the last try, RetryableFetchError.
   */
  async get(pathOrUrl: string, validators: Validators = {}, { checkRobots = true } = {}): Promise<FetchResponse> {
    const url = this.resolve(pathOrUrl);
    if (checkRobots && this.isAllowed && !this.isAllowed(url)) {
      throw new FatalFetchError('robots-disallowed', `${url}: disallowed by robots.txt; skipped`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.once(url, validators, attempt);
        this.consecutiveFailures = 0;
        return res;
      } catch (err) {
        if (!(err instanceof RetryableFetchError)) {
          if (err instanceof FatalFetchError && !(err instanceof RunStopError)) this.consecutiveFailures = 0;
          throw err;
        }
        const wait = err.retryAfterMs ?? backoffMs(attempt, this.settings.backoffMs, this.settings.maxBackoffMs, this.opts.random);
        if (err.retryAfterMs !== undefined && err.retryAfterMs > this.settings.maxRetryAfterMs) {
          throw new ResumeLaterError(new Date(Date.now() + err.retryAfterMs), url);
        }
        if (attempt >= this.settings.retries) {
          this.consecutiveFailures++;
          if (this.consecutiveFailures >= this.settings.breakerThreshold) {
            throw new RunStopError('circuit-open', `stopped after ${this.consecutiveFailures} pages in a row failed (last: ${err.message})`, {
              hint: 'the site may be down or blocking us; progress is saved: run the same command again later',
              cause: err,
            });
          }
          throw err;
        }
        this.opts.onEvent?.({ type: 'retry', url, waitMs: wait, reason: err.message });
        // A Retry-After holds every worker, not just this one.
        this.pacer.holdUntil(Date.now() + wait);
        await this.guard(() => sleep(wait, this.opts.signal));
      }
    }
  }

  /** Decodes a response body to text (charset from BOM, header, meta). */
  text(res: FetchResponse): string {
    const { text, mismatch } = decodeHtml(res.body, res.headers['content-type']);
    if (mismatch) this.opts.onEvent?.({ type: 'charset-mismatch', url: res.url });
    return text;
  }

  /** One try, following same-host redirects. */
  private async once(url: string, validators: Validators, attempt: number): Promise<FetchResponse> {
    let current = url;
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      await this.guard(() => this.pacer.wait(this.opts.signal));
      this.opts.onEvent?.({ type: 'request', url: current, attempt });
      let res;
      try {
        res = await this.guard(() => this.request(current, hop === 0 ? validators : {}));
      } finally {
        this.pacer.done();
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.location;
        if (!location) throw new FatalFetchError('bad-redirect', `${current}: HTTP ${res.status} without a Location`, { status: res.status });
        const next = new URL(location, current);
        if (!this.isOnHost(next)) {
          throw new FatalFetchError('off-host-redirect', `${current}: redirects off the site to ${next.href}; not followed`, { status: res.status });
        }
        current = next.href;
        continue;
      }
      return { ...res, url, finalUrl: current };
    }
    throw new FatalFetchError('too-many-redirects', `${url}: more than ${this.settings.maxRedirects} redirects`);
  }

  private async request(url: string, validators: Validators): Promise<Omit<FetchResponse, 'url' | 'finalUrl'>> {
    const headers: Record<string, string> = {
      'user-agent': this.settings.userAgent,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      'accept-language': 'en-GB,en;q=0.8',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    try {
      const res = await request(url, { method: 'GET', headers, dispatcher: this.agent, signal });
      const flat = flattenHeaders(res.headers);
      const status = res.statusCode;
      if (status === 429 || status === 503 || status >= 500) {
        await res.body.dump().catch(() => undefined);
        throw new RetryableFetchError(`http-${status}`, `${url}: HTTP ${status}`, { status, retryAfterMs: retryAfterMs(flat['retry-after']) });
      }
      if (status === 404 || status === 410) {
        await res.body.dump().catch(() => undefined);
        throw new FatalFetchError(status === 410 ? 'gone' : 'not-found', `${url}: HTTP ${status} (${status === 410 ? 'gone' : 'not found'})`, { status });
      }
      if (status >= 400) {
        await res.body.dump().catch(() => undefined);
        throw new FatalFetchError(`http-${status}`, `${url}: HTTP ${status}`, { status });
      }
      const wire = await readCapped(res.body, this.settings.maxBytes, url);
      const body = decompress(wire, flat['content-encoding'], this.settings.maxBytes, url);
      return { status, headers: flat, body, notModified: status === 304 };
    } catch (err) {
      if (err instanceof RetryableFetchError || err instanceof FatalFetchError) throw err;
      if (this.opts.signal?.aborted) throw err;
      if (timeout.aborted) throw new RetryableFetchError('timeout', `${url}: no complete answer within ${this.settings.timeoutMs} ms`, { cause: err });
      const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? 'network';
      if (DNS_FAILURES.has(code)) {
        // The name does not resolve: offline, or a mistyped --base-url. Retrying will not help.
        throw new RunStopError('no-network', `cannot reach ${new URL(url).host}: no network? (${code}: the name does not resolve)`, {
          hint: 'check the connection (and --base-url); progress is saved: run the same command again when online',
          cause: err,
        });
      }
      throw new RetryableFetchError('network', `${url}: ${describeNetworkError(code, err)}`, { cause: err });
    }
  }

  /** Turns a user interrupt into a RunStopError so callers can save and stop. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (this.opts.signal?.aborted) throw new RunStopError('interrupted', 'interrupted; progress is saved', { hint: 'run the same command again to resume' });
      throw err;
    }
  }
}

/** Name resolution failures: ENOTFOUND (no such name, or no DNS at all), EAI_AGAIN (resolver unreachable). */
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function describeNetworkError(code: string, err: unknown): string {
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was reset or closed early';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timed out';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'the body was cut short';
  return `${code}: ${(err as Error).message}`;
}
