/**
 * @file One decision page: skip when held, otherwise fetch (conditionally when held and asked to
 * revalidate), check that it is a decision, and store it, keeping an older version.
 */
import { NotADecisionError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import type { FetchResponse, PoliteClient } from './client.js';
import { FatalFetchError, RetryableFetchError, RunStopError } from './errors.js';
import { detectChallenge } from './listing.js';
import { sha256, type RawStore } from './raw-store.js';
import type { ListingCard } from '../record/listing.js';
import type { CrawlState } from './state.js';

export interface PageTarget {
  /** Canonical URL. */
  url: string;
  /** Path to request from the configured base URL. */
  path: string;
  ref: string;
  date: string | null;
  /** The listing card the page was found through, if any (kept in the sidecar). */
  card?: ListingCard | null;
}

export type PageOutcome =
  | { kind: 'fetched' | 'updated' | 'unchanged' | 'would-fetch' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'vanished'; status: number | null }
  | { kind: 'failed'; code: string; message: string };

/** Checks a fetched page is a decision; throws NotADecisionError when it is not. */
export type PageCheck = (bytes: Uint8Array, text: string, target: PageTarget) => void;

export interface PageContext {
  client: PoliteClient;
  store: RawStore;
  state: CrawlState;
  check: PageCheck;
  dryRun: boolean;
}

/**
 * Fetches and stores one page. Only RunStopError escapes (the run must stop); every other
 * failure becomes an outcome, recorded in the state.
 */
export async function processPage(ctx: PageContext, t: PageTarget, revalidate: boolean): Promise<PageOutcome> {
  const held = await ctx.store.held(t.ref);
  if (held && !revalidate) return { kind: 'skipped', reason: 'already held' };
  if (ctx.dryRun) return { kind: 'would-fetch' };
  let res: FetchResponse;
  try {
    res = await ctx.client.get(t.path, held ? { etag: held.meta.etag, lastModified: held.meta.lastModified } : {});
  } catch (err) {
    if (err instanceof RunStopError) throw err;
    if (err instanceof FatalFetchError && err.code === 'robots-disallowed') return { kind: 'skipped', reason: 'disallowed by robots.txt' };
    if (err instanceof FatalFetchError && (err.status === 404 || err.status === 410)) {
      if (held) {
        // Flag, never delete: the decision may have been withdrawn or moved; our copy stays.
        ctx.state.vanished[t.ref] = { url: t.url, status: err.status, at: new Date().toISOString() };
        return { kind: 'vanished', status: err.status };
      }
    }
    if (err instanceof FatalFetchError || err instanceof RetryableFetchError) return fail(ctx, t, err.code, err.message);
    throw err;
  }
  const now = new Date().toISOString();
  if (res.notModified && held) {
    await ctx.store.touch(t.ref, held, { checkedAt: now });
    return { kind: 'unchanged' };
  }
  const text = ctx.client.text(res);
  const challenge = detectChallenge(text);
  if (challenge) {
    throw new RunStopError('bot-challenge', `${res.finalUrl}: the site answered with ${challenge} instead of the decision`, {
      hint: 'the site is challenging automated requests; progress is saved; wait before running again',
    });
  }
  try {
    ctx.check(res.body, text, t);
  } catch (err) {
    if (err instanceof NotADecisionError) return fail(ctx, t, err.code, `${res.finalUrl}: not a decision page (${err.message}); not stored`);
    throw err;
  }
  delete ctx.state.failed[t.ref];
  delete ctx.state.vanished[t.ref];
  if (held && held.meta.sha256 === sha256(res.body)) {
    await ctx.store.touch(t.ref, held, { checkedAt: now, etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null });
    return { kind: 'unchanged' };
  }
  const saved = await ctx.store.save(
    t.ref,
    res.body,
    {
      url: t.url,
      ref: t.ref,
      fetchedFrom: res.finalUrl,
      fetchedAt: now,
      checkedAt: now,
      status: res.status,
      etag: res.headers.etag ?? null,
      lastModified: res.headers['last-modified'] ?? null,
      contentType: res.headers['content-type'] ?? null,
      headers: res.headers,
      listedDate: t.date ?? held?.meta.listedDate ?? null,
      listing: t.card ?? held?.meta.listing ?? null,
    },
    held,
  );
  return { kind: saved === 'new' ? 'fetched' : 'updated' };
}

function fail(ctx: PageContext, t: PageTarget, code: string, message: string): PageOutcome {
  ctx.state.failed[t.ref] = { url: t.url, code, message, at: new Date().toISOString() };
  return { kind: 'failed', code, message };
}

/**
 * The default page check: the page must carry its own reference (every decision's title line
 * does), then the parser must accept it. A parser that is not built yet (ParseError) is not a
 * reason to drop a page; only NotADecisionError is.
 */
export function makePageCheck(parse: ((bytes: Uint8Array, url: string) => unknown) | null): PageCheck {
  return (bytes, text, t) => {
    const plain = text.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ');
    const refs = [...plain.matchAll(/\b\d{2}[ -]?\d{3}[ -]?\d{3}[a-z]?\b/gi)].map((m) => normaliseRef(m[0]));
    if (!refs.includes(t.ref) && !refs.includes(t.ref.replace(/[a-z]$/, ''))) {
      throw new NotADecisionError(`the page does not mention its reference ${t.ref}`);
    }
    if (!parse) return;
    try {
      parse(bytes, t.url);
    } catch (err) {
      if (err instanceof NotADecisionError) throw err;
    }
  };
}
