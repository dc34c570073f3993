/**
 * @file The state of a search page as URL parameters, both ways: parsed and checked (a bad value
 * is a UsageError, shown as a 400 page) and written back into links, so every state of the page
 * is a bookmarkable address and the back button works. Filters go through search/filters.ts, so
 * `?organisation=...` means what `--organisation` means on the command line. Pure.
 */
import { UsageError } from '../errors.js';
import { normaliseFilters, type FilterInput, type Filters } from '../search/filters.js';
import { SORTS, type Sort } from '../search/engine.js';

/** Decision payment-total bands for the facet: `none` (nothing paid), then bands of the total. */
export const PAYMENT_BANDS = [
  { key: 'none', label: 'No payment', min: 0, max: 0 },
  { key: 'under-250', label: 'Under £250', min: 0.01, max: 249.99 },
  { key: '250-500', label: '£250 to under £500', min: 250, max: 499.99 },
  { key: '500-1000', label: '£500 to under £1,000', min: 500, max: 999.99 },
  { key: '1000-2500', label: '£1,000 to under £2,500', min: 1000, max: 2499.99 },
  { key: '2500-5000', label: '£2,500 to under £5,000', min: 2500, max: 4999.99 },
  { key: '5000-plus', label: '£5,000 or more', min: 5000, max: undefined },
] as const;
export type BandKey = (typeof PAYMENT_BANDS)[number]['key'];

/** Results per page. */
export const PAGE_SIZE = 20;
/** The deepest page offered: paging past ranked results costs a full ranking (engine.ts). */
export const MAX_PAGE = 50;

/** Every parameter a search, payments or download address may carry. */
export interface SearchState {
  q: string;
  organisation?: string;
  category?: string;
  subcategory?: string;
  outcome?: string;
  /** A decision year, "2021". */
  year?: string;
  remedy?: string;
  band?: BandKey;
  sort?: Sort;
  page: number;
}

const TEXT_KEYS = ['organisation', 'category', 'subcategory', 'outcome', 'year', 'remedy', 'band', 'sort'] as const;
/** Parameter order in links: stable, so one state has one address. */
const ORDER = ['q', ...TEXT_KEYS, 'page'] as const;
const MAX_LENGTH = 500;

/**
 * Reads a state from URL parameters. Unknown parameters are ignored (trackers, old links);
 * known ones with bad values are a UsageError naming the parameter.
 * @example parseState(new URLSearchParams('q=care&year=2021&page=2'))
 */
export function parseState(params: URLSearchParams): SearchState {
  const get = (key: string): string | undefined => {
    const v = params.get(key);
    if (v === null) return undefined;
    if (v.length > MAX_LENGTH) throw new UsageError(`the ${key} parameter is longer than ${MAX_LENGTH} characters`);
    return v.trim() === '' ? undefined : v.trim();
  };
  const state: SearchState = { q: get('q') ?? '', page: 1 };
  for (const key of ['organisation', 'category', 'subcategory', 'outcome', 'remedy'] as const) {
    const v = get(key);
    if (v !== undefined) state[key] = v;
  }
  const year = get('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`year "${year}" is not a year`, { hint: 'write four digits, e.g. year=2021' });
    state.year = year;
  }
  const band = get('band');
  if (band !== undefined) {
    if (!PAYMENT_BANDS.some((b) => b.key === band)) throw new UsageError(`unknown payment band "${band}"`, { hint: `use one of: ${PAYMENT_BANDS.map((b) => b.key).join(', ')}` });
    state.band = band as BandKey;
  }
  const sort = get('sort');
  if (sort !== undefined) {
    if (!(SORTS as readonly string[]).includes(sort)) throw new UsageError(`unknown sort "${sort}"`, { hint: `use one of: ${SORTS.join(', ')}` });
    state.sort = sort as Sort;
  }
  const page = get('page');
  if (page !== undefined) {
    if (!/^\d+$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE) throw new UsageError(`page "${page}" is not a page number from 1 to ${MAX_PAGE}`);
    state.page = Number(page);
  }
  // Checks every filter value now (remedy kind, year bounds), as the CLI does for its options.
  toFilters(state);
  return state;
}

/** The search filters a state stands for: the CLI's filters, with year and band as date and payment bounds. */
export function toFilters(state: SearchState): Filters {
  const input: FilterInput = {};
  for (const key of ['organisation', 'category', 'subcategory', 'outcome', 'remedy'] as const) if (state[key] !== undefined) input[key] = state[key];
  if (state.year) {
    input.from = state.year;
    input.to = state.year;
  }
  const band = PAYMENT_BANDS.find((b) => b.key === state.band);
  if (band) {
    input.minPayment = band.min;
    if (band.max !== undefined) input.maxPayment = band.max;
  }
  return normaliseFilters(input);
}

/**
 * The query string of a state with some parameters changed (`undefined` removes one). Changing
 * anything but the page goes back to page 1.
 * @example stateQuery({ q: 'care', page: 3 }, { year: '2021' }) // "?q=care&year=2021"
 */
export function stateQuery(state: SearchState, change: Partial<Record<keyof SearchState, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...state, ...change };
  if (!('page' in change)) merged.page = undefined;
  // Choosing another category drops a subcategory of the old one.
  if ('category' in change && !('subcategory' in change)) merged.subcategory = undefined;
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const v = merged[key];
    if (v === undefined || v === '' || (key === 'page' && v === 1)) continue;
    params.set(key, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
