/**
 * @file Turns (decision, item) pairs into export rows, and whole records into such pairs. Pure
 * and lazy (generators), so rows are made only as fast as the output takes them.
 */
import type { DecisionRecord } from '../schema/record.js';
import { toExportDecision, type Cell, type Column, type ExportDecision, type ExportKind } from './columns.js';

/** One row's source: the decision and the payment, remedy or (for decisions) null it is about. */
export type RowSource = readonly [ExportDecision, unknown];

/** Yields the cells of each row in column order. */
export function* toCells(pairs: Iterable<RowSource>, columns: readonly Column<never>[]): Generator<Cell[]> {
  for (const [d, item] of pairs) yield columns.map((c) => c.get(d, item as never));
}

/** Payment bounds in pounds, inclusive. */
export interface AmountBounds {
  min?: number | undefined;
  max?: number | undefined;
}

/** Whether an amount lies within the inclusive bounds. */
export function withinBounds(amount: number, bounds: AmountBounds): boolean {
  return (bounds.min === undefined || amount >= bounds.min) && (bounds.max === undefined || amount <= bounds.max);
}

/**
 * The row sources of whole records, as the store query yields them: one per payment (within
 * `bounds`), per remedy, or per decision.
 * @example [...recordPairs('payments', [record])].length // record.payments.length
 */
export function* recordPairs(kind: ExportKind, records: Iterable<DecisionRecord>, bounds: AmountBounds = {}): Generator<RowSource> {
  for (const r of records) {
    const d = toExportDecision(r);
    if (kind === 'decisions') yield [d, null];
    else if (kind === 'remedies') for (const m of r.remedies) yield [d, m];
    else for (const p of r.payments) if (withinBounds(p.amount, bounds)) yield [d, p];
  }
}
