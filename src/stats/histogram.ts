/**
 * @file `lgo stats --by amount`: how many payments fall in each amount band. Bands follow the
 * Ombudsman's own guidance steps (symbolic payments are usually £100 to £500). Pure.
 */
import type { StatsDecision } from './compute.js';

/** Lower bounds in pounds; each band runs up to (not including) the next bound. */
export const AMOUNT_BANDS = [0, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

export interface AmountBand {
  band: string;
  /** A short label for chart axes: "£1k–£2.5k", "£10k+". */
  short: string;
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound; null for the last, open band. */
  to: number | null;
  payments: number;
  /** Decisions with at least one payment in the band. */
  decisions: number;
  total: number;
}

function short(from: number, to: number | null): string {
  const f = (n: number): string => (n >= 1000 ? `£${n / 1000}k` : `£${n}`);
  return to === null ? `${f(from)}+` : `${f(from)}–${f(to)}`;
}

function label(from: number, to: number | null): string {
  const f = (n: number): string => `£${n.toLocaleString('en-GB')}`;
  return to === null ? `${f(from)} or more` : `${f(from)} to under ${f(to)}`;
}

/**
 * Counts payments per amount band; every band is listed, empty ones with zeros.
 * @example amountHistogram(decisions)[1] // { band: '£100 to under £250', payments: 4, ... }
 */
export function amountHistogram(decisions: Iterable<Pick<StatsDecision, 'payments'>>): AmountBand[] {
  const bands: AmountBand[] = AMOUNT_BANDS.map((from, i) => {
    const to = AMOUNT_BANDS[i + 1] ?? null;
    return { band: label(from, to), short: short(from, to), from, to, payments: 0, decisions: 0, total: 0 };
  });
  for (const d of decisions) {
    const seen = new Set<AmountBand>();
    for (const p of d.payments) {
      const band = bands.findLast((b) => p.amount >= b.from)!;
      band.payments++;
      band.total = Math.round((band.total + p.amount) * 100) / 100;
      seen.add(band);
    }
    for (const b of seen) b.decisions++;
  }
  return bands;
}
