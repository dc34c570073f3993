/**
 * @file One writer at a time per database: `<db>.lock` holds the pid of the build (or fetch
 * update) writing it. A second writer waits, saying so, until the first is done; a lock whose
 * process is gone (kill -9) is taken over. Readers never take it: SQLite's WAL lets them read
 * while a build writes. SQLite's own locking stays underneath as the last guard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from '../errors.js';
import { isAlive } from '../util/pid.js';

/** Exit code when another writer keeps the database busy (after waiting, or at once with no wait). */
export const EXIT_STORE_BUSY = 4;

export interface LockOptions {
  /** Told once when the lock is held by another live process and we start waiting. */
  onWait?: (message: string) => void;
  /** How long to wait for the other writer, in ms (default: LGO_LOCK_WAIT seconds, else 10 minutes). */
  waitMs?: number;
  /** Poll interval, in ms. */
  pollMs?: number;
}

/** The error for a database another process keeps writing. */
export function storeBusy(dbPath: string, detail: string): StoreError {
  return new StoreError(`${dbPath}: the database is busy: ${detail}`, {
    code: 'store-busy',
    exitCode: EXIT_STORE_BUSY,
    hint: 'wait for the other lgo build or fetch to finish, then run this again',
  });
}

function defaultWaitMs(): number {
  const s = Number(process.env.LGO_LOCK_WAIT);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 10 * 60_000;
}

/** The pid in a lock file, or null when there is none or it cannot be read. */
function holder(lockFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the writer lock of `dbPath`; returns its release. The pid is written to a private file
 * first and hard-linked into place, so the lock never exists without its pid.
 */
export async function acquireWriteLock(dbPath: string, opts: LockOptions = {}): Promise<() => void> {
  const lockFile = `${dbPath}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const mine = `${lockFile}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  const deadline = Date.now() + (opts.waitMs ?? defaultWaitMs());
  let told = false;
  try {
    for (;;) {
      try {
        fs.linkSync(mine, lockFile);
        return () => {
          if (holder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const pid = holder(lockFile);
      if (pid === null || pid === process.pid || !isAlive(pid)) {
        // Left by a process that is gone (or half-written by one): take it over.
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() >= deadline) throw storeBusy(dbPath, `another lgo process (pid ${pid}) is writing it`);
      if (!told) {
        opts.onWait?.(`waiting for another lgo process (pid ${pid}) to finish writing ${dbPath}...`);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 200));
    }
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Deletes temp files left by full builds that were killed (their process is gone): the temp
 * database `<db>.tmp-PID` and its `-journal`, `-wal` and `-shm` companions, and lock pid files.
 */
export function removeStaleTemps(dbPath: string): number {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:tmp-|lock\\.)(\\d+)(?:-journal|-wal|-shm)?$`);
  let n = 0;
  for (const name of fs.readdirSync(dir)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && !isAlive(pid)) {
      fs.rmSync(path.join(dir, name), { force: true });
      n++;
    }
  }
  return n;
}
