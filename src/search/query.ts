/**
 * @file The query language compiled safely: the tree from query-parse.ts becomes an FTS5 MATCH
 * expression for the text (every user term quoted, so user text can never raise an FTS5
 * syntax error) and an SQL condition over `decisions d` for the value fields (`category:`,
 * `outcome:`, `ref:`), which work like filters and never change scores. A reference typed as
 * the whole query (`23 004 560`, `23-004-560`, `23004560`) is recognised so that its decision
 * comes first.
 */
import { UsageError } from '../errors.js';
import { parseQuery, STOPWORDS, type QueryNode } from './query-parse.js';

export { parseQuery, tokenize, STOPWORDS, type QueryNode } from './query-parse.js';

export interface CompiledQuery {
  /** The parsed query, stop words dropped (null when there is nothing to search for). */
  tree: QueryNode | null;
  /** The FTS5 MATCH expression, or null when the query has no text to match (filters or value fields only). */
  match: string | null;
  /** SQL over `decisions d` for value fields and for exclusions FTS5 cannot express alone; `1` when none. */
  where: { sql: string; params: (string | number)[] };
  /** A decision reference typed as the whole query ("23 004 560"), normalised; its decision ranks first. */
  ref: string | null;
  /** Positive words (not stop words), phrases' words included, for suggestions. */
  words: string[];
  /** Positive words searched on their own (not inside a phrase), to mark in snippets. */
  markWords: string[];
  /** Positive phrases (two or more words), for snippets. */
  phrases: string[][];
  /** Positive prefixes (without `*`), for snippets. */
  prefixes: string[];
}

const REF = /^\s*(?:ref:)?\s*(\d{2})[\s-]?(\d{3})[\s-]?(\d{3})\s*$/i;

/** "23-004-560", "23004560", "23 004 560" -> "23 004 560"; null when it is not a reference. */
export function normaliseRef(text: string): string | null {
  const m = REF.exec(text);
  return m ? `${m[1]} ${m[2]} ${m[3]}` : null;
}

/** Drops unquoted function words from AND groups that keep another item (`child in need` -> child, need). */
function dropStopwords(n: QueryNode): QueryNode {
  if (n.kind === 'or') return { kind: 'or', items: n.items.map(dropStopwords) };
  if (n.kind !== 'and') return n;
  const isStop = (x: QueryNode) => x.kind === 'term' && !x.phrase && !x.prefix && STOPWORDS.has(x.words[0]!);
  const kept = n.items.some((x) => !isStop(x)) ? n.items.filter((x) => !isStop(x)) : n.items;
  const items = kept.map(dropStopwords);
  return items.length === 1 && n.not.length === 0 ? items[0]! : { kind: 'and', items, not: n.not.map(dropStopwords) };
}

/** One term as FTS5 syntax: always quoted, so no user text is read as an operator. */
export function termSql(n: Extract<QueryNode, { kind: 'term' }>): string {
  // A prefix stays one FTS5 phrase, so it is scored as one term (every word it stands for counts).
  const s = `"${n.words.join(' ')}"${n.prefix ? '*' : ''}`;
  return n.field ? `{${n.field}} : ${s}` : s;
}

/** The FTS5 expression of a node; null for value fields (and groups of nothing else). */
function ftsSql(n: QueryNode): string | null {
  if (n.kind === 'term') return termSql(n);
  if (n.kind === 'value') return null;
  if (n.kind === 'or') return `(${n.items.map((x) => ftsSql(x)!).join(' OR ')})`;
  const pos = n.items.map((x) => ftsSql(x)).filter((x): x is string => x !== null);
  if (pos.length === 0) return null;
  let s = pos.length === 1 ? pos[0]! : `(${pos.join(' AND ')})`;
  for (const x of n.not) {
    const neg = ftsSql(x);
    if (neg) s = `(${s} NOT ${neg})`;
  }
  return s;
}

function valueSql(n: Extract<QueryNode, { kind: 'value' }>): { sql: string; params: string[] } {
  const norm = (col: string) => `replace(coalesce(d.${col}, ''), '’', '''') = ? COLLATE NOCASE`;
  const v = n.value.replace(/[’‘]/g, "'");
  if (n.field === 'category') return { sql: `(${norm('category')} OR ${norm('subcategory')})`, params: [v, v] };
  if (n.field === 'outcome') return { sql: norm('outcome'), params: [v] };
  const ref = normaliseRef(v);
  if (!ref) throw new UsageError(`ref:${n.value} is not a decision reference`, { hint: 'write it as 19 020 817, 19-020-817 or 19020817', code: 'bad-query' });
  return { sql: 'd.ref = ?', params: [ref] };
}

/** Positive terms: those not under an exclusion, for snippets. */
function positiveTerms(n: QueryNode | null): Extract<QueryNode, { kind: 'term' }>[] {
  if (!n || n.kind === 'value') return [];
  if (n.kind === 'term') return [n];
  return n.items.flatMap(positiveTerms);
}

/**
 * Compiles a user query to FTS5 and SQL.
 * @example compileQuery('care OR nursing -fees').match // '(("care" OR "nursing") NOT "fees")'
 */
export function compileQuery(query: string): CompiledQuery {
  const ref = normaliseRef(query);
  const parsed = parseQuery(ref ? `"${ref}"` : query);
  const tree = parsed && dropStopwords(parsed);
  const where: string[] = [];
  const params: (string | number)[] = [];
  let match: string | null = null;
  if (tree) {
    // Value fields are ANDed at the top (the parser refuses them anywhere else).
    const top = tree.kind === 'and' ? tree : { kind: 'and' as const, items: [tree], not: [] };
    for (const [list, negated] of [[top.items, false], [top.not, true]] as const) {
      for (const n of list) {
        if (n.kind !== 'value') continue;
        const v = valueSql(n);
        where.push(negated ? `NOT coalesce(${v.sql}, 0)` : v.sql);
        params.push(...v.params);
      }
    }
    match = ftsSql(tree);
    if (!match) {
      // No text to search for, only value fields: exclusions become "not among the matches".
      for (const n of top.not) {
        const neg = ftsSql(n);
        if (!neg) continue;
        where.push('d.id NOT IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)');
        params.push(neg);
      }
    }
  }
  const terms = positiveTerms(tree);
  return {
    tree,
    match,
    where: { sql: where.length ? where.join(' AND ') : '1', params },
    ref,
    words: [...new Set(terms.flatMap((t) => (t.prefix ? t.words.slice(0, -1) : t.words)).filter((w) => !STOPWORDS.has(w)))],
    markWords: [...new Set(terms.filter((t) => !t.phrase).flatMap((t) => (t.prefix ? [] : t.words)).filter((w) => !STOPWORDS.has(w)))],
    phrases: terms.filter((t) => t.phrase && t.words.length > 1).map((t) => t.words),
    prefixes: [...new Set(terms.filter((t) => t.prefix).map((t) => t.words[t.words.length - 1]!))],
  };
}

/**
 * The whole query as SQL over `decisions d` (text match, value fields), for callers that select
 * decisions without ranking them (export, stats).
 */
export function queryWhere(q: CompiledQuery): { sql: string; params: (string | number)[] } {
  const parts = [q.where.sql];
  const params = [...q.where.params];
  if (q.match) {
    parts.push(q.ref ? '(d.ref = ? OR d.id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?))' : 'd.id IN (SELECT rowid FROM decisions_fts WHERE decisions_fts MATCH ?)');
    if (q.ref) params.push(q.ref);
    params.push(q.match);
  }
  return { sql: parts.join(' AND '), params };
}

/** Restricts a compiled MATCH expression to some FTS columns, e.g. `{summary headings}`. */
export function restrictColumns(match: string, columns: readonly string[]): string {
  return `{${columns.join(' ')}} : (${match})`;
}
