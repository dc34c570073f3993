/**
 * @file `lgo fetch`: crawl lgo.org.uk decisions into the corpus, politely and resumably, then add
 * them to the search database. Configuration only; the work is in src/fetch/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { corpusDir, dbPath } from '../config.js';
import { InputError, LgoError, UsageError } from '../errors.js';
import { normaliseRef } from '../extract/ref.js';
import { parseDecisionUrl } from '../extract/url.js';
import type { CliIo } from './io.js';

interface FetchFlags {
  from?: string;
  to?: string;
  sinceLast?: boolean;
  file?: string;
  baseUrl?: string;
  corpus?: string;
  db?: string;
  delay?: string;
  concurrency?: string;
  userAgent?: string;
  refresh?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
  logJson?: boolean;
  build: boolean;
}

export function registerFetch(program: Command, io: CliIo): void {
  program
    .command('fetch')
    .description('fetch decision pages from lgo.org.uk into the corpus (polite, resumable) and add them to the database')
    .argument('[targets...]', 'decision URLs or references to fetch (or re-check) one by one')
    .option('--from <date>', 'list decisions dated from this day (YYYY-MM-DD)')
    .option('--to <date>', 'list decisions dated up to this day (YYYY-MM-DD; default: today)')
    .option('--since-last', 'list from the newest decision date already held (or the earliest page still pending) up to today (weekly updates)')
    .option('--file <list>', 'read URLs or references from a file, one per line ("#" starts a comment)')
    .option('--base-url <url>', 'the site to fetch from (env LGO_BASE_URL; default https://www.lgo.org.uk)')
    .option('--corpus <dir>', 'corpus folder (env LGO_CORPUS); pages go to <dir>/raw')
    .option('--db <file>', 'search database to update (env LGO_DB; default: the corpus\'s own, <dir>/decisions.sqlite)')
    .option('--delay <seconds>', 'minimum seconds between requests (env LGO_FETCH_DELAY; default 2, robots.txt Crawl-delay may raise it)')
    .option('--concurrency <n>', 'requests in flight at once (default 1)')
    .option('--user-agent <text>', 'User-Agent to send; keep a contact URL in it (env LGO_USER_AGENT)')
    .option('--refresh', 're-check pages already held (conditional requests; changed pages keep their old version)')
    .option('--dry-run', 'list what would be fetched (URLs on stdout) without fetching pages or writing anything')
    .option('--no-build', 'do not update the search database afterwards')
    .option('--quiet', 'no progress bar or summary on stderr (errors only)')
    .option('--log-json', 'one JSON object per event on stderr instead of the progress bar')
    .addHelpText(
      'after',
      '\nExamples:\n  lgo fetch --from 2024-01-01 --to 2024-03-31\n  lgo fetch --since-last\n  lgo fetch https://www.lgo.org.uk/decisions/housing/allocations/21-000-568\n  lgo fetch --file refs.txt --dry-run\n\nInterrupted runs (Ctrl-C, crash, kill) resume where they stopped: run the same command again.\n',
    )
    .action(async (targets: string[], flags: FetchFlags) => {
      const { runFetchCommand } = await import('./fetch-run.js');
      const settings = settingsFromFlags(flags, io);
      const listed = [...targets, ...(flags.file ? await readList(path.resolve(io.cwd, flags.file)) : [])];
      for (const t of listed) {
        if (!parseDecisionUrl(t)?.ref && !normaliseRef(t)) {
          throw new UsageError(`"${t}" is neither a decision URL nor a reference`, { hint: 'give a URL such as https://www.lgo.org.uk/decisions/housing/allocations/21-000-568, or a reference such as 21 000 568' });
        }
      }
      if (flags.sinceLast && flags.from) throw new UsageError('--since-last and --from both set where to start', { hint: 'use one of them' });
      for (const [name, value] of [['--from', flags.from], ['--to', flags.to]] as const) {
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${name} "${value}" is not a date`, { hint: 'write dates as YYYY-MM-DD, e.g. 2024-01-31' });
      }
      if (!flags.from && !flags.sinceLast && listed.length === 0) {
        throw new UsageError('nothing to fetch', { hint: 'give --from DATE [--to DATE], --since-last, URLs or references, or --file LIST' });
      }
      const code = await runFetchCommand(
        {
          corpusDir: corpusDir(flags.corpus, io.env, io.cwd),
          dbPath: dbPath(flags.db, io.env, io.cwd, corpusDir(flags.corpus, io.env, io.cwd)),
          settings,
          from: flags.from,
          to: flags.to,
          sinceLast: Boolean(flags.sinceLast),
          targets: listed,
          refresh: Boolean(flags.refresh),
          dryRun: Boolean(flags.dryRun),
          quiet: Boolean(flags.quiet),
          logJson: Boolean(flags.logJson),
          build: flags.build,
        },
        io,
      );
      if (code !== 0) throw new LgoError('fetch-incomplete', 'some listed decisions are not held (listed above); run the same command again to retry them', { exitCode: code });
    });
}

function number(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} "${value}" must be a number of at least ${min}`);
  return n;
}

function settingsFromFlags(flags: FetchFlags, io: CliIo): Record<string, unknown> {
  const delay = number('--delay', flags.delay ?? io.env.LGO_FETCH_DELAY, 0);
  const concurrency = number('--concurrency', flags.concurrency, 1);
  if (concurrency !== undefined && !Number.isInteger(concurrency)) throw new UsageError(`--concurrency "${flags.concurrency}" must be a whole number`);
  const baseUrl = flags.baseUrl ?? io.env.LGO_BASE_URL;
  if (baseUrl !== undefined && !/^https?:\/\/[^/]+/.test(baseUrl)) throw new UsageError(`--base-url "${baseUrl}" is not an http(s) URL`);
  const out: Record<string, unknown> = {};
  if (delay !== undefined) out.delayMs = Math.round(delay * 1000);
  if (concurrency !== undefined) out.concurrency = concurrency;
  if (baseUrl !== undefined) out.baseUrl = baseUrl.replace(/\/+$/, '');
  const ua = flags.userAgent ?? io.env.LGO_USER_AGENT;
  if (ua !== undefined) out.userAgent = ua;
  return out;
}

/** Reads a list file: one URL or reference per line, blank lines and `#` comments ignored. */
async function readList(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { cause: err });
  }
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
