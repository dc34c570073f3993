/**
 * @file Turns (decision, item) pairs into export rows. Pure and lazy (a generator), so rows are
 * made only as fast as the output takes them.
 */
import type { Cell, Column, ExportDecision } from './columns.js';

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
