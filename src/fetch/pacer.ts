/**
 * @file Request pacing: each request starts at least `delayMs` (plus jitter) after both the start
 * and the end of the one before, whatever the concurrency. Slots are reserved synchronously, so two
 * callers never get the same one.
 */

/** Sleeps `ms`, waking early (with the signal's reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class Pacer {
  private last = -Infinity;
  /** When the last request really started (its timer may have fired late). */
  private lastStart = -Infinity;
  private delayMs: number;

  /**
   * @param delayMs minimum gap between request starts
   * @param jitter extra random gap as a fraction of delayMs (0.5: up to 50% more)
   * @param random injectable for tests
   */
  constructor(
    delayMs: number,
    private readonly jitter: number,
    private readonly random: () => number = Math.random,
  ) {
    this.delayMs = delayMs;
  }

  /** The gap now in force (robots.txt Crawl-delay can only raise it). */
  get minDelayMs(): number {
    return this.delayMs;
  }

  /** Raises the minimum gap, e.g. to honour a Crawl-delay. */
  raiseTo(ms: number): void {
    this.delayMs = Math.max(this.delayMs, ms);
  }

  /** Pushes the next slot back, e.g. after a Retry-After, so no request of any worker starts before it. */
  holdUntil(epochMs: number): void {
    this.last = Math.max(this.last, epochMs - this.delayMs);
  }

  /**
   * Marks a request as finished: the next one waits `delayMs` from now too. Spacing from the end
   * as well as the start means a slow answer or a late send can never bunch two requests at the server.
   */
  done(): void {
    this.last = Math.max(this.last, Date.now());
  }

  /**
   * Waits for this caller's slot. A timer can fire late on a loaded machine: the start then
   * counts from when it really happened, and a caller whose slot would now come too soon after it
   * takes a new one, so two requests never start closer than the delay.
   */
  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      const gap = this.delayMs * (1 + this.random() * this.jitter);
      const slot = Math.max(now, this.last + gap);
      this.last = slot;
      await sleep(slot - now, signal);
      const started = Date.now();
      if (started - this.lastStart >= this.delayMs) {
        this.lastStart = started;
        this.last = Math.max(this.last, started);
        return;
      }
    }
  }
}
