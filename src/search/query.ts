/**
 * @file The query language, compiled safely to an FTS5 MATCH expression. Words are ANDed;
 * `"exact phrase"`, `OR` between two items, `-word` / `-"phrase"` to exclude, `prefix*`.
 * Every user term is quoted before it reaches FTS5, so user text can never raise an FTS5 syntax
 * error: anything we cannot compile is a UsageError with a hint.
 */
import { UsageError } from '../errors.js';

/** One searchable item: a word, a phrase (several words) or a prefix. */
export interface QueryTerm {
  /** The words as the tokenizer will see them (lower case, letters and digits only). */
  words: string[];
  prefix: boolean;
  phrase: boolean;
}

export interface ParsedQuery {
  /** ANDed groups; each group is ORed terms. */
  all: QueryTerm[][];
  /** Terms that must not appear. */
  none: QueryTerm[];
}

export interface CompiledQuery {
  parsed: ParsedQuery;
  /** The FTS5 MATCH expression, or null for an empty query (filters only). */
  match: string | null;
  /** Every positive word, for snippets and suggestions. */
  words: string[];
  /** Positive prefixes (without `*`), for snippets. */
  prefixes: string[];
  /**
   * The positive part with phrases loosened to their words (null when that is `match` itself):
   * scoring it ranks like the query, without the cost of checking a phrase across the corpus.
   */
  rankMatch: string | null;
}

const QUERY_HINT = 'words are ANDed; use "exact phrase", a OR b, -exclude, prefix* (see `lgo search --help`)';

/** Lower-cases and splits text the way FTS5's unicode61 tokenizer does (letters and digits; diacritics folded). */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words left out of scoring (never out of matching): English function words. */
const STOPWORDS = new Set('a an and are as at be by for from has have he her his i in is it its of on or she that the their they this to was we were which with'.split(' '));

interface Token {
  kind: 'word' | 'phrase' | 'or';
  text: string;
  negated: boolean;
  prefix: boolean;
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const negated = ch === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!);
    if (negated) i++;
    if (query[i] === '"' || query[i] === '“' || query[i] === '”') {
      const end = query.slice(i + 1).search(/["“”]/);
      if (end < 0) throw new UsageError(`unclosed quote in query: ${query}`, { hint: 'close the phrase with a second "', code: 'bad-query' });
      const text = query.slice(i + 1, i + 1 + end);
      i += end + 2;
      const prefix = query[i] === '*';
      if (prefix) i++;
      tokens.push({ kind: 'phrase', text, negated, prefix });
      continue;
    }
    let j = i;
    while (j < query.length && !/\s/.test(query[j]!) && !/["“”]/.test(query[j]!)) j++;
    const raw = query.slice(i, j);
    i = j;
    if (raw === 'OR' && !negated) tokens.push({ kind: 'or', text: raw, negated: false, prefix: false });
    else tokens.push({ kind: 'word', text: raw.replace(/\*+$/, ''), negated, prefix: /\*$/.test(raw) });
  }
  return tokens;
}

/**
 * Parses a user query. Throws UsageError for an unclosed quote, a dangling OR, a query that only
 * excludes, or a prefix too short to be useful.
 * @example parseQuery('"child in need" assessment OR plan -school')
 */
export function parseQuery(query: string): ParsedQuery {
  const all: QueryTerm[][] = [];
  const none: QueryTerm[] = [];
  let pendingOr = false;
  for (const t of lex(query)) {
    if (t.kind === 'or') {
      if (all.length === 0 || pendingOr) throw new UsageError(`OR needs a word on each side in query: ${query}`, { hint: QUERY_HINT, code: 'bad-query' });
      pendingOr = true;
      continue;
    }
    const words = tokenize(t.text);
    if (words.length === 0) {
      // Punctuation alone ("&", "-", "*") carries nothing the index can find.
      if (t.prefix && !t.negated) throw new UsageError(`"${t.text}*" has no letters before the *`, { hint: 'write at least two letters before *, e.g. assess*', code: 'bad-query' });
      continue;
    }
    if (t.prefix && words[words.length - 1]!.length < 2) throw new UsageError(`prefix "${t.text}*" is too short`, { hint: 'write at least two letters before *, e.g. assess*', code: 'bad-query' });
    const term: QueryTerm = { words, prefix: t.prefix, phrase: t.kind === 'phrase' || words.length > 1 };
    if (t.negated) {
      if (pendingOr) throw new UsageError(`cannot OR an excluded word in query: ${query}`, { hint: QUERY_HINT, code: 'bad-query' });
      none.push(term);
    } else if (pendingOr) {
      all[all.length - 1]!.push(term);
      pendingOr = false;
    } else {
      all.push([term]);
    }
  }
  if (pendingOr) throw new UsageError(`OR needs a word on each side in query: ${query}`, { hint: QUERY_HINT, code: 'bad-query' });
  if (all.length === 0 && none.length > 0) throw new UsageError(`query only excludes words: ${query}`, { hint: 'add at least one word to search for, e.g. "housing -rent"', code: 'bad-query' });
  return { all, none };
}

/** One term as FTS5 syntax: always a quoted string, so no user text is read as an operator. */
function termSql(t: QueryTerm, expand?: PrefixExpander): string {
  if (t.prefix && t.words.length === 1 && expand) {
    // A word prefix as the words it stands for: FTS5 merges a prefix's lists in full, an OR stops early.
    const words = expand(t.words[0]!);
    if (words && words.length > 0) return words.length === 1 ? `"${words[0]}"` : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
  }
  return `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
}

/** The indexed words starting with a prefix, or null to leave the prefix to FTS5 (too many, or unknown). */
export type PrefixExpander = (prefix: string) => string[] | null;

/**
 * Compiles a user query to an FTS5 MATCH expression (null when the query is empty). `expand`
 * may turn a word prefix into the indexed words it stands for (the search engine reads them
 * from the index); the result matches the same decisions.
 * @example compileQuery('care OR nursing -fees').match // '("care" OR "nursing") NOT "fees"'
 */
export function compileQuery(query: string, expand?: PrefixExpander): CompiledQuery {
  const parsed = parseQuery(query);
  const sql = (t: QueryTerm) => termSql(t, expand);
  const groups = parsed.all.map((g) => (g.length === 1 ? sql(g[0]!) : `(${g.map(sql).join(' OR ')})`));
  let match: string | null = groups.length ? groups.join(' AND ') : null;
  if (match && parsed.none.length) match = `(${match})${parsed.none.map((t) => ` NOT ${sql(t)}`).join('')}`;
  const positive = parsed.all.flat();
  const loose = (t: QueryTerm): string => {
    if (t.prefix || t.words.length === 1) return sql(t);
    // Function words are in nearly every decision: bm25 gives them no weight but still pays to count them.
    const content = t.words.filter((w) => !STOPWORDS.has(w));
    return (content.length ? content : t.words).map((w) => `"${w}"`).join(' AND ');
  };
  const isStop = (g: QueryTerm[]) => g.every((t) => !t.prefix && t.words.every((w) => STOPWORDS.has(w)));
  const scoring = parsed.all.some((g) => !isStop(g)) ? parsed.all.filter((g) => !isStop(g)) : parsed.all;
  const alternative = (t: QueryTerm) => (t.words.length > 1 && !t.prefix ? `(${loose(t)})` : loose(t));
  const looseGroups = scoring.map((g) => (g.length === 1 ? loose(g[0]!) : `(${g.map(alternative).join(' OR ')})`));
  const rankMatch = looseGroups.length ? looseGroups.join(' AND ') : null;
  return {
    parsed,
    match,
    rankMatch: rankMatch === match ? null : rankMatch,
    words: [...new Set(positive.flatMap((t) => (t.prefix ? t.words.slice(0, -1) : t.words)))],
    prefixes: [...new Set(positive.filter((t) => t.prefix).map((t) => t.words[t.words.length - 1]!))],
  };
}

/** Restricts a compiled MATCH expression to some FTS columns, e.g. `{summary headings}`. */
export function restrictColumns(match: string, columns: readonly string[]): string {
  return `{${columns.join(' ')}} : (${match})`;
}
