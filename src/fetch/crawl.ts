/**
 * @file `lgo fetch` as a library call: list date windows (or take explicit URLs/refs), fetch each
 * decision page once, politely, and store it. Resumable: the state is saved after each window
 * (and at most once a second between pages), and a restart skips finished windows and pages already held.
 */
import { UsageError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import { parseDecisionUrl } from '../extract/url.js';
import { PoliteClient, type ClientEvent } from './client.js';
import { RunStopError } from './errors.js';
import { runPool } from './pool.js';
import { processPage, type PageCheck, type PageOutcome, type PageTarget } from './page.js';
import { notHeld, settled, type NotHeld } from './pending.js';
import { RawStore } from './raw-store.js';
import { applyRobots } from './robots.js';
import { resolveSettings, type FetchSettingsInput } from './settings.js';
import { StateFile, type CrawlState } from './state.js';
import { listWindow } from './walker.js';
import { monthWindows, splitWindow, todayIso, windowKey, type DateWindow } from './windows.js';

export interface CrawlOptions {
  corpusDir: string;
  settings?: FetchSettingsInput;
  /** Date range to list (ISO, inclusive). */
  from?: string;
  to?: string;
  /** Explicit decision URLs or references; always revalidated (conditional GET when held). */
  targets?: string[];
  /** Revalidate pages already held during a range crawl too (conditional GET). */
  refresh?: boolean;
  dryRun?: boolean;
  signal?: AbortSignal;
  check: PageCheck;
  onEvent?: (e: CrawlEvent) => void;
}

export type CrawlEvent =
  | ClientEvent
  | { type: 'robots'; found: boolean; crawlDelayMs: number | undefined }
  | { type: 'window'; key: string; status: 'listing' | 'listed' | 'skipped' | 'split'; total?: number }
  | { type: 'listed'; count: number }
  | ({ type: 'page'; url: string; ref: string } & PageOutcome)
  | { type: 'warning'; message: string };

export type PageKind = PageOutcome['kind'];

export interface CrawlSummary {
  listed: number;
  counts: Record<PageKind, number>;
  windows: { listed: number; skipped: number };
  failed: Array<{ url: string; code: string; message: string }>;
  /** Listed decisions not held at the end of the run (failed, disallowed, unreadable links): the exit is non-zero while any is left. */
  notHeld: NotHeld[];
  /** --refresh answers that read into a less complete record than the copy held (kept current). */
  kept: Array<{ url: string; message: string }>;
  /** Pages gone upstream (status 404/410, or null when no longer listed); our copies are kept. */
  vanished: Array<{ url: string; status: number | null }>;
  /** Set when the run stopped early; progress is saved. */
  stopped: { code: string; message: string; hint?: string; resumeAt?: string } | null;
  elapsedMs: number;
}

/** Runs a crawl; never throws for page-level failures, returns a summary (stopped set when cut short). */
export async function crawl(opts: CrawlOptions): Promise<CrawlSummary> {
  const started = Date.now();
  const settings = resolveSettings(opts.settings);
  const emit = opts.onEvent ?? (() => undefined);
  const store = new RawStore(opts.corpusDir);
  const stateFile = new StateFile(opts.corpusDir);
  const unlock = opts.dryRun ? async () => undefined : await stateFile.lock();
  const state = await stateFile.load().catch(async (err: unknown) => {
    await unlock();
    throw err;
  });
  const client = new PoliteClient(settings, { signal: opts.signal, onEvent: emit });
  const summary: CrawlSummary = {
    listed: 0,
    counts: { fetched: 0, updated: 0, unchanged: 0, 'would-fetch': 0, skipped: 0, vanished: 0, failed: 0, kept: 0 },
    windows: { listed: 0, skipped: 0 },
    failed: [],
    notHeld: [],
    kept: [],
    vanished: [],
    stopped: null,
    elapsedMs: 0,
  };
  let lastSave = 0;
  const save = async (): Promise<void> => {
    if (opts.dryRun) return;
    await stateFile.save(state);
    lastSave = Date.now();
  };
  const done = new Set<string>();
  // Every reference this run is answerable for, and the listing links it could not read.
  const scope = { refs: [] as string[], bad: [] as string[] };
  const handle = async (t: PageTarget, revalidate: boolean, explicit = false): Promise<PageOutcome | null> => {
    if (done.has(t.ref)) return null; // the same decision listed in two windows or under two URLs
    done.add(t.ref);
    scope.refs.push(t.ref);
    state.seen[t.ref] ??= { url: t.url, path: t.path, date: t.date, firstSeen: new Date().toISOString() };
    const ctx = { client, store, state, check: opts.check, dryRun: Boolean(opts.dryRun), maxAttempts: settings.maxPageAttempts, explicit };
    const out = await processPage(ctx, t, revalidate).catch((err: unknown) => {
      throw fileError(err) ?? err;
    });
    summary.counts[out.kind]++;
    if (out.kind === 'failed') summary.failed.push({ url: t.url, code: out.code, message: out.message });
    if (out.kind === 'kept') summary.kept.push({ url: t.url, message: out.message });
    if (out.kind === 'vanished') summary.vanished.push({ url: t.url, status: out.status });
    emit({ type: 'page', url: t.url, ref: t.ref, ...out });
    // Pages are on disk already (that is what "held" reads); the state only adds failures and
    // vanished flags, so after a page it is saved at most once a second, not every time.
    if (out.kind !== 'skipped' && out.kind !== 'would-fetch' && Date.now() - lastSave > 1000) await save();
    return out;
  };
  try {
    if (!opts.dryRun) await store.sweepTemp();
    if (settings.robots) emit({ type: 'robots', ...(await applyRobots(client)) });
    if (opts.targets?.length) {
      const targets = resolveTargets(opts.targets, state, emit);
      summary.listed += targets.length;
      emit({ type: 'listed', count: targets.length });
      await runPool(targets, settings.concurrency, (t) => handle(t, true, true));
    }
    if (opts.from && opts.to) {
      const queue: DateWindow[] = monthWindows(opts.from, opts.to);
      while (queue.length) {
        const w = queue.shift()!;
        const targets = await windowTargets({ client, state, maxResults: settings.maxWindowResults, queue, emit, summary, save, refresh: Boolean(opts.refresh), scope }, w);
        if (!targets) continue;
        const outcomes = await runPool(targets, settings.concurrency, (t) => handle(t, Boolean(opts.refresh)));
        // A window with a page not held (failed, disallowed) stays "listed", so the next run tries
        // it again, until every such page has had its tries; one with unreadable links is listed again.
        const pending = targets.some((t, i) => !settled(outcomes[i] ?? null, state.failed[t.ref], settings.maxPageAttempts));
        const key = windowKey(w);
        if (!opts.dryRun && !pending) {
          const ws = state.windows[key]!;
          state.windows[key] = { ...ws, status: 'done', complete: ws.complete && !ws.bad?.length, at: new Date().toISOString() };
          await save();
        }
      }
    }
  } catch (err) {
    if (!(err instanceof RunStopError)) throw err;
    summary.stopped = { code: err.code, message: err.message, hint: err.hint, resumeAt: 'resumeAt' in err ? (err.resumeAt as Date).toISOString() : undefined };
  } finally {
    if (!opts.dryRun) summary.notHeld = await notHeld(scope.refs, scope.bad, state, store, settings.maxPageAttempts).catch(() => []);
    await save().catch(() => undefined);
    await client.close();
    await unlock();
    summary.elapsedMs = Date.now() - started;
  }
  return summary;
}

/** The pages of one window: from the state when already listed, else by walking the listing. Null when skipped or split. */
interface WindowContext {
  client: PoliteClient;
  state: CrawlState;
  maxResults: number;
  queue: DateWindow[];
  emit: (e: CrawlEvent) => void;
  summary: CrawlSummary;
  save: () => Promise<void>;
  refresh: boolean;
  scope: { refs: string[]; bad: string[] };
}

async function windowTargets(ctx: WindowContext, w: DateWindow): Promise<PageTarget[] | null> {
  const { client, state, maxResults, queue, emit, summary, save, refresh, scope } = ctx;
  const key = windowKey(w);
  const known = state.windows[key];
  if (known?.status === 'split') {
    // Splitting is deterministic: the halves are the same as when the window was split.
    queue.unshift(...(splitWindow(w) ?? []));
    return null;
  }
  if (known?.status === 'done' && known.complete && !refresh) {
    // Still answerable for its pages: one given up on is reported again.
    scope.refs.push(...known.refs);
    summary.windows.skipped++;
    emit({ type: 'window', key, status: 'skipped', total: known.total });
    return null;
  }
  if (known?.status === 'listed') {
    scope.bad.push(...(known.bad ?? []));
    summary.listed += known.refs.length;
    emit({ type: 'listed', count: known.refs.length });
    return known.refs.map((ref) => targetFromSeen(state, ref));
  }
  emit({ type: 'window', key, status: 'listing' });
  const listing = await listWindow(client, w, maxResults);
  const at = new Date().toISOString();
  if (listing.kind === 'split') {
    state.windows[key] = { status: 'split', total: 0, refs: [], complete: false, at };
    emit({ type: 'window', key, status: 'split' });
    queue.unshift(...listing.halves);
    await save();
    return null;
  }
  for (const url of listing.offHost) emit({ type: 'warning', message: `${key}: the listing links off the site (${url}); not followed` });
  for (const link of listing.bad) emit({ type: 'warning', message: `${key}: the listing has a decision link that cannot be read (${link}); skipped` });
  scope.bad.push(...listing.bad);
  for (const item of listing.items) {
    // The latest listing wins for the address (a decision can move category); firstSeen stays.
    state.seen[item.ref] = { url: item.url, path: item.path, date: item.date ?? state.seen[item.ref]?.date ?? null, firstSeen: state.seen[item.ref]?.firstSeen ?? at, card: item.card };
  }
  // Re-listing a window (--refresh): what it showed before and no longer shows has vanished upstream.
  const now = new Set(listing.items.map((i) => i.ref));
  for (const ref of known?.refs ?? []) {
    if (now.has(ref) || state.vanished[ref]) continue;
    const url = state.seen[ref]?.url ?? ref;
    state.vanished[ref] = { url, status: null, at };
    summary.counts.vanished++;
    summary.vanished.push({ url, status: null });
    emit({ type: 'page', url, ref, kind: 'vanished', status: null });
  }
  state.windows[key] = { status: 'listed', total: listing.total, refs: listing.items.map((i) => i.ref), complete: w.to < todayIso(), at, ...(listing.bad.length ? { bad: listing.bad } : {}) };
  summary.windows.listed++;
  summary.listed += listing.items.length;
  emit({ type: 'window', key, status: 'listed', total: listing.total });
  emit({ type: 'listed', count: listing.items.length });
  await save();
  return listing.items.map((i) => ({ url: i.url, path: i.path, ref: i.ref, date: i.date, card: i.card }));
}

/** A failed write to the corpus (disk full, read-only, no permission) as a clear stop, not an untyped crash. */
function fileError(err: unknown): RunStopError | null {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e.code !== 'string' || !/^E[A-Z]+$/.test(e.code) || !e.syscall) return null;
  return new RunStopError('write-failed', `cannot write ${e.path ?? 'the corpus'} (${e.code}: ${e.message.replace(/^E[A-Z]+: /, '')}); progress is saved`, {
    hint: 'free some space or fix the folder permissions, then run the same command again',
    cause: err,
  });
}

function targetFromSeen(state: CrawlState, ref: string): PageTarget {
  const seen = state.seen[ref]!;
  return { url: seen.url, path: seen.path, ref, date: seen.date, card: seen.card ?? null };
}

/** Explicit URLs and references to page targets; a bare reference needs a URL seen in an earlier listing. */
function resolveTargets(inputs: string[], state: CrawlState, emit: (e: CrawlEvent) => void): PageTarget[] {
  const out: PageTarget[] = [];
  for (const input of inputs) {
    const parts = parseDecisionUrl(input);
    if (parts?.ref && /\/|lgo\.org\.uk/i.test(input)) {
      out.push({ url: parts.canonical, path: new URL(parts.canonical).pathname, ref: parts.ref, date: state.seen[parts.ref]?.date ?? null });
      continue;
    }
    const ref = normaliseRef(input);
    const seen = ref ? state.seen[ref] : undefined;
    if (ref && seen) {
      out.push({ url: seen.url, path: seen.path, ref, date: seen.date });
      continue;
    }
    if (!ref) throw new UsageError(`"${input}" is neither a decision URL nor a reference`, { hint: 'give a URL such as https://www.lgo.org.uk/decisions/housing/allocations/21-000-568, or a reference such as 21 000 568' });
    emit({ type: 'warning', message: `no URL known for reference ${ref} (it has not appeared in a listing yet; give its URL); skipped` });
  }
  return out;
}
