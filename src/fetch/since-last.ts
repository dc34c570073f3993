/**
 * @file `--since-last`: the newest decision date already held, from the crawl state's listing
 * dates and the sidecars' `listedDate`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { refSlug } from '../extract/ref.js';
import type { RawMeta } from './raw-store.js';
import type { CrawlState } from './state.js';

/** The newest listing date of a page held in `corpusDir`, or null when none is held. */
export async function newestHeldDate(corpusDir: string, state: CrawlState): Promise<string | null> {
  let newest: string | null = null;
  const rawDir = path.join(corpusDir, 'raw');
  const names = new Set(await fs.readdir(rawDir).catch(() => [] as string[]));
  for (const [ref, seen] of Object.entries(state.seen)) {
    if (seen.date && (!newest || seen.date > newest) && names.has(`${refSlug(ref)}.html`)) newest = seen.date;
  }
  if (newest) return newest;
  // Sidecars carry the date too, for a corpus whose state file was lost or moved aside.
  for (const name of names) {
    if (!name.endsWith('.html.meta.json')) continue;
    const meta = JSON.parse(await fs.readFile(path.join(rawDir, name), 'utf8').catch(() => '{}')) as Partial<RawMeta>;
    if (meta.listedDate && (!newest || meta.listedDate > newest)) newest = meta.listedDate;
  }
  return newest;
}

/**
 * The earliest listing date of a page still pending (failed or disallowed, not yet given up), or
 * null: `--since-last` starts there when it is earlier, so weekly runs retry what earlier ones missed.
 */
export function earliestPendingDate(state: CrawlState, maxAttempts: number): string | null {
  let earliest: string | null = null;
  for (const [ref, f] of Object.entries(state.failed)) {
    const date = state.seen[ref]?.date;
    if (date && (f.attempts ?? 1) < maxAttempts && (!earliest || date < earliest)) earliest = date;
  }
  return earliest;
}
