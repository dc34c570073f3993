/**
 * @file Search results as a readable table, JSON, JSON Lines, or rows (CSV, TSV, XLSX, through the
 * export's formatters and column names). Snippet matches are bold on a terminal, `[...]` in plain
 * text and rows, and positions in JSON.
 */
import type { Writable } from 'node:stream';
import { attributionText } from '../export/attribution.js';
import type { Cell } from '../export/columns.js';
import type { OutputColumn } from '../export/formats.js';
import { canonicalUrl } from '../export/url.js';
import type { SearchHit, SearchResult } from '../search/engine.js';
import { markSnippet } from '../search/snippet.js';
import { write } from './io.js';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const DIM = ['\x1b[2m', '\x1b[22m'] as const;

/** Money as the decisions write it: £1,250 (pence only when there are any). */
export function pounds(n: number): string {
  // Not toLocaleString: loading Intl's number data costs ~30 ms of a search's start-up.
  const [whole, pence] = (Number.isInteger(n) ? String(n) : n.toFixed(2)).split('.');
  return `£${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${pence ? `.${pence}` : ''}`;
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
    url: canonicalUrl(h),
    score: h.score,
    snippet: h.snippet ? { field: h.snippet.field, text: h.snippet.text, marked: markSnippet(h.snippet, '[', ']'), highlights: h.snippet.highlights } : null,
  };
}

/** Columns of search results as rows (CSV, TSV, XLSX): the names export uses for the same fields. */
export const HIT_COLUMNS: OutputColumn[] = [
  { name: 'ref', type: 'text' },
  { name: 'organisation', type: 'text' },
  { name: 'decisionDate', type: 'date' },
  { name: 'outcome', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'subcategory', type: 'text' },
  { name: 'paymentTotal', type: 'number' },
  { name: 'url', type: 'text' },
  { name: 'score', type: 'number' },
  { name: 'snippet', type: 'text' },
];

/** One hit as cells in HIT_COLUMNS order; the snippet is plain text with `[...]` marks. */
export function hitCells(h: SearchHit): Cell[] {
  return [h.ref, h.organisation, h.decisionDate, h.outcome, h.category, h.subcategory, h.paymentTotal, canonicalUrl(h), h.score, plainSnippet(h, false)];
}

export interface SearchOutput {
  format: 'table' | 'csv' | 'tsv' | 'xlsx' | 'json' | 'jsonl';
  query: string;
  offset: number;
  limit: number;
  /** Absolute path of the -o file; absent: stdout. */
  output?: string | undefined;
  excel: boolean;
  /** Bold snippets (a terminal). */
  tty: boolean;
}

/** Writes a result in the chosen format to the -o file (atomically) or stdout. */
export async function writeSearchResult(result: SearchResult, o: SearchOutput, stdout: Writable): Promise<void> {
  const attribution = attributionText(new Date().toISOString().slice(0, 10));
  let text: string;
  if (o.format === 'json') text = `${JSON.stringify({ query: o.query, total: result.total, totalIsMinimum: result.totalIsMinimum, offset: o.offset, limit: o.limit, hits: result.hits.map(hitJson) }, null, 2)}\n`;
  else if (o.format === 'jsonl') text = result.hits.map((h) => `${JSON.stringify(hitJson(h))}\n`).join('');
  else if (o.format === 'table') text = formatTable(result, o.tty);
  else {
    const { emitRows } = await import('../export/emit.js'); // only row formats pay for loading the formatters
    await emitRows(result.hits.map(hitCells), { format: o.format, columns: HIT_COLUMNS, excel: o.excel, output: o.output, attribution }, stdout);
    return;
  }
  if (o.output) await (await import('../export/output.js')).writeFileAtomic(o.output, text);
  else await write(stdout, text);
}
