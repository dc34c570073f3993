/**
 * @file The options `lgo export` and `lgo stats` share to choose decisions: the full-text query
 * and the filters of `lgo search` (compiled by search/filters.ts and search/query.ts), plus
 * bounds on single payment amounts, and --db.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Selection } from '../export/select.js';

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
}

/** Adds the query filters (as in `lgo search`), the payment-amount bounds and --db. */
export function addSelectionOptions(cmd: Command): Command {
  return cmd
    .option('--organisation <text>', 'organisation name contains this text (case-insensitive)')
    .option('--category <name>', 'category, exactly as displayed ("Adult care services")')
    .option('--subcategory <name>', 'subcategory, exactly as displayed')
    .option('--outcome <name>', 'outcome, exactly as displayed ("Upheld", "Not upheld")')
    .option('--from <date>', 'decided on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'decided on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--min-payment <pounds>', "decision's payment total at least this")
    .option('--max-payment <pounds>', "decision's payment total at most this")
    .option('--remedy <kind>', 'decisions with a remedy of this kind (apology, payment, ...)')
    .option('--min-amount <pounds>', 'single payments of at least this: payment rows and payment figures count only these, and decisions need one')
    .option('--max-amount <pounds>', 'single payments of at most this (as --min-amount)')
    .option('--db <file>', 'the corpus store (default: $LGO_DB, else index/decisions.sqlite)');
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
export function selectionFrom(queryWords: string[], f: SelectionFlags): Selection {
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
  return { query: queryWords.join(' '), filters: set, amount: { min, max } };
}
