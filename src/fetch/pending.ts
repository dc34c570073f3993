/**
 * @file What a run leaves not held: pages that failed or were disallowed (kept pending in the
 * state and retried by later runs up to a cap) and listing links that could not be read. The
 * summary lists them, and the command exits non-zero while any is left.
 */
import type { PageOutcome } from './page.js';
import type { RawStore } from './raw-store.js';
import type { CrawlState } from './state.js';

export interface NotHeld {
  url: string;
  /** Null for a listing link that could not be read. */
  ref: string | null;
  code: string;
  message: string;
  /** Runs that tried it. */
  attempts: number;
  /** True when later runs will not try it again (fetch its URL to force a try). */
  givenUp: boolean;
}

/** True when a page needs no further try: held, gone upstream with our copy kept, or given up. */
export function settled(out: PageOutcome | null, failed: CrawlState['failed'][string] | undefined, maxAttempts: number): boolean {
  if (out === null) return true; // handled earlier in this run (a duplicate listing)
  if (out.kind === 'failed' || (out.kind === 'skipped' && out.reason !== 'already held')) return (failed?.attempts ?? 1) >= maxAttempts;
  return true;
}

/**
 * The listed decisions of this run that are not held, from the state's pending failures (only
 * those are read from disk again) and the unreadable links of the windows in range.
 */
export async function notHeld(refs: Iterable<string>, badLinks: Iterable<string>, state: CrawlState, store: RawStore, maxAttempts: number): Promise<NotHeld[]> {
  const out: NotHeld[] = [];
  for (const ref of new Set(refs)) {
    const f = state.failed[ref];
    if (!f || (await store.held(ref))) continue;
    const attempts = f.attempts ?? 1;
    out.push({ url: f.url, ref, code: f.code, message: f.message, attempts, givenUp: attempts >= maxAttempts });
  }
  for (const link of new Set(badLinks)) {
    out.push({ url: link, ref: null, code: 'bad-link', message: `${link}: a decision link in the listing that cannot be read; not fetched`, attempts: 1, givenUp: false });
  }
  return out;
}
