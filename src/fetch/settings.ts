/**
 * @file Fetch settings as one zod object with defaults. Precedence, highest first: CLI flag,
 * environment variable (LGO_FETCH_DELAY, LGO_USER_AGENT, LGO_BASE_URL), default. Polite by default:
 * one request at a time, at least 2 s apart with up to 50% jitter.
 */
import { z } from 'zod';
import { UsageError } from '../errors.js';

export const DEFAULT_BASE_URL = 'https://www.lgo.org.uk';
export const DEFAULT_USER_AGENT =
  'lgo-decisions/0.1 (+https://github.com/lgo-decisions/lgo-decisions; research crawler of published LGSCO decisions)';

export const FetchSettings = z.strictObject({
  /** Scheme and host of the site; nothing off this host is ever requested. */
  baseUrl: z.string().url().default(DEFAULT_BASE_URL),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  /** Minimum gap between the starts of two requests, in ms (robots.txt Crawl-delay may raise it). */
  delayMs: z.number().int().min(0).default(2000),
  /** Extra random wait, as a fraction of delayMs: 0.5 means up to 50% more. */
  jitter: z.number().min(0).max(2).default(0.5),
  /** Requests in flight at once. */
  concurrency: z.number().int().min(1).max(8).default(1),
  /** Whole-request time cap (headers and body), in ms. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Body size cap after decompression, in bytes (a gzip bomb stops here). */
  maxBytes: z.number().int().positive().default(5 * 1024 * 1024),
  /** Tries after the first for a retryable failure. */
  retries: z.number().int().min(0).max(10).default(4),
  /** First backoff wait, in ms; doubled each try, with full jitter. */
  backoffMs: z.number().int().min(0).default(2000),
  /** Largest backoff wait, in ms. */
  maxBackoffMs: z.number().int().min(0).default(120_000),
  /** Longest Retry-After we sleep through; longer means save and stop with a resume time. */
  maxRetryAfterMs: z.number().int().min(0).default(10 * 60_000),
  /** Consecutive failed pages (after retries) that stop the run. */
  breakerThreshold: z.number().int().positive().default(3),
  /** Same-host redirects followed at most. */
  maxRedirects: z.number().int().min(0).default(5),
  /** Obey robots.txt (only tests of the fixture site turn this off). */
  robots: z.boolean().default(true),
  /** Runs that try a page that failed or was disallowed before giving up on it (it stays reported). */
  maxPageAttempts: z.number().int().positive().default(3),
  /** A listing window with more results than this is split in two. */
  maxWindowResults: z.number().int().positive().default(1000),
});
export type FetchSettings = z.infer<typeof FetchSettings>;
export type FetchSettingsInput = z.input<typeof FetchSettings>;

/** Validates settings and fills defaults; a bad value is a UsageError naming the field. */
export function resolveSettings(input: FetchSettingsInput = {}): FetchSettings {
  const parsed = FetchSettings.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`fetch setting ${issue.path.join('.') || '?'}: ${issue.message}`);
  }
  return parsed.data;
}
