/**
 * @file One writer at a time per database: `<db>.lock` holds the pid of the build (or fetch
 * update) writing it. A second writer waits, saying so, until the first is done; a lock whose
 * process is gone (kill -9) is taken over. Readers never take it: SQLite's WAL lets them read
 * while a build writes. SQLite's own locking stays underneath as the last guard.
 */
import { randomBytes } from 'node:crypto';
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

/** Locks this process holds (a build and a first-use build may run side by side in one process). */
const mine = new Set<string>();

/** The pid and token in a lock file (`pid token`), or null when there is none or it cannot be read. */
function holder(lockFile: string): { pid: number; token: string } | null {
  try {
    const [pidText, token = ''] = fs.readFileSync(lockFile, 'utf8').trim().split(/\s+/);
    const pid = Number(pidText);
    return Number.isInteger(pid) && pid > 0 ? { pid, token } : null;
  } catch {
    return null;
  }
}

/** True when the lock's holder still runs: another live process, or this one (a lock it took itself). */
function live(h: { pid: number; token: string }): boolean {
  return h.pid === process.pid ? mine.has(h.token) : isAlive(h.pid);
}

/**
 * Takes the writer lock of `dbPath`; returns its release. The pid is written to a private file
 * first and hard-linked into place, so the lock never exists without its pid.
 */
export async function acquireWriteLock(dbPath: string, opts: LockOptions = {}): Promise<() => void> {
  const lockFile = `${dbPath}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const token = randomBytes(6).toString('hex');
  const draft = `${lockFile}.${process.pid}`;
  fs.writeFileSync(draft, `${process.pid} ${token}`);
  const deadline = Date.now() + (opts.waitMs ?? defaultWaitMs());
  let told = false;
  try {
    for (;;) {
      try {
        fs.linkSync(draft, lockFile);
        mine.add(token);
        return () => {
          mine.delete(token);
          if (holder(lockFile)?.token === token) fs.rmSync(lockFile, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const h = holder(lockFile);
      if (h === null || !live(h)) {
        // Left by a process that is gone (or by an earlier process with our pid): take it over.
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      const who = h.pid === process.pid ? 'another build in this process' : `another lgo process (pid ${h.pid})`;
      if (Date.now() >= deadline) throw storeBusy(dbPath, `${who} is writing it`);
      if (!told) {
        opts.onWait?.(`waiting for ${who} to finish writing ${dbPath}...`);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 200));
    }
  } finally {
    fs.rmSync(draft, { force: true });
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
