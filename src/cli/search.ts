/**
 * @file `lgo search QUERY [filters] [--sort] [--limit] [--offset] [--format]`.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { FilterInput } from '../search/filters.js';
import type { CliIo } from './io.js';
import { addFilterOptions } from './filter-options.js';
import { openStoreForReading } from './store-access.js';
import { addFormatOptions, checkExcel, outputPath, resolveFormat, type FormatFlags } from './format-options.js';
import { checkFilters } from './check-filters.js';

interface SearchFlags extends FilterInput, FormatFlags {
  sort?: string;
  limit: string;
  offset: string;
  excel?: boolean;
  db?: string;
  corpus?: string;
}

const SORTS = ['relevance', 'date', 'payment'];
const FORMATS = ['table', 'csv', 'tsv', 'xlsx', 'json', 'jsonl'] as const;

export function registerSearch(program: Command, io: CliIo): void {
  const cmd = program
    .command('search')
    .description('full-text search of the decisions, with filters and snippets')
    .argument('[query]', 'words (all must appear), "exact phrase", a OR b, NOT x or -x, prefix*, (groups), summary: organisation: category: outcome: ref:; may be empty with filters', '');
  addFormatOptions(addFilterOptions(cmd), FORMATS, 'table')
    .option('--excel', 'CSV/TSV for spreadsheets: UTF-8 byte-order mark and text cells starting = + - @ made inert')
    .option('--sort <order>', 'relevance (default with a query), date (newest first) or payment (largest first)')
    .option('--limit <n>', 'hits to show', '20')
    .option('--offset <n>', 'hits to skip (for paging)', '0')
    .option('--corpus <dir>', 'corpus folder whose database to read (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own database)')
    .addHelpText(
      'after',
      `\nExamples:\n  lgo search "child in need"\n  lgo search 'child NOT protection'\n  lgo search 'summary:(homeless* OR "temporary accommodation") category:housing'\n  lgo search 23-004-560\n  lgo search 'care OR nursing -"council tax"' --outcome upheld --from 2020\n  lgo search assess* --organisation "Cheshire East" --sort date --csv --excel -o hits.csv\n  lgo search "" --remedy payment --min-payment 1000 --sort payment\n`,
    )
    .action(async (query: string, flags: SearchFlags) => {
      const format = resolveFormat(flags, FORMATS, 'table') as (typeof FORMATS)[number];
      checkExcel(flags.excel, format);
      const output = outputPath(flags, io.cwd);
      if (flags.sort !== undefined && !SORTS.includes(flags.sort)) throw new UsageError(`unknown --sort "${flags.sort}"`, { hint: `use one of ${SORTS.join(', ')}` });
      const limit = wholeNumber(flags.limit, 'limit', 1);
      const offset = wholeNumber(flags.offset, 'offset', 0);
      const { normaliseFilters, noFilters } = await import('../search/filters.js');
      const filters = normaliseFilters(flags);
      const { compileQuery } = await import('../search/query.js');
      const compiled = compileQuery(query); // bad queries fail before the database is opened
      if (!compiled.match && compiled.where.sql === '1' && noFilters(filters)) throw new UsageError('nothing to search for', { hint: 'give a query, e.g. lgo search "child in need", or a filter such as --organisation' });
      const db = await openStoreForReading(flags.db, io, flags.corpus);
      try {
        const { searchStore } = await import('../search/engine.js');
        const result = searchStore(db, { query, filters, sort: flags.sort as 'relevance' | undefined, limit, offset });
        if (result.total === 0) await checkFilters(db, filters); // a typo in a filter is an error, not "no matches"
        const out = await import('./search-output.js');
        await out.writeSearchResult(result, { format, query, offset, limit, output, excel: flags.excel ?? false, tty: io.stdoutIsTTY && !output && !io.env.NO_COLOR }, io.stdout);
        if (result.total === 0) await explainNoHits(db, query, compiled, io);
        else if (format === 'table' || output) {
          const shown = result.hits.length ? `${offset + 1}-${offset + result.hits.length}` : 'none';
          const count = result.total.toLocaleString('en-GB');
          const verb = result.total === 1 ? 'decision matches' : 'decisions match';
          io.stderr.write(`${count} ${verb} (${output ? `${result.hits.length} written to ${flags.output}` : `showing ${shown}`})\n`);
        }
      } finally {
        db.close();
      }
    });
}

async function explainNoHits(db: import('../store/open.js').Store, query: string, compiled: import('../search/query.js').CompiledQuery, io: CliIo): Promise<void> {
  const { suggestQuery } = await import('../search/suggest.js');
  if (compiled.ref) {
    io.stderr.write(`no decision has the reference ${compiled.ref}, and none cites it\n`);
    io.stderr.write('hint: a reference is two digits and six more, e.g. 19 020 817; lgo build adds new pages\n');
    return;
  }
  const better = compiled.match ? suggestQuery(db, query, compiled) : null;
  io.stderr.write(`no decisions match${better ? `; did you mean: lgo search ${shellQuote(better)}` : ''}\n`);
  if (!better) io.stderr.write('hint: use fewer words, OR between alternatives, prefix* for word endings, or fewer filters\n');
}

function wholeNumber(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw new UsageError(`--${option} "${value}" must be a whole number${min > 0 ? ` of at least ${min}` : ''}`);
  return n;
}

/** Quotes a query for copying back into a shell. */
function shellQuote(q: string): string {
  return q.includes('"') && !q.includes("'") ? `'${q}'` : JSON.stringify(q);
}
