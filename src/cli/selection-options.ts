/**
 * @file The options `lgo export` and `lgo stats` share to choose decisions: the filters of
 * `lgo search` (cli/filter-options.ts, compiled by search/filters.ts), bounds on single
 * payment amounts, and --db.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Selection } from '../export/select.js';
import { addFilterOptions } from './filter-options.js';

export interface SelectionFlags {
  organisation?: string;
  category?: string;
  subcategory?: string;
  outcome?: string;
  from?: string;
  to?: string;
  minPayment?: string;
  maxPayment?: string;
  remedy?: string;
  minAmount?: string;
  maxAmount?: string;
  db?: string;
  corpus?: string;
}

/** Adds the filters of `lgo search` (same option names and meaning), payment-amount bounds and --db. */
export function addSelectionOptions(cmd: Command): Command {
  return addFilterOptions(cmd)
    .option('--min-amount <pounds>', 'single payments of at least this: payment rows and payment figures count only these, and decisions need one')
    .option('--max-amount <pounds>', 'single payments of at most this (as --min-amount)')
    .option('--corpus <dir>', 'corpus folder whose database to read (default: LGO_CORPUS, else the bundled corpus/)')
    .option('--db <file>', 'database file (default: LGO_DB, else the corpus\'s own database)');
}

function amount(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim().replace(/^£/, '').replace(/,/g, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`--${option} "${value}" is not an amount of money`, { hint: `write pounds as a number, e.g. --${option} 500` });
  }
  return n;
}

/** The selection a command line asks for; validation of the filters happens when it is compiled. */
export function selectionFrom(query: string | undefined, f: SelectionFlags): Selection {
  const min = amount(f.minAmount, 'min-amount');
  const max = amount(f.maxAmount, 'max-amount');
  if (min !== undefined && max !== undefined && min > max) throw new UsageError(`--min-amount ${min} is above --max-amount ${max}`, { hint: 'swap the two amounts' });
  const filters = {
    organisation: f.organisation,
    category: f.category,
    subcategory: f.subcategory,
    outcome: f.outcome,
    from: f.from,
    to: f.to,
    minPayment: f.minPayment,
    maxPayment: f.maxPayment,
    remedy: f.remedy,
  };
  // exactOptionalPropertyTypes-safe: drop unset keys.
  const set = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  return { query: query ?? '', filters: set, amount: { min, max } };
}
