/**
 * @file The filter options shared by `lgo search`, `lgo export` and `lgo stats`. Their values go
 * through normaliseFilters/compileFilters (src/search/filters.ts), so a filter means the same
 * in every command.
 */
import type { Command } from 'commander';

/** Adds the shared filter options (also used by export and stats through the same compiler). */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--organisation <name>', 'organisation name contains this (any case), e.g. "Cheshire East"')
    .option('--category <name>', 'category, e.g. "Adult care services"')
    .option('--subcategory <name>', 'subcategory, e.g. "Charging"')
    .option('--outcome <outcome>', 'outcome, e.g. Upheld, "Not upheld", "Closed after initial enquiries"')
    .option('--from <date>', 'decided on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'decided on or before (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--min-payment <pounds>', 'total remedy payment at least this')
    .option('--max-payment <pounds>', 'total remedy payment at most this')
    .option('--remedy <kind>', 'has a remedy of this kind (apology, payment, reassessment, service_improvement, ...)');
}
