/**
 * @file Which decisions an export or stats call covers, and the store queries that stream their
 * rows. The query and filters are compiled by search/ (the same compiler as `lgo search`), so
 * a filter means the same in all three commands; this module only adds the payment-amount bounds
 * and the per-kind SELECTs. Rows come from `.iterate()`: one at a time, constant memory.
 */
import type { Store } from '../store/open.js';
import { compileFilters, normaliseFilters, type FilterInput } from '../search/filters.js';
import { compileQuery, queryWhere } from '../search/query.js';
import type { Payment, Remedy } from '../schema/record.js';
import type { ExportDecision, ExportKind } from './columns.js';
import type { AmountBounds, RowSource } from './rows.js';
import type { StatsDecision } from '../stats/compute.js';

/** What to cover: a full-text query (search syntax), the search filters, and payment-amount bounds. */
export interface Selection {
  query?: string | undefined;
  filters: FilterInput;
  /** Bounds on single payments (not the decision's total, which is --min-payment/--max-payment). */
  amount?: AmountBounds;
  /** Only these decisions (ids), for a caller that has already worked out which (the web page). */
  ids?: ArrayLike<number>;
}

interface Where {
  sql: string;
  params: (string | number)[];
}

function hasBounds(b: AmountBounds | undefined): b is AmountBounds {
  return b !== undefined && (b.min !== undefined || b.max !== undefined);
}

// "p.amount >= ? AND p.amount <= ?" for the bounds that are set.
function boundsSql(alias: string, b: AmountBounds): Where {
  const parts: string[] = [];
  const params: number[] = [];
  if (b.min !== undefined) (parts.push(`${alias}.amount >= ?`), params.push(b.min));
  if (b.max !== undefined) (parts.push(`${alias}.amount <= ?`), params.push(b.max));
  return { sql: parts.join(' AND '), params };
}

/**
 * The WHERE clause over `decisions d` for a selection: search's compiled filters, the FTS5
 * MATCH when there is a query, and (with amount bounds) "has a payment in range".
 * Throws UsageError for a bad filter or query, as `lgo search` does.
 */
export function selectionWhere(sel: Selection): Where {
  const f = compileFilters(normaliseFilters(sel.filters));
  const parts = [f.sql];
  const params = [...f.params];
  if (sel.query?.trim()) {
    // The text match and the query's value fields (category:, outcome:, ref:), as search reads them.
    const q = queryWhere(compileQuery(sel.query));
    parts.push(q.sql);
    params.push(...q.params);
  }
  if (sel.ids) {
    parts.push('d.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(Array.from(sel.ids)));
  }
  if (hasBounds(sel.amount)) {
    const b = boundsSql('pb', sel.amount);
    parts.push(`EXISTS (SELECT 1 FROM payments pb WHERE pb.decision_id = d.id AND ${b.sql})`);
    params.push(...b.params);
  }
  return { sql: parts.join(' AND '), params };
}

// The summary lives in `records` (apart from the small decision rows): read only when asked for.
const decisionCols = (summary: boolean): string => `d.ref, d.organisation, d.category, d.subcategory, d.outcome, d.outcome_inferred,
  d.decision_date, d.url, d.document_type, d.decision_maker, d.payment_total, d.compliance_date,
  ${summary ? '(SELECT rec.summary FROM records rec WHERE rec.decision_id = d.id)' : 'NULL'} AS summary`;
// Stable, documented order: by decision date (unknown dates first), then reference.
const ORDER = 'd.decision_date, d.ref';

interface DecisionSqlRow {
  ref: string;
  organisation: string | null;
  category: string | null;
  subcategory: string | null;
  outcome: string | null;
  outcome_inferred: number;
  decision_date: string | null;
  url: string | null;
  document_type: 'statement' | 'report' | null;
  summary: string | null;
  decision_maker: string | null;
  payment_total: number;
  compliance_date: string | null;
  payment_count?: number;
  remedy_kinds?: string | null;
}

function toDecision(r: DecisionSqlRow): ExportDecision {
  return {
    ref: r.ref,
    organisation: r.organisation,
    category: r.category,
    subcategory: r.subcategory,
    outcome: r.outcome,
    outcomeInferred: r.outcome_inferred === 1,
    decisionDate: r.decision_date,
    url: r.url,
    documentType: r.document_type,
    summary: r.summary,
    decisionMaker: r.decision_maker,
    paymentTotal: r.payment_total,
    complianceDate: r.compliance_date,
    paymentCount: r.payment_count ?? 0,
    // In position order (the primary key's); made distinct here, twice as fast as GROUP BY in SQL.
    remedyKinds: r.remedy_kinds ? [...new Set(r.remedy_kinds.split(','))].join('; ') : '',
  };
}

interface PaymentSqlRow extends DecisionSqlRow {
  p_amount: number;
  p_currency: 'GBP';
  p_recipient: string | null;
  p_purpose: string | null;
  p_status: Payment['status'];
  p_text: string;
  p_unit_amount: number | null;
  p_unit: string | null;
  p_unit_count: number | null;
  p_purpose_kinds: string;
  p_recipient_role: Payment['recipientRole'];
  p_period_amount: number | null;
  p_period_unit: string | null;
  p_period_count: number | null;
  p_source_section: number | null;
  p_source_paragraph: number | null;
  p_source_start: number | null;
  p_source_end: number | null;
}

interface RemedySqlRow extends DecisionSqlRow {
  r_kind: Remedy['kind'];
  r_text: string;
  r_deadline: string | null;
  r_source: Remedy['source'];
}

/**
 * Streams the row sources of an export: one per payment (within the amount bounds), per
 * remedy, or per decision, ordered by decision date, reference and position. The summary is
 * read only with `opts.summary` (it is a column few exports ask for).
 * @example for (const [d, p] of exportSources(db, 'payments', { filters: { category: 'Housing' } })) ...
 */
export function exportSources(db: Store, kind: ExportKind, sel: Selection, opts: { summary?: boolean } = {}): Iterable<RowSource> {
  const DECISION_COLS = decisionCols(opts.summary ?? false);
  // Compiled and prepared now, so a bad filter fails before any output is started.
  const w = selectionWhere(sel);
  if (kind === 'payments') {
    const b = hasBounds(sel.amount) ? boundsSql('p', sel.amount) : null;
    const st = db.prepare(`SELECT ${DECISION_COLS}, p.amount AS p_amount, p.currency AS p_currency, p.recipient AS p_recipient,
        p.purpose AS p_purpose, p.status AS p_status, p.text AS p_text, p.per_unit_amount AS p_unit_amount,
        p.per_unit_unit AS p_unit, p.per_unit_count AS p_unit_count, p.purpose_kinds AS p_purpose_kinds,
        p.recipient_role AS p_recipient_role, p.period_amount AS p_period_amount, p.period_unit AS p_period_unit,
        p.period_count AS p_period_count, p.source_section AS p_source_section, p.source_paragraph AS p_source_paragraph,
        p.source_start AS p_source_start, p.source_end AS p_source_end
      FROM decisions d JOIN payments p ON p.decision_id = d.id
      WHERE ${w.sql}${b ? ` AND ${b.sql}` : ''} ORDER BY ${ORDER}, p.position`);
    return mapRows(() => st.iterate(...w.params, ...(b?.params ?? [])) as IterableIterator<PaymentSqlRow>, (r) => {
      const perUnit = r.p_unit_amount !== null && r.p_unit !== null && r.p_unit_count !== null ? { amount: r.p_unit_amount, unit: r.p_unit, count: r.p_unit_count } : null;
      const payment: Payment = { amount: r.p_amount, currency: r.p_currency, recipient: r.p_recipient, purpose: r.p_purpose, text: r.p_text, perUnit, status: r.p_status, ...typedPayment(r) };
      return [toDecision(r), payment];
    });
  }
  if (kind === 'remedies') {
    const st = db.prepare(`SELECT ${DECISION_COLS}, r.kind AS r_kind, r.text AS r_text, r.deadline AS r_deadline, r.source AS r_source
      FROM decisions d JOIN remedies r ON r.decision_id = d.id
      WHERE ${w.sql} ORDER BY ${ORDER}, r.position`);
    return mapRows(() => st.iterate(...w.params) as IterableIterator<RemedySqlRow>, (r) => {
      const remedy: Remedy = { kind: r.r_kind, text: r.r_text, deadline: r.r_deadline, source: r.r_source, sourceRange: null };
      return [toDecision(r), remedy];
    });
  }
  {
    const st = db.prepare(`SELECT ${DECISION_COLS},
        (SELECT count(*) FROM payments p WHERE p.decision_id = d.id) AS payment_count,
        (SELECT group_concat(r.kind, ',') FROM remedies r WHERE r.decision_id = d.id) AS remedy_kinds
      FROM decisions d WHERE ${w.sql} ORDER BY ${ORDER}`);
    return mapRows(() => st.iterate(...w.params) as IterableIterator<DecisionSqlRow>, (r) => [toDecision(r), null]);
  }
}

// Lazy map over a statement's rows: the query starts on the first row asked for, and closing
// the generator early (an output error, `| head`) closes the statement too.
function* mapRows<R, T>(start: () => IterableIterator<R>, f: (r: R) => T): Generator<T> {
  const rows = start();
  try {
    for (const r of rows) yield f(r);
  } finally {
    rows.return?.();
  }
}

interface StatsSqlRow {
  organisation: string | null;
  category: string | null;
  subcategory: string | null;
  outcome: string | null;
  decision_date: string | null;
  compliance_date: string | null;
  amounts: string | null;
  kinds: string | null;
}

/**
 * Streams what `lgo stats` folds: per decision its group fields, payment amounts (within the
 * amount bounds) and distinct remedy kinds.
 */
export function statsSources(db: Store, sel: Selection): Iterable<StatsDecision> {
  const w = selectionWhere(sel);
  const b = hasBounds(sel.amount) ? boundsSql('p', sel.amount) : null;
  const st = db.prepare(`SELECT d.organisation, d.category, d.subcategory, d.outcome, d.decision_date, d.compliance_date,
      (SELECT group_concat(p.amount || '|' || p.purpose_kinds || '|' || coalesce(p.recipient_role, ''), ',') FROM payments p WHERE p.decision_id = d.id${b ? ` AND ${b.sql}` : ''}) AS amounts,
      (SELECT group_concat(DISTINCT r.kind) FROM remedies r WHERE r.decision_id = d.id) AS kinds
    FROM decisions d WHERE ${w.sql}`);
  return mapRows(() => st.iterate(...(b?.params ?? []), ...w.params) as IterableIterator<StatsSqlRow>, (r) => ({
      organisation: r.organisation,
      category: r.category,
      subcategory: r.subcategory,
      outcome: r.outcome,
      decisionDate: r.decision_date,
      complianceDate: r.compliance_date,
      // "amount|kind;kind|role" per payment (#14: --by purpose, --by recipient).
      payments: r.amounts ? r.amounts.split(',').map((a) => {
        const [amount, kinds, role] = a.split('|');
        return { amount: Number(amount), purposeKinds: kinds ? kinds.split(';') : [], recipientRole: role || null };
      }) : [],
      remedies: r.kinds ? r.kinds.split(',').map((kind) => ({ kind })) : [],
  }));
}

/** A payment's typed columns (#14) back into the record's shape. */
function typedPayment(r: PaymentSqlRow): Pick<Payment, 'purposeKinds' | 'recipientRole' | 'period' | 'source'> {
  return {
    purposeKinds: (r.p_purpose_kinds ? r.p_purpose_kinds.split(';') : []) as Payment['purposeKinds'],
    recipientRole: r.p_recipient_role,
    period: r.p_period_amount !== null && r.p_period_unit !== null ? { amount: r.p_period_amount, unit: r.p_period_unit, count: r.p_period_count } : null,
    source: r.p_source_paragraph !== null && r.p_source_start !== null && r.p_source_end !== null ? { section: r.p_source_section, paragraph: r.p_source_paragraph, start: r.p_source_start, end: r.p_source_end } : null,
  };
}
