/**
 * @file Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date. Pure.
 */

/**
 * Milliseconds to wait from `now`; undefined when the header is absent or unreadable.
 * @example retryAfterMs('120') // 120000
 * @example retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')) // 60000
 */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter: a random wait in [base*2^attempt/2, base*2^attempt], capped.
 * @param attempt 0 for the first retry
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
