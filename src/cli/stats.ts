/**
 * @file `lgo stats [QUERY] [filters] --by KEY [--by KEY] [--format table|csv|json] [--top N]
 * [--sort MEASURE] [--chart FILE.svg|FILE.png] [-o FILE]`: figures per organisation, category, year or outcome.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';
import { addSelectionOptions, selectionFrom, type SelectionFlags } from './selection-options.js';
import { addFormatOptions, checkExcel, outputPath, resolveFormat, type FormatFlags } from './format-options.js';
import { checkSelection } from './check-filters.js';

const STATS_FORMATS = ['table', 'csv', 'tsv', 'xlsx', 'json'] as const;

interface StatsFlags extends SelectionFlags, FormatFlags {
  by?: string[];
  excel?: boolean;
  top?: string;
  sort?: string;
  chart?: string;
  measure?: string;
}

const EXAMPLES = `
Examples:
  lgo stats --by organisation --category "Adult care services" --from 2021 --to 2021 --top 10
  lgo stats --by year --by outcome --format csv > outcomes-by-year.csv
  lgo stats --by organisation -o per-council.xlsx
  lgo stats --by category --sort paymentsTotal --chart payments.png
  lgo stats "care home" --by amount --chart amounts.svg
  lgo stats --by purpose --by year --sort key         (sums of payments by purpose kind per year)

Measures (for --sort and --measure): decisions, upheld, upheldShare, withPayment, paymentCount,
paymentsTotal, medianPayment, p90Payment, maxPayment; --sort key orders groups A to Z (the default
when the first --by is year).
Upheld share is upheld / (upheld + not upheld), as in the Ombudsman's own uphold rate.
Median and 90th percentile are over single payments, interpolated as a spreadsheet's
MEDIAN and PERCENTILE.INC do.
`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Registers `lgo stats`. */
export function registerStats(program: Command, io: CliIo): void {
  const cmd = program
    .command('stats')
    .description('count decisions, uphold share and payments per organisation, category, subcategory, year or outcome')
    .argument('[query]', 'optional full-text query, as in `lgo search` (quote several words)');
  addFormatOptions(addSelectionOptions(cmd), STATS_FORMATS, 'table')
    .option('--by <key>', 'group by organisation, category, subcategory, year, outcome or compliance-year (repeat to combine); purpose or recipient: payments by purpose kind or recipient role; amount: a histogram of payments', collect)
    .option('--excel', 'CSV/TSV for spreadsheets: UTF-8 byte-order mark and text cells starting = + - @ made inert')
    .option('--top <n>', 'show only the first N groups after sorting')
    .option('--sort <measure>', 'order groups by this measure, largest first (default: decisions; by year: key), or key')
    .option('--chart <file>', 'also write a bar chart: FILE.svg (opens in a browser) or FILE.png')
    .option('--measure <measure>', 'the measure the chart shows (default: the --sort measure, else decisions)')
    .addHelpText('after', EXAMPLES)
    .action(async (query: string | undefined, flags: StatsFlags) => {
      const { parseGroupKeys, parseSort } = await import('../stats/compute.js');
      const { runStats } = await import('../stats/run.js');
      const format = resolveFormat(flags, STATS_FORMATS, 'table') as (typeof STATS_FORMATS)[number];
      checkExcel(flags.excel, format);
      const output = outputPath(flags, io.cwd);
      const top = flags.top === undefined ? undefined : Number(flags.top);
      if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new UsageError(`--top "${flags.top}" is not a whole number above 0`, { hint: 'e.g. --top 10' });
      const by = parseGroupKeys(flags.by);
      // Years read best in order; other groups largest first.
      const sort = flags.sort === undefined && by !== 'amount' && by[0] === 'year' ? 'key' : parseSort(flags.sort);
      const measure = flags.measure === undefined ? undefined : parseSort(flags.measure);
      if (measure === 'key') throw new UsageError('--measure key is not a number to chart', { hint: 'use a measure such as decisions or paymentsTotal' });
      if (flags.chart !== undefined && !/\.(svg|png)$/i.test(flags.chart)) {
        throw new UsageError(`--chart ${flags.chart}: a chart is written as .svg or .png`, { code: 'chart-format', hint: `name it ${flags.chart.replace(/\.[^./]*$/, '')}.svg or .png` });
      }
      const chart = flags.chart ? path.resolve(io.cwd, flags.chart) : undefined;
      if (by === 'amount' && (flags.sort !== undefined || flags.top !== undefined || flags.measure !== undefined)) {
        throw new UsageError('--by amount lists every amount band in order: --sort, --top and --measure do not apply', { code: 'bad-option', hint: 'drop them, or group by organisation, category, subcategory, year or outcome' });
      }
      const selection = selectionFrom(query, flags);
      const { selectionWhere } = await import('../export/select.js');
      selectionWhere(selection); // bad filters fail before the store is opened (or built on first use)
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      let result;
      try {
        await checkSelection(db, selection);
        result = await runStats({ db, selection, by, sort, top, format, output, excel: flags.excel ?? false, chart, measure, describe: describeSelection(query, flags) }, io.stdout);
      } finally {
        db.close();
      }
      io.stderr.write(`lgo: ${result.decisions} decision${result.decisions === 1 ? '' : 's'} in ${result.groups} group${result.groups === 1 ? '' : 's'}\n`);
      if (output) io.stderr.write(`lgo: written to ${flags.output}\n`);
      if (chart) io.stderr.write(`lgo: chart written to ${flags.chart}\n`);
      if (format === 'xlsx') io.stderr.write('lgo: attribution on the workbook\'s "Source" sheet\n');
      else if (format !== 'json') io.stderr.write(`${result.attribution}\n`);
    });
}

// "query "care home", category Housing, from 2021" for the chart's subtitle.
function describeSelection(query: string | undefined, f: StatsFlags): string {
  const parts = query?.trim() ? [`query "${query.trim()}"`] : [];
  const named: [string, string | undefined][] = [
    ['organisation', f.organisation], ['category', f.category], ['subcategory', f.subcategory], ['outcome', f.outcome],
    ['from', f.from], ['to', f.to], ['remedy', f.remedy], ['min payment', f.minPayment], ['max payment', f.maxPayment],
    ['min amount', f.minAmount], ['max amount', f.maxAmount],
  ];
  for (const [name, v] of named) if (v !== undefined) parts.push(`${name} ${v}`);
  return parts.join(', ');
}
