/**
 * @file The payments page's figures for a selection of decisions, from the per-process columns
 * (columns.ts) instead of reading every selected decision's payments through SQL (1.4 s for all
 * 60,000): payment totals and counts by organisation, category and year with `lgo stats`'s
 * rules (a missing value is "(unknown)"; a total is the sum of the group's amounts in ascending
 * order, rounded to pence, as computeStats adds them), the amount histogram (stats/histogram.ts
 * itself), and which decisions hold the first payment rows in the export's order. Pure.
 */
import { round2, UNKNOWN, type GroupStats } from '../stats/compute.js';
import { amountHistogram, type AmountBand } from '../stats/histogram.js';
import type { DecisionColumns } from './columns.js';

export type PaymentGroup = Pick<GroupStats, 'key' | 'decisions' | 'paymentCount' | 'paymentsTotal'>;

/** The group keys the page charts. */
export type ChartKey = 'organisation' | 'category' | 'year';

/**
 * Every group of the selection by one key (groups without payments included, as in `lgo stats`).
 * @example paymentGroups(cols, ids, 'year') // [{ key: ['2021'], decisions: 40, paymentCount: 12, paymentsTotal: 4300 }, ...]
 */
export function paymentGroups(cols: DecisionColumns, ids: ArrayLike<number>, by: ChartKey): PaymentGroup[] {
  const { codes, values } = cols[by];
  const { payStart, amounts } = cols;
  // Slot 0: unknown (no value; for years also an empty date); slot c + 1: value c.
  const slotOf = (id: number) => {
    const c = codes[id]!;
    return c < 0 || (by === 'year' && values[c] === '') ? 0 : c + 1;
  };
  const decisions = new Int32Array(values.length + 1);
  const payments = new Int32Array(values.length + 2);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const slot = slotOf(id);
    decisions[slot]!++;
    payments[slot + 1]! += payStart[id + 1]! - payStart[id]!;
  }
  // Each group's amounts side by side in one array (offsets from the counts), then sorted per group.
  for (let s = 0; s <= values.length; s++) payments[s + 1]! += payments[s]!;
  const grouped = new Float64Array(payments[values.length + 1]!);
  const fill = payments.slice();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const slot = slotOf(id);
    for (let k = payStart[id]!; k < payStart[id + 1]!; k++) grouped[fill[slot]!++] = amounts[k]!;
  }
  const out: PaymentGroup[] = [];
  for (let s = 0; s <= values.length; s++) {
    if (decisions[s] === 0) continue;
    const mine = grouped.subarray(payments[s]!, payments[s + 1]!).sort();
    let sum = 0;
    for (const a of mine) sum += a;
    out.push({ key: [s === 0 ? UNKNOWN : values[s - 1]!], decisions: decisions[s]!, paymentCount: mine.length, paymentsTotal: round2(sum) });
  }
  return out;
}

/** Payments of the selection (all of them, no bounds). */
export function paymentCount(cols: DecisionColumns, ids: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) n += cols.payStart[ids[i]! + 1]! - cols.payStart[ids[i]!]!;
  return n;
}

/** `lgo stats --by amount`'s bands over the selection's payments. */
export function selectionHistogram(cols: DecisionColumns, ids: ArrayLike<number>): AmountBand[] {
  const { payStart, amounts } = cols;
  const decisions: { payments: { amount: number }[] }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (payStart[id + 1]! > payStart[id]!) decisions.push({ payments: Array.from(amounts.subarray(payStart[id]!, payStart[id + 1]!), (amount) => ({ amount })) });
  }
  return amountHistogram(decisions);
}

/**
 * The fewest decisions, first in the export's order (decision date, then reference), whose
 * payments make up at least `rows` rows: exporting them gives the selection's first `rows`
 * payment rows.
 */
export function firstPaymentDecisions(cols: DecisionColumns, ids: ArrayLike<number>, rows: number): number[] {
  const { payStart, exportRank } = cols;
  const paying: number[] = [];
  for (let i = 0; i < ids.length; i++) if (payStart[ids[i]! + 1]! > payStart[ids[i]!]!) paying.push(ids[i]!);
  paying.sort((a, b) => exportRank[a]! - exportRank[b]!);
  const out: number[] = [];
  let n = 0;
  for (const id of paying) {
    if (n >= rows) break;
    out.push(id);
    n += payStart[id + 1]! - payStart[id]!;
  }
  return out;
}
