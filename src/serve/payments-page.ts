/**
 * @file The payments and statistics page for the current search: its payment rows as a table
 * (the export's rows, `lgo export payments`), the stats charts (`lgo stats`'s figures drawn by
 * stats/chart.ts) and downloads of exactly that selection through the export code. Gathering is
 * separate from rendering: `gatherPayments` reads the store, `paymentsPage` is pure.
 */
import { attributionText } from '../export/attribution.js';
import type { ExportDecision } from '../export/columns.js';
import { exportSources, selectionWhere, type Selection } from '../export/select.js';
import type { Payment } from '../schema/record.js';
import { exactMatchIds } from '../search/engine.js';
import { noFilters, normaliseFilters } from '../search/filters.js';
import { compileQuery } from '../search/query.js';
import { barChartSvg, histogramSvg, type Bar } from '../stats/chart.js';
import { sortGroups } from '../stats/compute.js';
import { MEASURE_TITLES, pounds } from '../stats/present.js';
import { shortAttribution } from '../export/attribution.js';
import type { Store } from '../store/open.js';
import { filterTest } from './column-filters.js';
import { decisionColumns, type DecisionColumns } from './columns.js';
import { firstPaymentDecisions, paymentCount, paymentGroups, selectionHistogram, type ChartKey } from './payment-stats.js';
import { downloadFormats, formatLabel } from './download.js';
import { decisionHref, html, longDate, money, page, raw, sync, whole, type Html } from './layout.js';
import { stateQuery, type SearchState } from './params.js';
import { chosenChips, searchForm } from './search-page.js';

/** Payment rows shown on the page; the downloads hold them all. */
export const TABLE_ROWS = 200;
/** Bars per grouped chart. */
const TOP_GROUPS = 15;

export interface PaymentsView {
  state: SearchState;
  rows: [ExportDecision, Payment][];
  /** Every payment row of the selection (the table shows the first TABLE_ROWS). */
  paymentCount: number;
  decisions: number;
  /** The SVG charts, already escaped by stats/chart.ts. */
  charts: { title: string; svg: string }[];
}

/**
 * Reads the payment rows and figures of a selection: which decisions it holds (the search's own
 * match set: `exactMatchIds`, or the export's SQL selection), their figures from the per-process
 * columns (payment-stats.ts), and the first TABLE_ROWS rows of `lgo export payments` over it,
 * read through the export code for just the decisions that hold them. Measured in docs/serve.md.
 */
export function gatherPayments(db: Store, state: SearchState, selection: PageSelection): PaymentsView {
  const cols = decisionColumns(db);
  const ids = selectedIds(db, cols, selection);
  const rows: [ExportDecision, Payment][] = [];
  const first = firstPaymentDecisions(cols, ids, TABLE_ROWS);
  if (first.length > 0) {
    for (const [d, p] of exportSources(db, 'payments', { filters: {}, ids: first })) {
      rows.push([d, p as Payment]);
      if (rows.length >= TABLE_ROWS) break;
    }
  }
  return { state, rows, paymentCount: paymentCount(cols, ids), decisions: ids.length, charts: charts(cols, ids) };
}

/** What the page covers: a search's query and filters (no bounds on single payments: the figures count every payment). */
export type PageSelection = Pick<Selection, 'query' | 'filters'>;

/** The decisions a selection covers, ascending. */
function selectedIds(db: Store, cols: DecisionColumns, selection: PageSelection): ArrayLike<number> {
  const filters = normaliseFilters(selection.filters);
  const query = compileQuery(selection.query ?? '');
  if (!query.match && query.where.sql === '1' && noFilters(filters)) return cols.ids;
  const exact = exactMatchIds(db, query, filters, filterTest(cols, filters) ?? undefined);
  if (exact) return exact;
  const w = selectionWhere(selection);
  return db.prepare(`SELECT d.id FROM decisions d WHERE ${w.sql} ORDER BY d.id`).pluck().all(...w.params) as number[];
}

function groupChart(cols: DecisionColumns, ids: ArrayLike<number>, by: ChartKey, byKey: boolean): { title: string; svg: string } {
  const all = paymentGroups(cols, ids, by);
  const groups = sortGroups(all, byKey ? 'key' : 'paymentsTotal').slice(0, TOP_GROUPS);
  const bars: Bar[] = groups.map((g) => ({ label: g.key.join(' · '), value: g.paymentsTotal, shown: `${pounds(g.paymentsTotal)} (${g.paymentCount})` }));
  const n = all.length;
  const title = `${MEASURE_TITLES.paymentsTotal} by ${by}`;
  const subtitle = `${groups.length < n ? `the ${groups.length} largest of ${n} groups` : `${n} group${n === 1 ? '' : 's'}`}, ${whole(ids.length)} decisions; (number of payments)`;
  return { title, svg: barChartSvg({ title, subtitle, bars, axis: 'pounds', source: shortAttribution() }) };
}

function charts(cols: DecisionColumns, ids: ArrayLike<number>): { title: string; svg: string }[] {
  const bands = selectionHistogram(cols, ids);
  const histogram = histogramSvg({
    title: 'Payments by amount',
    subtitle: 'number of payments in each band',
    bars: bands.map((b) => ({ label: b.short, value: b.payments, shown: String(b.payments) })),
    source: shortAttribution(),
  });
  return [groupChart(cols, ids, 'organisation', false), groupChart(cols, ids, 'category', false), groupChart(cols, ids, 'year', true), { title: 'Payments by amount', svg: histogram }];
}

function downloads(state: SearchState): Html {
  const q = stateQuery(state, { page: undefined, sort: undefined });
  const links = (['payments', 'remedies', 'decisions'] as const).map((kind) =>
    sync(html`<p class="downloads"><span>${kind[0]!.toUpperCase()}${kind.slice(1)}:</span>${downloadFormats().map((f) => sync(html`<a href="/download/${kind}.${f}${q}" download>${formatLabel(f)}</a>`))}</p>`),
  );
  return sync(html`<section aria-labelledby="dl-h"><h2 id="dl-h">Download this selection</h2>${links}
<p class="hint">${attributionText(new Date().toISOString().slice(0, 10))}</p></section>`);
}

function table(view: PaymentsView): Html {
  if (view.rows.length === 0) return sync(html`<p>No payments in these decisions.</p>`);
  const rows = view.rows.map(([d, p]) => sync(html`<tr><td class="ref"><a href="${decisionHref(d.ref)}">${d.ref}</a></td><td>${d.organisation ?? '—'}</td><td>${longDate(d.decisionDate)}</td>
<td class="num">${money(p.amount)}</td><td>${p.recipient ?? '—'}</td><td>${p.purpose ?? '—'}</td></tr>`));
  const more = view.paymentCount > view.rows.length ? sync(html`<p class="hint">The first ${view.rows.length} of ${whole(view.paymentCount)} payments; the downloads hold them all.</p>`) : '';
  return sync(html`<div class="table-wrap"><table><thead><tr><th scope="col">Ref</th><th scope="col">Organisation</th><th scope="col">Decision date</th><th class="num" scope="col">Amount</th><th scope="col">To</th><th scope="col">For</th></tr></thead>
<tbody>${rows}</tbody></table></div>${more}`);
}

/** The whole payments and statistics page. */
export function paymentsPage(view: PaymentsView): string {
  const q = stateQuery(view.state);
  const body = sync(html`<h1>Payments and statistics${view.state.q ? ` for “${view.state.q}”` : ''}</h1>
${searchForm(view.state, '/payments')}
${chosenChips(view.state, '/payments')}
<p role="status">${whole(view.decisions)} decisions, ${whole(view.paymentCount)} payments. <a href="/${q}">Back to the decisions</a></p>
${downloads(view.state)}
<h2>Charts</h2>
<div class="charts">${view.charts.map((c) => sync(html`<figure><figcaption class="visually-hidden">${c.title}</figcaption>${raw(c.svg.replace(/^<svg /, '<svg role="img" aria-label="' + c.title.replace(/[&<>"']/g, '') + '" '))}</figure>`))}</div>
<h2>Payments</h2>
${table(view)}`);
  return page({ title: 'Payments and statistics', nav: 'payments', stateQuery: q, body });
}
