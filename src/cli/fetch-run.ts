/**
 * @file The body of `lgo fetch` once its flags are read: resolve the range, run the crawl with
 * a reporter, print the summary, update the database, and pick the exit code.
 */
import { crawl, type CrawlSummary } from '../fetch/crawl.js';
import { makePageCheck } from '../fetch/page.js';
import type { FetchSettingsInput } from '../fetch/settings.js';
import { earliestPendingDate, newestHeldDate } from '../fetch/since-last.js';
import { resolveSettings } from '../fetch/settings.js';
import { StateFile } from '../fetch/state.js';
import { isIsoDate, todayIso } from '../fetch/windows.js';
import { LgoError, UsageError } from '../errors.js';
import { parseDecision } from '../parse.js';
import { makeReporter } from './fetch-progress.js';
import { write, type CliIo } from './io.js';

export interface FetchRun {
  corpusDir: string;
  dbPath: string;
  settings: FetchSettingsInput;
  from?: string;
  to?: string;
  sinceLast: boolean;
  targets: string[];
  refresh: boolean;
  dryRun: boolean;
  quiet: boolean;
  logJson: boolean;
  build: boolean;
}

/** Exit code when the site asked us to come back later (EX_TEMPFAIL), so schedulers can tell it apart. */
export const EXIT_RESUME_LATER = 75;

/** Exit code when the run finished but some listed decisions are not held (failed, disallowed, unreadable links). */
export const EXIT_INCOMPLETE = 3;

/** Runs the command; returns the exit code (0 all held, 3 some not held, 75 stopped to resume later). */
export async function runFetchCommand(run: FetchRun, io: CliIo): Promise<number> {
  let from = run.from;
  const to = run.to ?? (run.from || run.sinceLast ? todayIso() : undefined);
  if (run.sinceLast) {
    const state = await new StateFile(run.corpusDir).load();
    from = (await newestHeldDate(run.corpusDir, state)) ?? undefined;
    // Pages an earlier run could not hold are tried again, even from before the newest one held.
    const pending = earliestPendingDate(state, resolveSettings(run.settings).maxPageAttempts);
    if (from && pending && pending < from) from = pending;
    if (!from) throw new UsageError(`${run.corpusDir}: no fetched decisions yet, so --since-last has no starting date`, { hint: 'start with --from YYYY-MM-DD' });
  }
  for (const [name, d] of [['--from', from], ['--to', to]] as const) {
    if (d !== undefined && !isIsoDate(d)) throw new UsageError(`${name} "${d}" is not a calendar date`, { hint: 'write dates as YYYY-MM-DD' });
  }
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const reporter = makeReporter(io, { quiet: run.quiet, logJson: run.logJson });
  const controller = new AbortController();
  let interrupts = 0;
  // Shells read 128 + the signal's number as "stopped by that signal" (130 for Ctrl-C).
  let signalExit = 0;
  const onSigint = (signal: NodeJS.Signals): void => {
    signalExit = signal === 'SIGTERM' ? 143 : 130;
    // First Ctrl-C: stop after saving; second: leave now (the state is saved after every page anyway).
    if (++interrupts > 1) process.exit(signalExit);
    reporter.line('interrupted: saving progress (Ctrl-C again to quit at once)');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const dryUrls: string[] = [];
  let updateError: LgoError | null = null;
  let summary: CrawlSummary;
  try {
    summary = await crawl({
      corpusDir: run.corpusDir,
      settings: run.settings,
      from,
      to: from ? to : undefined,
      targets: run.targets,
      refresh: run.refresh,
      dryRun: run.dryRun,
      signal: controller.signal,
      check: makePageCheck((bytes, url) => parseDecision(bytes, { url })),
      onEvent: (e) => {
        if (e.type === 'page' && e.kind === 'would-fetch') dryUrls.push(e.url);
        reporter.onEvent(e);
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
  for (const url of dryUrls) await write(io.stdout, `${url}\n`);
  reporter.finish(summary);
  // Always, even when this run fetched nothing: an earlier run killed during its update, or run
  // with --no-build, left pages the database does not have yet; an update with nothing to do is cheap.
  if (run.build && !run.dryRun) {
    const { updateSearchStore } = await import('../fetch/store-update.js');
    try {
      const stats = await updateSearchStore(run.corpusDir, run.dbPath, (m) => reporter.line(`warning: ${m}`), (m) => reporter.line(m));
      reporter.line(`database ${stats.dbPath}: ${stats.added} added, ${stats.updated} updated, ${stats.removed ? `${stats.removed} removed, ` : ''}${stats.decisions} decisions in all`);
    } catch (err) {
      if (!(err instanceof LgoError)) throw err;
      updateError = err;
    }
  }
  if (summary.stopped) {
    const s = summary.stopped;
    const exitCode = s.code === 'interrupted' && signalExit ? signalExit : s.code === 'resume-later' ? EXIT_RESUME_LATER : 1;
    throw new LgoError(s.code, `stopped: ${s.message}`, { exitCode, hint: s.hint ?? 'run the same command again to resume' });
  }
  if (updateError) {
    throw new LgoError(updateError.code, `the pages are saved, but the database was not updated: ${updateError.message}`, {
      exitCode: updateError.exitCode,
      hint: updateError.hint ?? 'run `lgo build` with the same --corpus',
    });
  }
  const missing = summary.notHeld.length;
  if (missing > 0) {
    throw new LgoError('fetch-incomplete', `${missing} listed decision${missing === 1 ? ' is' : 's are'} not held (listed above)`, {
      exitCode: EXIT_INCOMPLETE,
      hint: 'run the same command again to retry them (each is tried in up to 3 runs)',
    });
  }
  if (summary.counts.failed > 0) {
    throw new LgoError('fetch-recheck-failed', `${summary.counts.failed} held page${summary.counts.failed === 1 ? '' : 's'} could not be re-checked (listed above); our copies are kept`, {
      exitCode: EXIT_INCOMPLETE,
      hint: 'run the same command again to re-check them',
    });
  }
  return 0;
}
