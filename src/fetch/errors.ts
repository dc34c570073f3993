/**
 * @file Fetch errors. The retry policy is expressed by type, not by a flag (crawlee's habit):
 * a RetryableFetchError is tried again with backoff; a FatalFetchError is not. A few fatal kinds
 * stop the whole run (they subclass RunStopError) because going on would hammer or mislead.
 */
import { LgoError } from '../errors.js';

/** A request that may succeed if tried again later: timeouts, resets, truncated bodies, 5xx, 429. */
export class RetryableFetchError extends LgoError {
  /** The server's Retry-After, in milliseconds from now, when it sent one. */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(code: string, message: string, opts: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(code, message, { exitCode: 1, cause: opts.cause });
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** A request that will not succeed by trying again: 404/410, other 4xx, off-host redirect, too large, robots. */
export class FatalFetchError extends LgoError {
  readonly status: number | undefined;

  constructor(code: string, message: string, opts: { status?: number; hint?: string; cause?: unknown } = {}) {
    super(code, message, { exitCode: 1, hint: opts.hint, cause: opts.cause });
    this.status = opts.status;
  }
}

/**
 * Stops the run, saving progress first: a bot challenge, an empty search shell, a listing whose
 * count does not add up, repeated consecutive failures (circuit breaker), a user interrupt.
 */
export class RunStopError extends FatalFetchError {}

/** The server asked us to wait longer than we are willing to sleep: stop and say when to resume. */
export class ResumeLaterError extends RunStopError {
  readonly resumeAt: Date;

  constructor(resumeAt: Date, url: string) {
    super('resume-later', `${url}: the site asked us to wait until ${resumeAt.toISOString()} (Retry-After); progress is saved`, {
      hint: `run the same command again after ${resumeAt.toISOString()}; it resumes where it stopped`,
    });
    this.resumeAt = resumeAt;
  }
}

/** True for errors the fetcher may try again. */
export function isRetryable(err: unknown): err is RetryableFetchError {
  return err instanceof RetryableFetchError;
}
