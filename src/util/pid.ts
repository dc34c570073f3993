/**
 * @file Whether a process still runs: for lock and temp files left by a killed `lgo`.
 */

/** True when a process with this id exists (EPERM: it exists but is not ours). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
