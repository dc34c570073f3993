/**
 * @file Search and export filters, validated and compiled to one SQL WHERE clause over
 * `decisions d` with bound parameters. `lgo search`, `lgo export` and `lgo stats` share it, so a
 * filter means the same everywhere.
 */
import { UsageError } from '../errors.js';
import { REMEDY_KINDS } from '../schema/kinds.js';
import type { RemedyKind } from '../schema/record.js';
import { closest } from './suggest-text.js';

/** Filters as typed on the command line (strings), before validation. */
export interface FilterInput {
  organisation?: string;
  category?: string;
  subcategory?: string;
  outcome?: string;
  from?: string;
  to?: string;
  minPayment?: string | number;
  maxPayment?: string | number;
  remedy?: string;
}

/** Validated filters. */
export interface Filters {
  /** Case-insensitive substring of the organisation name. */
  organisation?: string;
  /** Case-insensitive exact category, subcategory and outcome. */
  category?: string;
  subcategory?: string;
  outcome?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  minPayment?: number;
  maxPayment?: number;
  remedy?: RemedyKind;
}

export interface WhereClause {
  /** SQL to put after WHERE (`1` when there are no filters), over `decisions d`. */
  sql: string;
  params: (string | number)[];
}

/**
 * Validates command-line filter values. Throws UsageError naming the option and the value.
 * @example normaliseFilters({ from: '2020', minPayment: '£500' }) // { from: '2020-01-01', minPayment: 500 }
 */
export function normaliseFilters(input: FilterInput): Filters {
  const out: Filters = {};
  for (const key of ['organisation', 'category', 'subcategory', 'outcome'] as const) {
    const v = input[key]?.replace(/[’‘]/g, "'").trim();
    if (v) out[key] = v;
  }
  if (input.from !== undefined) out.from = parseDateBound(input.from, 'from');
  if (input.to !== undefined) out.to = parseDateBound(input.to, 'to');
  if (out.from && out.to && out.from > out.to) throw new UsageError(`--from ${input.from} is after --to ${input.to}`, { hint: 'swap the two dates' });
  if (input.minPayment !== undefined) out.minPayment = parseMoney(input.minPayment, 'min-payment');
  if (input.maxPayment !== undefined) out.maxPayment = parseMoney(input.maxPayment, 'max-payment');
  if (out.minPayment !== undefined && out.maxPayment !== undefined && out.minPayment > out.maxPayment) {
    throw new UsageError(`--min-payment ${out.minPayment} is above --max-payment ${out.maxPayment}`, { hint: 'swap the two amounts' });
  }
  if (input.remedy !== undefined) {
    const kind = input.remedy.trim().toLowerCase().replace(/[\s-]+/g, '_');
    if (!(REMEDY_KINDS as readonly string[]).includes(kind)) {
      const near = closest(kind, REMEDY_KINDS);
      throw new UsageError(`unknown --remedy "${input.remedy}"${near ? `: did you mean ${near}?` : ''}`, { hint: `remedy kinds: ${REMEDY_KINDS.join(', ')}` });
    }
    out.remedy = kind as RemedyKind;
  }
  return out;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` -> an inclusive ISO bound (start of period for --from, end for --to). */
export function parseDateBound(value: string, which: 'from' | 'to'): string {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim());
  const bad = (): never => {
    throw new UsageError(`--${which} "${value}" is not a date`, { hint: `write YYYY, YYYY-MM or YYYY-MM-DD, e.g. --${which} 2021-06-03` });
  };
  if (!m) return bad();
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : which === 'from' ? 1 : 12;
  if (month < 1 || month > 12) return bad();
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : which === 'from' ? 1 : lastDay;
  if (day < 1 || day > lastDay) return bad();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseMoney(value: string | number, option: string): number {
  const n = typeof value === 'number' ? value : Number(value.trim().replace(/^£/, '').replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0 || (typeof value === 'string' && value.trim() === '')) {
    throw new UsageError(`--${option} "${value}" is not an amount of money`, { hint: `write pounds as a number, e.g. --${option} 500` });
  }
  return n;
}

/**
 * Compiles validated filters to a WHERE clause over `decisions d`.
 * @example compileFilters({ outcome: 'Upheld' }) // { sql: 'd.outcome = ? COLLATE NOCASE', params: ['Upheld'] }
 */
export function compileFilters(f: Filters): WhereClause {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.organisation) {
    parts.push("d.organisation LIKE ? ESCAPE '\\'");
    params.push(containsPattern(f.organisation));
  }
  for (const [key, col] of [['category', 'category'], ['subcategory', 'subcategory'], ['outcome', 'outcome']] as const) {
    const v = f[key];
    if (v) {
      parts.push(`replace(d.${col}, '’', '''') = ? COLLATE NOCASE`);
      params.push(v);
    }
  }
  if (f.from) {
    parts.push('d.decision_date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    parts.push('d.decision_date <= ?');
    params.push(f.to);
  }
  if (f.minPayment !== undefined) {
    parts.push('d.payment_total >= ?');
    params.push(f.minPayment);
  }
  if (f.maxPayment !== undefined) {
    parts.push('d.payment_total <= ?');
    params.push(f.maxPayment);
  }
  if (f.remedy) {
    parts.push('EXISTS (SELECT 1 FROM remedies r WHERE r.decision_id = d.id AND r.kind = ?)');
    params.push(f.remedy);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** A LIKE pattern (with ESCAPE '\\') for "contains `text`", any ASCII case. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** True when no filter is set. */
export function noFilters(f: Filters): boolean {
  return Object.values(f).every((v) => v === undefined);
}
