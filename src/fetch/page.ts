/**
 * @file One decision page: skip when held, otherwise fetch (conditionally when held and asked to
 * revalidate), check that it is a decision, and store it, keeping an older version.
 */
import { NotADecisionError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import type { FetchResponse, PoliteClient } from './client.js';
import { FatalFetchError, RetryableFetchError, RunStopError } from './errors.js';
import { detectChallenge } from './listing.js';
import fs from 'node:fs/promises';
import { decodeHtml } from './body.js';
import { sha256, type HeldPage, type RawMeta, type RawStore } from './raw-store.js';
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
  | { kind: 'failed'; code: string; message: string }
  /** --refresh got a version that reads into a less complete record: the held one stays current. */
  | { kind: 'kept'; message: string };

/** How complete the record a page reads into is, to compare two versions of one page. */
export interface PageQuality {
  truncated: boolean;
  sections: number;
  paragraphs: number;
}

/** Checks a fetched page is a decision (throws NotADecisionError when not); may say how complete it reads. */
export type PageCheck = (bytes: Uint8Array, text: string, target: PageTarget) => PageQuality | void;

export interface PageContext {
  client: PoliteClient;
  store: RawStore;
  state: CrawlState;
  check: PageCheck;
  dryRun: boolean;
  /** Runs that try a failed or disallowed page before giving up on it. */
  maxAttempts: number;
  /** An explicit target (named by the user) is tried whatever its past failures. */
  explicit?: boolean;
}

/**
 * Fetches and stores one page. Only RunStopError escapes (the run must stop); every other
 * failure becomes an outcome, recorded in the state.
 */
export async function processPage(ctx: PageContext, t: PageTarget, revalidate: boolean): Promise<PageOutcome> {
  const held = await ctx.store.held(t.ref);
  if (held && !revalidate) return { kind: 'skipped', reason: 'already held' };
  if (ctx.dryRun) return { kind: 'would-fetch' };
  const past = ctx.state.failed[t.ref];
  if (!held && past && !ctx.explicit && (past.attempts ?? 1) >= ctx.maxAttempts) {
    return { kind: 'failed', code: past.code, message: `${past.message} (given up after ${past.attempts ?? 1} runs; fetch its URL to try again)` };
  }
  let res: FetchResponse;
  try {
    res = await ctx.client.get(t.path, held ? { etag: held.meta.etag, lastModified: held.meta.lastModified } : {});
  } catch (err) {
    if (err instanceof RunStopError) throw err;
    if (err instanceof FatalFetchError && err.code === 'robots-disallowed') {
      // Not held, so it stays pending and reported (robots.txt may change), like a failure.
      if (!held) record(ctx, t, err.code, err.message);
      return { kind: 'skipped', reason: 'disallowed by robots.txt' };
    }
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
  let quality: PageQuality | void;
  try {
    quality = ctx.check(res.body, text, t);
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
  const worse = held && quality ? await lessComplete(ctx, t, held, quality) : null;
  if (worse) {
    // A cut-off 200 (or an edit that lost sections) never silently replaces a fuller copy.
    // Once per distinct version: a site that keeps serving it does not fill versions/ with copies.
    const sha = sha256(res.body);
    if (held!.meta.setAside !== sha) await ctx.store.saveVersion(t.ref, res.body, { ...metaOf(t, res, now, held), note: `not made current: ${worse}` });
    await ctx.store.touch(t.ref, held!, { checkedAt: now, setAside: sha });
    return { kind: 'kept', message: `${t.url}: the new version ${worse}; the held copy stays current, the new one is kept in raw/versions/` };
  }
  const saved = await ctx.store.save(
    t.ref,
    res.body,
    metaOf(t, res, now, held),
    held,
  );
  return { kind: saved === 'new' ? 'fetched' : 'updated' };
}

function metaOf(t: PageTarget, res: FetchResponse, now: string, held: HeldPage | null): Omit<RawMeta, 'sha256' | 'bytes'> {
  return {
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
  };
}

/** Says how the new version reads into a less complete record than the held one, or null when it does not. */
async function lessComplete(ctx: PageContext, t: PageTarget, held: HeldPage, now: PageQuality): Promise<string | null> {
  let before: PageQuality | void;
  try {
    const bytes = await fs.readFile(held.htmlPath);
    before = ctx.check(bytes, decodeHtml(bytes, held.meta.contentType ?? undefined).text, t);
  } catch {
    return null; // the held copy does not read (any more): the new one is better
  }
  if (!before) return null;
  if (now.truncated && !before.truncated) return `is cut off (truncated) where the held copy is complete (${now.sections} sections against ${before.sections})`;
  if (now.sections < before.sections) return `has ${now.sections} sections where the held copy has ${before.sections}`;
  return null;
}

/** Records a page that is not held after this try, counting the runs that tried it. */
function record(ctx: PageContext, t: PageTarget, code: string, message: string): void {
  const attempts = (ctx.state.failed[t.ref]?.attempts ?? 0) + 1;
  ctx.state.failed[t.ref] = { url: t.url, code, message, at: new Date().toISOString(), attempts };
}

function fail(ctx: PageContext, t: PageTarget, code: string, message: string): PageOutcome {
  record(ctx, t, code, message);
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
      const record = parse(bytes, t.url) as { truncated?: boolean; sections?: Array<{ paragraphs?: unknown[] }> } | null;
      if (!record || !Array.isArray(record.sections)) return;
      return { truncated: record.truncated === true, sections: record.sections.length, paragraphs: record.sections.reduce((n, s) => n + (s.paragraphs?.length ?? 0), 0) };
    } catch (err) {
      if (err instanceof NotADecisionError) throw err;
      // Kept (the parser may improve), but it reads into no record: less complete than one that does.
      return { truncated: true, sections: 0, paragraphs: 0 };
    }
  };
}
