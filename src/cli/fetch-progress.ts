/**
 * @file What `lgo fetch` shows on stderr: a progress bar on a terminal (cli-progress) with
 * listed / fetched / unchanged / failed / skipped counts and an ETA, plain lines otherwise,
 * one JSON object per event with --log-json, nothing but errors with --quiet.
 */
import cliProgress from 'cli-progress';
import type { CrawlEvent, CrawlSummary } from '../fetch/crawl.js';
import type { CliIo } from './io.js';

export interface Reporter {
  onEvent(e: CrawlEvent): void;
  finish(summary: CrawlSummary): void;
  line(text: string): void;
}

/** Picks the reporter for the flags and the terminal. */
export function makeReporter(io: CliIo, opts: { quiet: boolean; logJson: boolean }): Reporter {
  if (opts.logJson) return jsonReporter(io);
  if (opts.quiet) return { onEvent: () => undefined, finish: () => undefined, line: () => undefined };
  return io.stderrIsTTY ? barReporter(io) : plainReporter(io);
}

function jsonReporter(io: CliIo): Reporter {
  const out = (o: object): void => void io.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...o })}\n`);
  return { onEvent: (e) => out(e), finish: (s) => out({ type: 'summary', ...s }), line: (message) => out({ type: 'message', message }) };
}

/** One line per notable event: windows, failures, waits, warnings; not one per page. */
function plainReporter(io: CliIo): Reporter {
  const say = (t: string): void => void io.stderr.write(`lgo fetch: ${t}\n`);
  return {
    onEvent(e) {
      if (e.type === 'window' && e.status !== 'listing') say(`window ${e.key}: ${e.status}${e.total !== undefined ? ` (${e.total} result${e.total === 1 ? '' : 's'})` : ''}`);
      else if (e.type === 'page' && e.kind === 'kept') say(`warning: ${e.message}`);
      else if (e.type === 'page' && (e.kind === 'failed' || e.kind === 'vanished')) say(`${e.kind}: ${e.url}${e.kind === 'failed' ? ` (${e.message})` : ` (${e.status === null ? 'no longer listed' : `HTTP ${e.status}`}; our copy is kept)`}`);
      else if (e.type === 'page' && e.kind === 'skipped' && e.reason !== 'already held') say(`skipped ${e.url}: ${e.reason}`);
      else if (e.type === 'retry') say(`waiting ${(e.waitMs / 1000).toFixed(1)} s before retrying (${e.reason})`);
      else if (e.type === 'warning') say(`warning: ${e.message}`);
      else if (e.type === 'charset-mismatch') say(`warning: ${e.url}: the declared charset does not fit the bytes; decoded with the page's own`);
    },
    finish(s) {
      for (const k of s.kept) say(`kept the held copy: ${k.message}`);
      if (s.notHeld.length) say(`not held (${s.notHeld.length}):`);
      for (const n of s.notHeld) say(`  ${n.url}: ${n.code}${n.givenUp ? ` (given up after ${n.attempts} runs)` : n.ref ? ` (tried in ${n.attempts} run${n.attempts === 1 ? '' : 's'}; the next run tries again)` : ''}`);
      say(summaryLine(s));
    },
    line: say,
  };
}

function barReporter(io: CliIo): Reporter {
  const counts = { listed: 0, fetched: 0, unchanged: 0, failed: 0, skipped: 0 };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: '{bar} {value}/{total} | listed {listed} fetched {fetched} unchanged {unchanged} failed {failed} skipped {skipped} | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  bar.start(0, 0, counts);
  const plain = plainReporter(io);
  return {
    onEvent(e) {
      if (e.type === 'listed') {
        counts.listed += e.count;
        total += e.count;
        bar.setTotal(total);
      } else if (e.type === 'page') {
        if (e.kind === 'fetched' || e.kind === 'updated') counts.fetched++;
        else if (e.kind === 'unchanged') counts.unchanged++;
        else if (e.kind === 'failed' || e.kind === 'vanished') counts.failed++;
        else counts.skipped++;
        bar.increment(1, counts);
      }
      if (e.type === 'warning' || e.type === 'retry' || (e.type === 'page' && e.kind === 'failed')) {
        // Print the line above the bar: clear it, say it, redraw.
        bar.stop();
        plain.onEvent(e);
        bar.start(total, counts.fetched + counts.unchanged + counts.failed + counts.skipped, counts);
      }
    },
    finish(s) {
      bar.update(counts);
      bar.stop();
      plain.finish(s);
    },
    line: plain.line,
  };
}

/** The end-of-run summary in one line. */
export function summaryLine(s: CrawlSummary): string {
  const c = s.counts;
  const parts = [`listed ${s.listed}`, `fetched ${c.fetched}`, `updated ${c.updated}`, `unchanged ${c.unchanged}`, `skipped ${c.skipped}`, `failed ${c.failed}`];
  if (c.vanished) parts.push(`vanished ${c.vanished}`);
  if (c.kept) parts.push(`kept older ${c.kept}`);
  if (s.notHeld.length) parts.push(`not held ${s.notHeld.length}`);
  if (c['would-fetch']) parts.push(`would fetch ${c['would-fetch']}`);
  return `${parts.join(', ')} in ${(s.elapsedMs / 1000).toFixed(1)} s${s.windows.skipped ? ` (${s.windows.skipped} finished windows not listed again)` : ''}`;
}
