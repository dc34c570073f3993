/**
 * @file Date windows for the listing walk, as pure functions over ISO dates (UTC, no time zone
 * surprises). A window is inclusive at both ends, like the site's `fd`/`td`.
 */

export interface DateWindow {
  from: string;
  to: string;
}

const DAY = 86_400_000;

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === text;
}

function toTime(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function toIso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  return toIso(toTime(iso) + days * DAY);
}

/** Stable key for a window in the crawl state: `2024-01-01..2024-01-31`. */
export function windowKey(w: DateWindow): string {
  return `${w.from}..${w.to}`;
}

/**
 * Cuts [from, to] into calendar-month windows (the first and last may be partial).
 * @example monthWindows('2024-01-15', '2024-02-10') // [{from:'2024-01-15',to:'2024-01-31'},{from:'2024-02-01',to:'2024-02-10'}]
 */
export function monthWindows(from: string, to: string): DateWindow[] {
  const out: DateWindow[] = [];
  let start = from;
  while (toTime(start) <= toTime(to)) {
    const d = new Date(toTime(start));
    const monthEnd = toIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    const end = toTime(monthEnd) < toTime(to) ? monthEnd : to;
    out.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}

/** Splits a window in two halves by days; null for a single day (cannot be split). */
export function splitWindow(w: DateWindow): [DateWindow, DateWindow] | null {
  const days = Math.round((toTime(w.to) - toTime(w.from)) / DAY);
  if (days < 1) return null;
  const mid = addDays(w.from, Math.floor(days / 2));
  return [
    { from: w.from, to: mid },
    { from: addDays(mid, 1), to: w.to },
  ];
}

/** Today's date in UTC, ISO. */
export function todayIso(now: number = Date.now()): string {
  return toIso(now);
}
