/**
 * @file The crawl state, `<corpus>/fetch-state.json`: windows already listed or finished, every
 * reference seen in a listing (with its path and date), references that vanished upstream and
 * pages that failed. Saved atomically after every step so a kill loses at most the page in flight.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LgoError } from '../errors.js';
import { readJsonIfExists, writeFileAtomic } from './atomic.js';
import { isAlive } from '../util/pid.js';
import type { ListingCard } from '../record/listing.js';

export const STATE_VERSION = 1;

export interface WindowState {
  /** listed: its references are known (in `refs`) but not all processed; done: all processed; split: see its halves. */
  status: 'listed' | 'done' | 'split';
  total: number;
  refs: string[];
  /** A window ending before today cannot gain decisions, so a done one is never listed again. */
  complete: boolean;
  at: string;
  /** Links in its listing that could not be read (malformed escapes...): reported, never fetched. */
  bad?: string[];
}

export interface SeenRef {
  url: string;
  path: string;
  date: string | null;
  firstSeen: string;
  /** The listing card last seen for it. */
  card?: ListingCard | null;
}

export interface CrawlState {
  version: number;
  windows: Record<string, WindowState>;
  seen: Record<string, SeenRef>;
  /** Held or listed before, now gone: `status` 404/410 on a re-fetch, or null when a re-listed window no longer shows it. */
  vanished: Record<string, { url: string; status: number | null; at: string }>;
  /** Pages not held after their last try; `attempts` counts the runs that tried (capped by maxPageAttempts). */
  failed: Record<string, FailedPage>;
}

export interface FailedPage {
  url: string;
  code: string;
  message: string;
  at: string;
  attempts?: number;
}

export function emptyState(): CrawlState {
  return { version: STATE_VERSION, windows: {}, seen: {}, vanished: {}, failed: {} };
}

export class StateFile {
  readonly file: string;
  readonly lockFile: string;

  constructor(corpusDir: string) {
    this.file = path.join(corpusDir, 'fetch-state.json');
    this.lockFile = path.join(corpusDir, 'fetch.lock');
  }

  async load(): Promise<CrawlState> {
    const data = await readJsonIfExists<CrawlState>(this.file).catch((err: unknown) => {
      throw new LgoError('state-unreadable', `${this.file}: the crawl state is not valid JSON`, {
        hint: 'move the file aside to start the crawl state afresh (pages already in raw/ are kept and skipped)',
        cause: err,
      });
    });
    if (!data) return emptyState();
    if (data.version !== STATE_VERSION) {
      throw new LgoError('state-version', `${this.file}: crawl state version ${data.version}, expected ${STATE_VERSION}`, {
        hint: 'move the file aside to start the crawl state afresh',
      });
    }
    return { ...emptyState(), ...data };
  }

  async save(state: CrawlState): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(state)}\n`);
  }

  /** Takes the corpus lock so two crawls never write the same corpus; a stale lock (dead pid) is taken over. */
  async lock(): Promise<() => Promise<void>> {
    await fs.mkdir(path.dirname(this.lockFile), { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw new LgoError('corpus-unwritable', `${path.dirname(this.lockFile)}: cannot use it as the corpus folder (${err.code ?? err.message})`, {
        hint: 'give --corpus a folder you can write to',
        cause: err,
      });
    });
    for (let tries = 0; tries < 2; tries++) {
      try {
        await fs.writeFile(this.lockFile, String(process.pid), { flag: 'wx' });
        return async () => {
          await fs.rm(this.lockFile, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const pid = Number(await fs.readFile(this.lockFile, 'utf8').catch(() => '0'));
        if (pid && pid !== process.pid && isAlive(pid)) {
          throw new LgoError('corpus-locked', `${this.lockFile}: another lgo fetch (pid ${pid}) is writing this corpus`, {
            hint: 'wait for it to finish, or delete the lock file if that process is gone',
          });
        }
        await fs.rm(this.lockFile, { force: true });
      }
    }
    throw new LgoError('corpus-locked', `${this.lockFile}: could not take the corpus lock`);
  }
}

