/**
 * @file The query language researchers know (CourtListener, Westlaw), parsed to a tree:
 * words (ANDed), `AND`, `OR`, `NOT`, `-word`, `"phrase"`, `prefix*`, parentheses, and fields
 * `organisation:`, `summary:` (parts of the text), `category:`, `outcome:`, `ref:` (values of the
 * decision, like the filters). Anything else that looks like search syntax (proximity `w/5`,
 * `NEAR/3`, `term~`, `assess!`, `*ment`, unknown fields) is a UsageError with a hint, never a
 * silent wrong answer. Pure: no database, no FTS5 syntax (query.ts compiles the tree).
 */
import { UsageError } from '../errors.js';

/** Parts of the full text a term may be restricted to (FTS5 columns). */
export type TextField = 'summary' | 'organisation';
/** Decision values a term may test (compiled to SQL, like the filters). */
export type ValueField = 'category' | 'outcome' | 'ref';

export type QueryNode =
  | { kind: 'term'; words: string[]; phrase: boolean; prefix: boolean; field: TextField | null }
  | { kind: 'value'; field: ValueField; value: string }
  | { kind: 'and'; items: QueryNode[]; not: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] };

export const QUERY_HINT = 'words are ANDed; use "exact phrase", a OR b, NOT word or -word, prefix*, (groups), and summary:, organisation:, category:, outcome:, ref: (see `lgo search --help`)';
const FIELDS: Record<string, TextField | ValueField> = {
  organisation: 'organisation', organization: 'organisation', summary: 'summary', category: 'category', outcome: 'outcome', ref: 'ref',
};

/** Lower-cases and splits text the way FTS5's unicode61 tokenizer does (letters and digits; diacritics folded). */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** English function words: ignored outside quotes when other words remain, never highlighted. */
export const STOPWORDS = new Set('a an and are as at be by for from has have he her his i in is it its of on or she that the their they this to was we were which with'.split(' '));

type Tok =
  | { t: 'word' | 'phrase'; text: string; prefix: boolean }
  | { t: 'field'; name: string }
  | { t: '(' | ')' | 'OR' | 'AND' | 'NOT' | '-' };

const bad = (message: string, hint = QUERY_HINT): never => {
  throw new UsageError(message, { hint, code: 'bad-query' });
};

const QUOTES = /["“”]/;
function lex(query: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (/\s/.test(ch)) i++;
    else if (ch === '(' || ch === ')') (out.push({ t: ch }), i++);
    else if (ch === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!)) (out.push({ t: '-' }), i++);
    else if (QUOTES.test(ch)) {
      const end = query.slice(i + 1).search(QUOTES);
      if (end < 0) bad(`unclosed quote in query: ${query}`, 'close the phrase with a second "');
      const text = query.slice(i + 1, i + 1 + end);
      i += end + 2;
      const prefix = query[i] === '*';
      if (prefix) i++;
      out.push({ t: 'phrase', text, prefix });
    } else {
      let j = i;
      while (j < query.length && !/[\s()]/.test(query[j]!) && !QUOTES.test(query[j]!)) j++;
      const raw = query.slice(i, j);
      i = j;
      const field = /^(\p{L}+):(.*)$/u.exec(raw);
      if (field) {
        const name = FIELDS[field[1]!.toLowerCase()];
        if (!name) bad(`unknown field "${field[1]}:" in query: ${query}`, `fields: organisation:, summary:, category:, outcome:, ref: (write "${raw}" in quotes to search for it as text)`);
        out.push({ t: 'field', name: name! });
        const inner = /^(\p{L}+):/u.exec(field[2]!);
        if (inner && FIELDS[inner[1]!.toLowerCase()]) bad(`a field inside a field is not supported: ${query}`);
        if (field[2]) out.push(wordToken(field[2], query));
      } else if (raw === 'OR' || raw === 'AND' || raw === 'NOT') out.push({ t: raw });
      else out.push(wordToken(raw, query));
    }
  }
  return out;
}

function wordToken(raw: string, query: string): Tok {
  if (/^(w|pre)?\/(\d+|s|p)$/i.test(raw) || /^NEAR(\/\d+)?$/.test(raw)) bad(`proximity search ("${raw}") is not supported: ${query}`, 'use an "exact phrase", or AND the words');
  if (/~\d*$/.test(raw) || /^\^/.test(raw)) bad(`fuzzy and boosted terms ("${raw}") are not supported: ${query}`, 'search for the word as it is spelt; prefix* covers word endings');
  if (/\p{L}!$/u.test(raw)) bad(`"${raw}": write a prefix with *, not !`, `e.g. ${raw.slice(0, -1)}*`);
  if (/[*?]./.test(raw) || /^\*/.test(raw)) bad(`"${raw}": only a * at the end of a word is supported`, 'e.g. assess* for assess, assessed, assessment');
  const prefix = raw.endsWith('*');
  return { t: 'word', text: prefix ? raw.replace(/\*+$/, '') : raw, prefix };
}

/**
 * Parses a user query to a tree (null when it holds nothing to search for, e.g. "" or "&").
 * Throws UsageError for unbalanced parentheses or quotes, a dangling OR/AND/NOT, a group that
 * only excludes, a prefix shorter than three letters, value fields inside OR or parentheses, and
 * unsupported syntax.
 * @example parseQuery('child NOT (protection OR "care order")')
 */
export function parseQuery(query: string): QueryNode | null {
  const toks = lex(query);
  let pos = 0;
  const peek = () => toks[pos];
  const ends = (t: Tok | undefined) => !t || t.t === ')';

  /** Items ANDed (space or AND), each maybe excluded (NOT, -). */
  function and(depth: number): QueryNode | null {
    const items: QueryNode[] = [];
    const not: QueryNode[] = [];
    while (!ends(peek())) {
      const t = peek()!;
      if (t.t === 'AND') {
        pos++;
        if (items.length + not.length === 0 || ends(peek()) || peek()!.t === 'OR' || peek()!.t === 'AND') bad(`AND needs something to search for on each side: ${query}`);
        continue;
      }
      if (t.t === 'OR') bad(`OR needs something to search for on each side: ${query}`);
      const negated = t.t === 'NOT' || t.t === '-';
      if (negated) {
        pos++;
        if (ends(peek()) || ['AND', 'OR'].includes(peek()!.t)) bad(`${t.t === 'NOT' ? 'NOT' : '-'} needs a word after it: ${query}`);
        if (peek()!.t === 'NOT' || peek()!.t === '-') bad(`a double negative is not supported: ${query}`);
      }
      const node = orChain(depth, negated);
      if (node) (negated ? not : items).push(node);
    }
    if (items.length === 0 && not.length > 0) {
      bad(depth === 0 ? `query only excludes words: ${query}` : `a group only excludes words: ${query}`, 'add a word to search for, e.g. "housing -rent" or "child NOT protection"');
    }
    if (items.length === 0) return null;
    return items.length === 1 && not.length === 0 ? items[0]! : { kind: 'and', items, not };
  }

  /** `a OR b OR c`: OR binds before AND, as in Westlaw (`care OR nursing home` = (care OR nursing) AND home). */
  function orChain(depth: number, negated: boolean): QueryNode | null {
    const items: QueryNode[] = [];
    const first = primary(depth, null);
    if (first) items.push(first);
    while (peek()?.t === 'OR') {
      pos++;
      if (ends(peek()) || ['AND', 'OR'].includes(peek()!.t)) bad(`OR needs something to search for on each side: ${query}`);
      if (peek()!.t === 'NOT' || peek()!.t === '-') bad(`cannot OR an excluded word: ${query}`, 'exclude a group instead: NOT (a OR b)');
      if (negated) bad(`NOT and - apply to one item: write NOT (a OR b): ${query}`);
      const next = primary(depth, null);
      if (next) items.push(next);
    }
    if (items.length > 1 && items.some((n) => n.kind === 'value')) bad(`category:, outcome: and ref: work like filters: use them outside OR: ${query}`);
    return items.length === 0 ? null : items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  function primary(depth: number, field: TextField | ValueField | null): QueryNode | null {
    const t = toks[pos++]!;
    if (t.t === '(') {
      if (field && !isText(field)) bad(`${field}: takes one value, not a group: ${query}`, `e.g. ${field}:"${field === 'ref' ? '19 020 817' : 'Housing'}"`);
      const inner = and(depth + 1);
      if (peek()?.t !== ')') bad(`unclosed parenthesis in query: ${query}`, 'close each ( with a )');
      pos++;
      return inner && field ? withField(inner, field as TextField, query) : inner;
    }
    if (t.t === ')') bad(`unmatched ) in query: ${query}`, 'open each ) with a (');
    if (t.t === 'field') {
      if (field) bad(`a field inside a field is not supported: ${query}`);
      if (!peek() || ['field', ')', 'OR', 'AND', 'NOT', '-'].includes(peek()!.t)) bad(`${t.name}: needs a value: ${query}`, `e.g. ${t.name}:housing or ${t.name}:"two words"`);
      if (!isText(t.name as TextField) && depth > 0) bad(`${t.name}: works like a filter: use it outside parentheses and OR: ${query}`, `e.g. "homelessness ${t.name}:..." or -${t.name}:...`);
      return primary(depth, t.name as TextField | ValueField);
    }
    if (t.t !== 'word' && t.t !== 'phrase') return bad(`unexpected ${t.t} in query: ${query}`);
    if (field && !isText(field)) {
      if (t.prefix) bad(`${field}: takes a whole value, not a prefix: ${query}`);
      if (!t.text.trim()) bad(`${field}: needs a value: ${query}`);
      return { kind: 'value', field, value: t.text.trim() };
    }
    const words = tokenize(t.text);
    if (words.length === 0) {
      if (t.prefix) bad(`"${t.text}*" has no letters before the *`, 'write at least three letters before *, e.g. assess*');
      return null;
    }
    // A shorter prefix stands for thousands of words: slow (co*: about half a second) and useless.
    if (t.prefix && words[words.length - 1]!.length < 3) bad(`prefix "${t.text}*" is too short`, 'write at least three letters before *, e.g. assess*');
    return { kind: 'term', words, phrase: t.t === 'phrase' || words.length > 1, prefix: t.prefix, field: (field as TextField | null) ?? null };
  }

  const tree = and(0);
  if (pos < toks.length) bad(toks[pos]!.t === ')' ? `unmatched ) in query: ${query}` : `cannot read the query: ${query}`);
  return tree;
}

const isText = (f: string): f is TextField => f === 'summary' || f === 'organisation';

function withField(n: QueryNode, field: TextField, query: string): QueryNode {
  if (n.kind === 'term') {
    if (n.field && n.field !== field) bad(`a field inside a field is not supported: ${query}`);
    return { ...n, field };
  }
  if (n.kind === 'value') return bad(`a field inside a field is not supported: ${query}`);
  if (n.kind === 'or') return { kind: 'or', items: n.items.map((x) => withField(x, field, query)) };
  return { kind: 'and', items: n.items.map((x) => withField(x, field, query)), not: n.not.map((x) => withField(x, field, query)) };
}
