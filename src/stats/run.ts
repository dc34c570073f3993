/**
 * @file One `lgo stats` call: stream the selected decisions from the store, fold them into
 * groups (or amount bands), write a table, CSV or JSON, and optionally an SVG chart.
 */
import type { Writable } from 'node:stream';
import { attributionText, shortAttribution } from '../export/attribution.js';
import type { Cell } from '../export/columns.js';
import { emitRows } from '../export/emit.js';
import type { Format, OutputColumn } from '../export/formats.js';
import { writeFileAtomic, writeText } from '../export/output.js';
import { statsSources, type Selection } from '../export/select.js';
import type { Store } from '../store/open.js';
import { barChartSvg, histogramSvg } from './chart.js';
import { computeStats, sortGroups, type GroupKey, type Measure } from './compute.js';
import { amountHistogram } from './histogram.js';
import { bandCells, HISTOGRAM_COLUMNS, histogramTable, MEASURE_TITLES, percent, pounds, shareWithCounts, statsCells, statsColumns, statsObject, statsTable } from './present.js';

export type StatsFormat = 'table' | Exclude<Format, 'jsonl'>;

export interface StatsOptions {
  /** An open store (the caller closes it). */
  db: Store;
  selection: Selection;
  /** Group keys, or "amount" for the histogram of payment amounts. */
  by: GroupKey[] | 'amount';
  sort: Measure | 'key';
  /** Keep the first N groups after sorting. */
  top?: number | undefined;
  format: StatsFormat;
  /** Absolute path of the file to write; absent: standard output. */
  output?: string | undefined;
  /** CSV/TSV: the spreadsheet formula guard and a BOM. */
  excel?: boolean;
  /** Absolute path of an SVG or PNG chart to write (by its extension). */
  chart?: string | undefined;
  /** The measure the chart shows; the sort measure (or decisions) by default. */
  measure?: Measure | undefined;
  /** Words describing the selection, for the chart's subtitle. */
  describe?: string;
  date?: string;
}

export interface StatsRunResult {
  groups: number;
  decisions: number;
  attribution: string;
}

/**
 * Computes and writes stats. Memory grows with the number of groups and payments kept for the
 * percentiles (a few numbers per decision), never with the decision text.
 */
export async function runStats(opts: StatsOptions, stdout: Writable): Promise<StatsRunResult> {
  const attribution = attributionText(opts.date ?? new Date().toISOString().slice(0, 10));
  const db = opts.db;
  if (opts.by === 'amount') {
    let decisions = 0;
    const bands = amountHistogram((function* () {
      for (const d of statsSources(db, opts.selection)) (decisions++, yield d);
    })());
    if (opts.format === 'table') await put(opts, stdout, histogramTable(bands));
    else if (opts.format === 'json') await put(opts, stdout, `${JSON.stringify({ by: 'amount', bands, decisions, source: attribution }, null, 2)}\n`);
    else await rows(opts, stdout, bands.map(bandCells), HISTOGRAM_COLUMNS, attribution);
    if (opts.chart) {
      const bars = bands.map((b) => ({ label: b.short, value: b.payments, shown: String(b.payments) }));
      await writeChart(opts.chart, histogramSvg({ title: 'Payments by amount', subtitle: subtitle(opts, 'number of payments in each band'), bars, source: shortAttribution() }));
    }
    return { groups: bands.length, decisions, attribution };
  }
  const result = computeStats(statsSources(db, opts.selection), opts.by);
  let groups = sortGroups(result.groups, opts.sort);
  if (opts.top !== undefined) groups = groups.slice(0, opts.top);
  if (opts.format === 'table') await put(opts, stdout, statsTable(result, groups));
  else if (opts.format === 'json') {
    const json = { by: result.by, sort: opts.sort, groups: groups.map((g) => statsObject(result.by, g)), total: statsObject(result.by, result.total), source: attribution };
    await put(opts, stdout, `${JSON.stringify(json, null, 2)}\n`);
  } else await rows(opts, stdout, groups.map(statsCells), statsColumns(result.by), attribution);
  if (opts.chart) {
    const measure = opts.measure ?? (opts.sort === 'key' ? 'decisions' : opts.sort);
    const axis = measure === 'upheldShare' ? 'percent' : POUND_MEASURES.includes(measure) ? 'pounds' : 'count';
    const show = axis === 'percent' ? percent : axis === 'pounds' ? pounds : (n: number | null) => String(n ?? '');
    const bars = groups.map((g) => ({ label: g.key.join(' · '), value: g[measure] ?? 0, shown: measure === 'upheldShare' ? shareWithCounts(g) : show(g[measure]) }));
    const title = `${MEASURE_TITLES[measure]} by ${result.by.join(' and ')}`;
    const n = result.groups.length;
    const shownGroups = groups.length < n ? `the first ${groups.length} of ${n} groups` : `${n} group${n === 1 ? '' : 's'}`;
    const what = `${shownGroups}, ${result.total.decisions.toLocaleString('en-GB')} decisions`;
    await writeChart(opts.chart, barChartSvg({ title, subtitle: subtitle(opts, what), bars, axis, source: shortAttribution() }));
  }
  return { groups: groups.length, decisions: result.total.decisions, attribution };
}

// A table or JSON document: to the -o file (atomically) or standard output.
async function put(opts: StatsOptions, stdout: Writable, text: string): Promise<void> {
  if (opts.output) await writeFileAtomic(opts.output, text);
  else await writeText(stdout, text);
}

async function rows(opts: StatsOptions, stdout: Writable, cells: Cell[][], columns: OutputColumn[], attribution: string): Promise<void> {
  await emitRows(cells, { format: opts.format as Format, columns, excel: opts.excel ?? false, output: opts.output, attribution }, stdout);
}

// SVG as written; PNG rendered from the same SVG (stats/png.ts).
async function writeChart(file: string, svg: string): Promise<void> {
  if (!/\.png$/i.test(file)) return writeFileAtomic(file, svg);
  const { svgToPng } = await import('./png.js');
  await writeFileAtomic(file, svgToPng(svg));
}

const POUND_MEASURES: readonly Measure[] = ['paymentsTotal', 'medianPayment', 'p90Payment', 'maxPayment'];

function subtitle(opts: StatsOptions, what: string): string {
  return [what, opts.describe].filter(Boolean).join(' — ');
}
