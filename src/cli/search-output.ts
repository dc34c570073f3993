/**
 * @file Search results as a readable table, JSON, JSON Lines or CSV. Snippet matches are bold on
 * a terminal, `[...]` in plain text and CSV, and positions in JSON.
 */
import { stringify } from 'csv-stringify/sync';
import type { SearchHit, SearchResult } from '../search/engine.js';
import { markSnippet } from '../search/snippet.js';

export const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const DIM = ['\x1b[2m', '\x1b[22m'] as const;

/** Money as the decisions write it: £1,250 (pence only when there are any). */
export function pounds(n: number): string {
  return `£${n.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

function plainSnippet(h: SearchHit, tty: boolean): string {
  if (!h.snippet) return '';
  return tty ? markSnippet(h.snippet, BOLD[0], BOLD[1]) : markSnippet(h.snippet, '[', ']');
}

/** The hits as one block of lines each: ref, organisation, date, outcome, payment; category; snippet. */
export function formatTable(result: SearchResult, tty: boolean): string {
  return result.hits
    .map((h) => {
      const head = [h.ref, h.organisation ?? 'organisation unknown', h.decisionDate ?? 'date unknown', h.outcome ?? 'outcome unknown', h.paymentTotal > 0 ? pounds(h.paymentTotal) : null].filter(Boolean).join('  ');
      const cat = [h.category, h.subcategory].filter(Boolean).join(' > ');
      const lines = [tty ? `${BOLD[0]}${head}${BOLD[1]}` : head];
      if (cat) lines.push(`  ${tty ? `${DIM[0]}${cat}${DIM[1]}` : cat}`);
      if (h.snippet) lines.push(`  ${h.snippet.field === 'summary' ? '' : `(${h.snippet.field}) `}${plainSnippet(h, tty)}`);
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

/** One JSON object per hit, snippets as fields (text, marked text, match positions). */
export function hitJson(h: SearchHit): Record<string, unknown> {
  return {
    ref: h.ref,
    organisation: h.organisation,
    decisionDate: h.decisionDate,
    outcome: h.outcome,
    category: h.category,
    subcategory: h.subcategory,
    paymentTotal: h.paymentTotal,
    url: h.url,
    score: h.score,
    snippet: h.snippet ? { field: h.snippet.field, text: h.snippet.text, marked: markSnippet(h.snippet, '[', ']'), highlights: h.snippet.highlights } : null,
  };
}

const CSV_COLUMNS = ['ref', 'organisation', 'decision_date', 'outcome', 'category', 'subcategory', 'payment_total', 'url', 'score', 'snippet'];

/** The hits as CSV with a header row; the snippet is plain text with `[...]` marks. */
export function formatCsv(result: SearchResult): string {
  const rows = result.hits.map((h) => [h.ref, h.organisation, h.decisionDate, h.outcome, h.category, h.subcategory, h.paymentTotal, h.url, h.score, plainSnippet(h, false)]);
  return stringify(rows, { header: true, columns: CSV_COLUMNS });
}
