/**
 * @file The listing walk: one date window at a time, page by page, checking that the links
 * collected add up to "Your search has N results". A window with too many results is split.
 */
import type { PoliteClient } from './client.js';
import { FatalFetchError, RetryableFetchError, RunStopError } from './errors.js';
import { PAGE_SIZE, parseListingPage, searchPath, type ListingItem } from './listing.js';
import { splitWindow, windowKey, type DateWindow } from './windows.js';

export type WindowListing = { kind: 'listed'; total: number; items: ListingItem[]; offHost: string[]; bad: string[] } | { kind: 'split'; halves: [DateWindow, DateWindow] };

/**
 * Lists every decision in a window. Stops the run (RunStopError) on a bot challenge, an empty
 * search shell, or a count that still does not add up after one fresh walk.
 */
export async function listWindow(client: PoliteClient, w: DateWindow, maxResults: number): Promise<WindowListing> {
  let last: { listed: number; total: number } | null = null;
  for (let walk = 0; walk < 2; walk++) {
    const first = await listPage(client, w, 1);
    if (first.total > maxResults) {
      const halves = splitWindow(w);
      if (halves) return { kind: 'split', halves };
    }
    const pages = Math.ceil(first.total / PAGE_SIZE);
    const items = [...first.items];
    const offHost = [...first.offHost];
    const bad = [...first.bad];
    let listed = first.items.length;
    for (let page = 2; page <= pages; page++) {
      const next = await listPage(client, w, page);
      listed += next.items.length;
      items.push(...next.items);
      offHost.push(...next.offHost);
      bad.push(...next.bad);
    }
    // Off-host and unreadable links are counted: the site listed them, we refuse to follow them.
    listed += offHost.length + bad.length;
    if (listed === first.total) return { kind: 'listed', total: first.total, items: dedupe(items), offHost, bad };
    last = { listed, total: first.total };
  }
  throw new RunStopError('listing-mismatch', `window ${windowKey(w)}: the site says ${last!.total} results but its pages list ${last!.listed}, twice`, {
    hint: 'the site may be changing under us or its markup changed; run again later, and report it if it persists',
  });
}

async function listPage(client: PoliteClient, w: DateWindow, page: number): Promise<{ total: number; items: ListingItem[]; offHost: string[]; bad: string[] }> {
  let res;
  try {
    res = await client.get(searchPath(w.from, w.to, page));
  } catch (err) {
    if (err instanceof RunStopError || !(err instanceof FatalFetchError || err instanceof RetryableFetchError)) throw err;
    // Without the listing the window cannot be walked; stop rather than record it as empty.
    throw new RunStopError(err.code === 'robots-disallowed' ? 'listing-disallowed' : 'listing-failed', `window ${windowKey(w)}: ${err.message}`, {
      hint: err.code === 'robots-disallowed' ? "the site's robots.txt forbids its search pages; fetch decisions by URL instead" : 'progress is saved; run the same command again later',
      cause: err,
    });
  }
  const parsed = parseListingPage(client.text(res), res.finalUrl);
  if (parsed.kind === 'challenge') {
    throw new RunStopError('bot-challenge', `${res.finalUrl}: the site answered with ${parsed.reason} instead of results`, {
      hint: 'the site is challenging automated requests; stop, wait, and do not retry in a loop',
    });
  }
  if (parsed.kind === 'empty-shell') {
    throw new RunStopError('empty-search-shell', `${res.finalUrl}: HTTP ${res.status} but no search results (${parsed.reason})`, {
      hint: 'the search page did not run the search (changed markup, blocked, or a form page); nothing was recorded for this window',
    });
  }
  return parsed;
}

function dedupe(items: ListingItem[]): ListingItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.url) && seen.add(i.url));
}
