/**
 * @file How stats look: rows for CSV/JSON (plain numbers) and an aligned text table for the
 * terminal (pounds and percentages formatted). Pure: returns strings and row arrays.
 */
import type { Cell } from '../export/columns.js';
import type { OutputColumn } from '../export/formats.js';
import type { GroupKey, GroupStats, Measure, StatsResult } from './compute.js';
import type { AmountBand } from './histogram.js';

/** Human labels for the measures (table headings, chart titles). */
export const MEASURE_LABELS: Record<Measure, string> = {
  decisions: 'Decisions',
  upheld: 'Upheld',
  upheldShare: 'Upheld %',
  withPayment: 'With payment',
  paymentCount: 'Payments',
  paymentsTotal: 'Total £',
  medianPayment: 'Median £',
  p90Payment: 'P90 £',
  maxPayment: 'Max £',
  medianDaysToCompliance: 'Days to comply',
};

/** Longer names for chart titles. */
export const MEASURE_TITLES: Record<Measure, string> = {
  decisions: 'Decisions',
  upheld: 'Upheld decisions',
  upheldShare: 'Share upheld (of upheld + not upheld)',
  withPayment: 'Decisions with a payment',
  paymentCount: 'Payments',
  paymentsTotal: 'Payments total (£)',
  medianPayment: 'Median payment (£)',
  p90Payment: '90th percentile payment (£)',
  maxPayment: 'Largest payment (£)',
  medianDaysToCompliance: 'Median days from decision to compliance',
};

const STAT_FIELDS = ['decisions', 'upheld', 'notUpheld', 'upheldShare', 'withPayment', 'paymentCount', 'paymentsTotal', 'medianPayment', 'p90Payment', 'maxPayment', 'topRemedies', 'medianDaysToCompliance'] as const;

/** The CSV/JSON columns of a grouped result: one per --by key, then the figures. */
export function statsColumns(by: readonly GroupKey[]): OutputColumn[] {
  return [
    ...by.map((k): OutputColumn => ({ name: k, type: 'text' })),
    ...STAT_FIELDS.map((f): OutputColumn => ({ name: f, type: f === 'topRemedies' ? 'text' : 'number' })),
  ];
}

/** One group as cells in `statsColumns` order. */
export function statsCells(g: GroupStats): Cell[] {
  return [...g.key, ...STAT_FIELDS.map((f) => g[f])];
}

/** A group as a JSON object with the keys named. */
export function statsObject(by: readonly GroupKey[], g: GroupStats): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  by.forEach((k, i) => (out[k] = g.key[i] ?? null));
  for (const f of STAT_FIELDS) out[f] = g[f];
  return out;
}

export const HISTOGRAM_COLUMNS: OutputColumn[] = [
  { name: 'band', type: 'text' },
  { name: 'from', type: 'number' },
  { name: 'to', type: 'number' },
  { name: 'payments', type: 'number' },
  { name: 'decisions', type: 'number' },
  { name: 'total', type: 'number' },
];

/** One histogram band as cells in HISTOGRAM_COLUMNS order. */
export function bandCells(b: AmountBand): Cell[] {
  return [b.band, b.from, b.to, b.payments, b.decisions, b.total];
}

/** "£1,234" or "£2,750.50"; "" for null. */
export function pounds(n: number | null): string {
  if (n === null) return '';
  return `£${n.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/** "67%" for 0.6667; "" for null. */
export function percent(n: number | null): string {
  return n === null ? '' : `${Math.round(n * 100)}%`;
}

/** "67% (2/3)": a share with the counts it is made of, so a percentage of 3 reads as such; "" for none. */
export function shareWithCounts(g: Pick<GroupStats, 'upheldShare' | 'upheld' | 'notUpheld'>): string {
  return g.upheldShare === null ? '' : `${percent(g.upheldShare)} (${g.upheld}/${g.upheld + g.notUpheld})`;
}

/** Aligns rows under headings; `right[i]` right-aligns column i (numbers). */
export function textTable(headings: string[], rows: string[][], right: boolean[]): string {
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headings), rule, ...rows.map(line)].join('\n') + '\n';
}

const GROUP_LABELS: Record<GroupKey, string> = {
  organisation: 'Organisation',
  category: 'Category',
  subcategory: 'Subcategory',
  year: 'Year',
  outcome: 'Outcome',
  'compliance-year': 'Compliance year',
  purpose: 'Purpose',
  recipient: 'Recipient',
};

/** The terminal table of a grouped result, with an "All" row under the groups. */
export function statsTable(result: StatsResult, groups: GroupStats[]): string {
  const headings = [...result.by.map((k) => GROUP_LABELS[k]), 'Decisions', 'Upheld % (n)', 'With payment', 'Payments', 'Total £', 'Median £', 'P90 £', 'Max £', 'Most common remedies'];
  const row = (g: GroupStats, key: string[]): string[] => [
    ...key,
    String(g.decisions),
    shareWithCounts(g),
    String(g.withPayment),
    String(g.paymentCount),
    pounds(g.paymentsTotal),
    pounds(g.medianPayment),
    pounds(g.p90Payment),
    pounds(g.maxPayment),
    g.topRemedies,
  ];
  const rows = groups.map((g) => row(g, g.key));
  rows.push(row(result.total, result.by.map((_k, i) => (i === 0 ? 'All' : ''))));
  // Grouped by compliance year: also how long councils took to comply.
  if (result.by.includes('compliance-year')) {
    headings.splice(-1, 0, MEASURE_LABELS.medianDaysToCompliance);
    [...groups, result.total].forEach((g, i) => rows[i]!.splice(-1, 0, g.medianDaysToCompliance === null ? '' : String(g.medianDaysToCompliance)));
  }
  const right = headings.map((_h, i) => i >= result.by.length && i < headings.length - 1);
  return textTable(headings, rows, right);
}

/** The terminal table of the amount histogram. */
export function histogramTable(bands: AmountBand[]): string {
  const rows = bands.map((b) => [b.band, String(b.payments), String(b.decisions), pounds(b.total)]);
  return textTable(['Payment amount', 'Payments', 'Decisions', 'Total £'], rows, [false, true, true, true]);
}
