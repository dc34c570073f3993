/**
 * @file `lgo export payments|remedies|decisions [QUERY] [filters] [--format csv|jsonl|json]
 * [--columns LIST] [--excel] [--comment] [-o FILE]`: analyst-ready rows from the corpus store.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { write, type CliIo } from './io.js';
import { openStoreForReading } from './store-access.js';
import { addSelectionOptions, selectionFrom, type SelectionFlags } from './selection-options.js';
import { addFormatOptions, outputPath, resolveFormat, type FormatFlags } from './format-options.js';
import { checkSelection } from './check-filters.js';

interface ExportFlags extends SelectionFlags, FormatFlags {
  columns?: string;
  excel?: boolean;
  comment?: boolean;
  listColumns?: boolean;
}

const KINDS = ['payments', 'remedies', 'decisions'] as const;
const EXPORT_FORMATS = ['csv', 'tsv', 'xlsx', 'jsonl', 'json'] as const;

const EXAMPLES = `
Examples:
  lgo export payments --category "Adult care services" --from 2021 --to 2021 -o payments.csv --excel
  lgo export payments --from 2023 -o payments.xlsx
  lgo export payments --organisation Wirral --columns ref,decisionDate,amount,purpose --format jsonl
  lgo export decisions "child in need" --outcome Upheld -o decisions.json
  lgo export remedies --remedy apology --from 2023 --format jsonl
  lgo export remedies --list-columns

The format follows the -o extension (.csv, .tsv, .xlsx, .json, .jsonl); any other name needs --format.
The attribution (source and re-use terms) goes into FILE.attribution.txt beside -o FILE (on the
second sheet of an .xlsx), or on standard error when writing to standard output; --comment puts it
in the CSV as a first "# " line.
Columns and their order: docs/export.md (or --list-columns).
`;

/** Registers `lgo export`. */
export function registerExport(program: Command, io: CliIo): void {
  const cmd = program
    .command('export')
    .description('export payments, remedies or decisions as CSV, TSV, XLSX, JSONL or JSON for spreadsheets and analysis')
    .argument('<kind>', `what one row is: ${KINDS.join(', ')}`)
    .argument('[query]', 'optional full-text query, as in `lgo search` (quote several words)');
  addFormatOptions(addSelectionOptions(cmd), EXPORT_FORMATS, 'csv')
    .option('--columns <list>', 'comma-separated columns to write, in this order (see --list-columns)')
    .option('--excel', 'CSV/TSV for spreadsheets: UTF-8 byte-order mark and text cells starting = + - @ made inert')
    .option('--comment', 'CSV only: put the attribution in the file as a leading "# " line instead of a sidecar')
    .option('--list-columns', 'list the columns of this kind and exit')
    .addHelpText('after', EXAMPLES)
    .action(async (kindArg: string, query: string | undefined, flags: ExportFlags) => {
      const kind = KINDS.find((k) => k === kindArg.toLowerCase());
      if (!kind) throw new UsageError(`unknown export "${kindArg}"`, { code: 'unknown-export', hint: `use one of: ${KINDS.join(', ')}` });
      const { COLUMN_SETS, selectColumns } = await import('../export/columns.js');
      if (flags.listColumns) {
        const set = COLUMN_SETS[kind] as (typeof COLUMN_SETS)['payments'];
        const lines = [...set.defaults.map((c) => [c.name, 'default', c.description]), ...set.extras.map((c) => [c.name, 'optional', c.description])];
        const w = Math.max(...lines.map((l) => l[0]!.length));
        await write(io.stdout, lines.map(([n, d, t]) => `${n!.padEnd(w)}  ${d!.padEnd(8)}  ${t}`).join('\n') + '\n');
        return;
      }
      const { checkFormatOptions } = await import('../export/formats.js');
      const { selectionWhere } = await import('../export/select.js');
      const { runExport } = await import('../export/run.js');
      const output = outputPath(flags, io.cwd);
      const format = resolveFormat(flags, EXPORT_FORMATS, 'csv') as (typeof EXPORT_FORMATS)[number];
      // Every option is checked before the store is opened (or built on first use).
      checkFormatOptions(format, { comment: flags.comment, excel: flags.excel });
      selectColumns(COLUMN_SETS[kind] as (typeof COLUMN_SETS)['payments'], flags.columns);
      const selection = selectionFrom(query, flags);
      selectionWhere(selection);
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      let result;
      try {
        await checkSelection(db, selection);
        result = await runExport(
          { db, kind, selection, columns: flags.columns, format, excel: flags.excel ?? false, comment: flags.comment ?? false, output },
          io.stdout,
        );
      } finally {
        db.close();
      }
      const noun = { payments: 'payment', remedies: 'remedy', decisions: 'decision' }[kind];
      const where = output ? ` to ${flags.output}` : '';
      io.stderr.write(`lgo: exported ${result.rows} ${noun} row${result.rows === 1 ? '' : 's'}${where}\n`);
      if (result.sidecar) {
        const rel = path.relative(io.cwd, result.sidecar);
        io.stderr.write(`lgo: attribution in ${rel.startsWith('..') || path.isAbsolute(rel) ? result.sidecar : rel}\n`);
      }
      else if (format === 'xlsx') io.stderr.write('lgo: attribution on the workbook\'s "Source" sheet\n');
      else if (!flags.comment) io.stderr.write(`${result.attribution}\n`);
    });
}
