/**
 * @file Column definitions for `lgo export payments|remedies|decisions`. The default column
 * order is part of the documented output (docs/export.md): append new columns, never reorder.
 * Rows are built from a decision and, for payments and remedies, one of its items; pure.
 */
import type { DecisionRecord, Payment, Remedy } from '../schema/record.js';
import { UsageError } from '../errors.js';
import { canonicalUrl } from './url.js';

/**
 * The decision fields a row reads: the record's scalar fields plus two derived ones, filled by
 * the store query (export/select.ts) from SQL columns.
 */
export type ExportDecision = Pick<
  DecisionRecord,
  | 'ref'
  | 'organisation'
  | 'category'
  | 'subcategory'
  | 'outcome'
  | 'outcomeInferred'
  | 'decisionDate'
  | 'url'
  | 'documentType'
  | 'summary'
  | 'decisionMaker'
  | 'paymentTotal'
  | 'complianceDate'
> & {
  paymentCount: number;
  /** Distinct remedy kinds in first-seen order, joined with "; ". */
  remedyKinds: string;
};

/** A cell: numbers stay numbers (amounts are never quoted or guarded), unknown is null. */
export type Cell = string | number | boolean | null;

export interface Column<Item> {
  name: string;
  /** "number" cells are written unquoted and bypass the spreadsheet formula guard; "date" is ISO text, a date cell in XLSX. */
  type: 'text' | 'number' | 'boolean' | 'date';
  description: string;
  get: (decision: ExportDecision, item: Item) => Cell;
}

export const EXPORT_KINDS = ['payments', 'remedies', 'decisions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The year of the decision date (not the reference's year, which is when the complaint arrived). */
function decisionYear(d: ExportDecision): number | null {
  return d.decisionDate ? Number(d.decisionDate.slice(0, 4)) : null;
}

/** Whole days from one ISO date to another; null unless both are known. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Decision fields that lead every kind of row, in this order.
function leadColumns<Item>(): Column<Item>[] {
  return [
    { name: 'ref', type: 'text', description: 'the decision reference, "19 020 817"', get: (d) => d.ref },
    { name: 'organisation', type: 'text', description: 'the council or body complained about', get: (d) => d.organisation },
    { name: 'category', type: 'text', description: 'the category as displayed ("Children\'s care services")', get: (d) => d.category },
    { name: 'subcategory', type: 'text', description: 'the subcategory as displayed ("Other")', get: (d) => d.subcategory },
    { name: 'outcome', type: 'text', description: 'the outcome as displayed ("Upheld") or read from the text', get: (d) => d.outcome },
    { name: 'decisionDate', type: 'date', description: 'ISO date of the decision, YYYY-MM-DD', get: (d) => d.decisionDate },
    { name: 'year', type: 'number', description: 'year of the decision date', get: (d) => decisionYear(d) },
  ];
}

function urlColumn<Item>(): Column<Item> {
  return { name: 'url', type: 'text', description: 'the decision\'s canonical address (built from category, subcategory and ref when the page gave none)', get: (d) => canonicalUrl(d) };
}

// Optional decision columns any kind may ask for with --columns; not in the default order.
function extraDecisionColumns<Item>(): Column<Item>[] {
  return [
    { name: 'outcomeInferred', type: 'boolean', description: 'true when the outcome was read from the text, not a Decision line', get: (d) => d.outcomeInferred },
    { name: 'documentType', type: 'text', description: '"statement" or "report" (public-interest report)', get: (d) => d.documentType },
    { name: 'decisionMaker', type: 'text', description: 'who signed the decision ("Investigator")', get: (d) => d.decisionMaker },
    { name: 'summary', type: 'text', description: 'the Summary paragraph', get: (d) => d.summary },
    { name: 'decisionPaymentTotal', type: 'number', description: 'the decision\'s payment total', get: (d) => d.paymentTotal },
    { name: 'complianceDate', type: 'text', description: 'ISO date the Ombudsman was satisfied with the council\'s response (older pages)', get: (d) => d.complianceDate },
    { name: 'daysToCompliance', type: 'number', description: 'days from the decision date to the compliance date', get: (d) => daysBetween(d.decisionDate, d.complianceDate) },
  ];
}

const PAYMENT_DEFAULT: Column<Payment>[] = [
  ...leadColumns<Payment>(),
  { name: 'amount', type: 'number', description: 'the payment in pounds, a plain number (1000, 2750.5)', get: (_d, p) => p.amount },
  { name: 'currency', type: 'text', description: 'always GBP', get: (_d, p) => p.currency },
  { name: 'unitAmount', type: 'number', description: 'for a per-unit payment, the amount per unit (200)', get: (_d, p) => p.perUnit?.amount ?? null },
  { name: 'unitCount', type: 'number', description: 'for a per-unit payment, the number of units (5)', get: (_d, p) => p.perUnit?.count ?? null },
  { name: 'unit', type: 'text', description: 'for a per-unit payment, the unit ("child", "month")', get: (_d, p) => p.perUnit?.unit ?? null },
  { name: 'recipient', type: 'text', description: 'who is paid ("Mrs X"), when stated', get: (_d, p) => p.recipient },
  { name: 'purpose', type: 'text', description: 'what the payment is for, when stated', get: (_d, p) => p.purpose },
  { name: 'text', type: 'text', description: 'the sentence the payment was read from', get: (_d, p) => p.text },
  urlColumn<Payment>(),
  { name: 'status', type: 'text', description: '"agreed", "recommended" or "endorsed_offer"', get: (_d, p) => p.status },
  ...typedPaymentColumns(),
];

// Issue #14's typed payment columns, appended after the original defaults (their order is documented).
function typedPaymentColumns(): Column<Payment>[] {
  return [
    { name: 'purposeKinds', type: 'text', description: 'why, joined with "; ": distress, time_and_trouble, lost_provision, financial_loss, care_costs, lost_opportunity, other', get: (_d, p) => (p.purposeKinds ?? []).join('; ') },
    { name: 'recipientRole', type: 'text', description: 'to whom: complainant, child, family, representative, other; empty when no recipient is named', get: (_d, p) => p.recipientRole ?? null },
    { name: 'sourceSection', type: 'number', description: 'where the sentence stands: index of the section in the record (empty: the Summary)', get: (_d, p) => p.source?.section ?? null },
    { name: 'sourceParagraph', type: 'number', description: 'index of the paragraph in that section (0 for the Summary)', get: (_d, p) => p.source?.paragraph ?? null },
    { name: 'sourceStart', type: 'number', description: 'first character of the sentence in that paragraph', get: (_d, p) => p.source?.start ?? null },
    { name: 'sourceEnd', type: 'number', description: 'character after the sentence\'s last', get: (_d, p) => p.source?.end ?? null },
  ];
}

const PAYMENT_EXTRA: Column<Payment>[] = [
  { name: 'periodAmount', type: 'number', description: 'for an amount per period, the amount a period (200 in "£200 a month for 7 months")', get: (_d, p) => p.period?.amount ?? null },
  { name: 'periodUnit', type: 'text', description: 'for an amount per period, the period ("month")', get: (_d, p) => p.period?.unit ?? null },
  { name: 'periodCount', type: 'number', description: 'for an amount per period, how many (7); empty when not stated', get: (_d, p) => p.period?.count ?? null },
  ...extraDecisionColumns<Payment>(),
];

const REMEDY_DEFAULT: Column<Remedy>[] = [
  ...leadColumns<Remedy>(),
  { name: 'kind', type: 'text', description: 'the remedy kind (apology, payment, reassessment, ...)', get: (_d, r) => r.kind },
  { name: 'deadline', type: 'text', description: 'the deadline as written ("within four weeks of my final decision")', get: (_d, r) => r.deadline },
  { name: 'text', type: 'text', description: 'the sentence the remedy was read from', get: (_d, r) => r.text },
  urlColumn<Remedy>(),
];

const REMEDY_EXTRA: Column<Remedy>[] = [
  { name: 'source', type: 'text', description: 'where it was read: agreed_action, recommendation, final_decision, endorsed_offer, summary', get: (_d, r) => r.source },
  ...extraDecisionColumns<Remedy>(),
];

const DECISION_DEFAULT: Column<null>[] = [
  ...leadColumns<null>(),
  { name: 'paymentTotal', type: 'number', description: 'sum of the decision\'s payments; 0 when none', get: (d) => d.paymentTotal },
  { name: 'paymentCount', type: 'number', description: 'number of payments', get: (d) => d.paymentCount },
  { name: 'remedyKinds', type: 'text', description: 'distinct remedy kinds joined with "; "', get: (d) => d.remedyKinds },
  urlColumn<null>(),
];

const DECISION_EXTRA: Column<null>[] = extraDecisionColumns<null>().filter((c) => c.name !== 'decisionPaymentTotal');

/** A kind's columns: the default order first, then the optional ones. */
export interface ColumnSet<Item> {
  defaults: Column<Item>[];
  extras: Column<Item>[];
}

export const COLUMN_SETS: { payments: ColumnSet<Payment>; remedies: ColumnSet<Remedy>; decisions: ColumnSet<null> } = {
  payments: { defaults: PAYMENT_DEFAULT, extras: PAYMENT_EXTRA },
  remedies: { defaults: REMEDY_DEFAULT, extras: REMEDY_EXTRA },
  decisions: { defaults: DECISION_DEFAULT, extras: DECISION_EXTRA },
};

/**
 * Picks and orders columns from a `--columns` list ("ref,amount,url"); the default order when
 * the list is empty. Unknown names are a UsageError listing what exists.
 * @example selectColumns(COLUMN_SETS.payments, 'ref, amount') // [ref, amount]
 */
export function selectColumns<Item>(set: ColumnSet<Item>, spec: string | undefined): Column<Item>[] {
  if (!spec || !spec.trim()) return set.defaults;
  const all = [...set.defaults, ...set.extras];
  const byName = new Map(all.map((c) => [c.name.toLowerCase(), c]));
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  const chosen: Column<Item>[] = [];
  for (const name of names) {
    const col = byName.get(name.toLowerCase());
    if (!col) {
      throw new UsageError(`unknown column "${name}" in --columns`, {
        code: 'unknown-column',
        hint: `columns: ${all.map((c) => c.name).join(', ')}`,
      });
    }
    if (chosen.includes(col)) throw new UsageError(`column "${col.name}" is named twice in --columns`, { code: 'duplicate-column' });
    chosen.push(col);
  }
  return chosen;
}
