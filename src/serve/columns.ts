/**
 * @file Per-process columns of what the search page's facets and the payments page's charts
 * summarise and its filters test, by decision id: organisation, category, subcategory, outcome,
 * decision year, payment band and date as codes into value lists, the total paid, each decision's distinct remedy kinds and its payment
 * amounts (offsets into one array, as compressed sparse rows), and each decision's place in
 * the export's order. Summing codes over a match set in JavaScript costs a few milliseconds
 * where grouping the same rows in SQL cost 70-110 ms at 60,000 decisions (docs/serve.md).
 *
 * Loaded once per open database and reloaded when another connection has changed it (SQLite's
 * `PRAGMA data_version`, which moves on every commit by another connection: an `lgo build`
 * update). A database file replaced by `lgo build --full` is a new connection (live-store.ts),
 * so a new load. The values are read with the very SQL expressions the counts used to group
 * by, so a code means the same value SQL would have grouped.
 */
import type { Store } from '../store/open.js';
import { PAYMENT_BANDS } from './params.js';

/** One column: a code per decision id into `values`, -1 where SQL had NULL. */
export interface Column {
  codes: Int32Array;
  values: string[];
}

export interface DecisionColumns {
  /** `PRAGMA data_version` when loaded: stale when it differs. */
  version: number;
  /** Decision ids, ascending. */
  ids: Int32Array;
  organisation: Column;
  category: Column;
  subcategory: Column;
  outcome: Column;
  /** `substr(decision_date, 1, 4)`; -1 for no date. */
  year: Column;
  /** PAYMENT_BANDS key of the decision's total paid; -1 when in none. */
  band: Column;
  /** `decision_date` as stored; -1 for none. */
  date: Column;
  /** `payment_total`, by id. */
  paymentTotal: Float64Array;
  /** Distinct remedy kinds of decision `id`: `remedyCodes[remedyStart[id] .. remedyStart[id + 1])`, codes into `remedyKinds`. */
  remedyStart: Int32Array;
  remedyCodes: Uint16Array;
  remedyKinds: string[];
  /** Payment amounts of decision `id`, in position order: `amounts[payStart[id] .. payStart[id + 1])`. */
  payStart: Int32Array;
  amounts: Float64Array;
  /** Each decision's rank in the export's order (decision date, then reference); -1 for no decision. */
  exportRank: Int32Array;
}

/** The payment band of `col`, in SQL (the same bounds as PAYMENT_BANDS). */
export function bandSql(col: string): string {
  return `CASE ${PAYMENT_BANDS.map((b) => `WHEN ${col} >= ${b.min}${b.max === undefined ? '' : ` AND ${col} <= ${b.max}`} THEN '${b.key}'`).join(' ')} END`;
}

const cache = new WeakMap<Store, DecisionColumns>();

/**
 * The columns of an open database, loaded on first use and again after another connection
 * changed it.
 * @example const cols = decisionColumns(db); cols.organisation.values[cols.organisation.codes[id]]
 */
export function decisionColumns(db: Store): DecisionColumns {
  const version = db.pragma('data_version', { simple: true }) as number;
  const hit = cache.get(db);
  if (hit?.version === version) return hit;
  const cols = loadColumns(db, version);
  cache.set(db, cols);
  return cols;
}

type Row = [number, string | null, string | null, string | null, string | null, string | null, string | null, string | null, number];

function loadColumns(db: Store, version: number): DecisionColumns {
  // One read transaction, so the columns describe one state of the database.
  return db.transaction(() => {
    const size = ((db.prepare('SELECT max(id) FROM decisions').pluck().get() as number | null) ?? 0) + 1;
    // Row by row, not all rows at once: 60,000 rows as arrays took 50 MB that the process kept.
    const rows = db.prepare(`SELECT id, organisation, category, subcategory, outcome, substr(decision_date, 1, 4), ${bandSql('payment_total')}, decision_date, payment_total FROM decisions ORDER BY id`).raw().iterate() as IterableIterator<Row>;
    const coders = Array.from({ length: 7 }, () => coder(size));
    const present = new Uint8Array(size);
    const paymentTotal = new Float64Array(size);
    for (const r of rows) {
      present[r[0]] = 1;
      for (let c = 0; c < 7; c++) coders[c]!.set(r[0], r[c + 1] as string | null);
      paymentTotal[r[0]] = r[8];
    }
    const ids = new Int32Array(present.reduce((n, p) => n + p, 0));
    for (let id = 0, k = 0; id < size; id++) if (present[id] === 1) ids[k++] = id;
    const [organisation, category, subcategory, outcome, year, band, date] = coders.map((c) => c.column);
    const remedyKinds: string[] = [];
    const kindCode = new Map<string, number>();
    const remedy = sparse(size, db.prepare('SELECT DISTINCT decision_id, kind FROM remedies ORDER BY decision_id, kind').raw().iterate() as IterableIterator<[number, string]>, (kind) => {
      let code = kindCode.get(kind);
      if (code === undefined) kindCode.set(kind, (code = remedyKinds.push(kind) - 1));
      return code;
    });
    const pay = sparse(size, db.prepare('SELECT decision_id, amount FROM payments ORDER BY decision_id, position').raw().iterate() as IterableIterator<[number, number]>, (a) => a);
    const exportRank = new Int32Array(size).fill(-1);
    let rank = 0;
    for (const id of db.prepare('SELECT id FROM decisions ORDER BY decision_date, ref').pluck().iterate() as IterableIterator<number>) exportRank[id] = rank++;
    return {
      version,
      ids,
      organisation: organisation!,
      category: category!,
      subcategory: subcategory!,
      outcome: outcome!,
      year: year!,
      band: band!,
      date: date!,
      paymentTotal,
      remedyStart: remedy.start,
      remedyCodes: Uint16Array.from(remedy.values),
      remedyKinds,
      payStart: pay.start,
      amounts: Float64Array.from(pay.values),
      exportRank,
    };
  }).deferred();
}

/** Assigns codes to a column's distinct values (exact strings, as SQL's GROUP BY compares them). */
function coder(size: number): { column: Column; set(id: number, value: string | null): void } {
  const column: Column = { codes: new Int32Array(size).fill(-1), values: [] };
  const codeOf = new Map<string, number>();
  return {
    column,
    set(id, value) {
      if (value === null) return;
      let code = codeOf.get(value);
      if (code === undefined) codeOf.set(value, (code = column.values.push(value) - 1));
      column.codes[id] = code;
    },
  };
}

/** Rows (decision id ascending, value) into offsets by id and the values in row order. */
function sparse<T>(size: number, rows: IterableIterator<[number, T]>, value: (v: T) => number): { start: Int32Array; values: number[] } {
  const counts = new Int32Array(size + 1);
  const values: number[] = [];
  for (const [id, v] of rows) {
    counts[id + 1]!++;
    values.push(value(v));
  }
  for (let id = 0; id < size; id++) counts[id + 1]! += counts[id]!;
  return { start: counts, values };
}
