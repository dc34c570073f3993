/**
 * @file The words of one decision as FTS5's `unicode61 remove_diacritics 2` tokenizer sees them,
 * counted for the ranking index (store/score-index.ts): each term with its column-weighted
 * frequency, and the decision's length in tokens. bm25() needs exactly these two numbers, so they
 * must equal FTS5's own to the token.
 *
 * ASCII is tokenized here (letters and digits, lower-cased: what unicode61 does). Every other
 * character is looked up once through `CharClass`, which asks SQLite's own tokenizer (see
 * store/fts-chars.ts) whether it separates words or how it folds: Unicode data differ between
 * SQLite and V8 (unassigned code points are word characters to SQLite; combining accents are
 * split or kept case by case), so a guess from JavaScript's tables would miscount. The build
 * checks every decision's length against FTS5's own count (store/score-index.ts).
 */

/**
 * What a non-ASCII character is to the tokenizer: null when it separates words, otherwise the
 * text it folds to inside a word ('' when it is dropped, as a combining accent is).
 */
export type CharClass = (ch: string) => string | null;

export interface TermCounts {
  /** Distinct terms, in first-seen order. */
  terms: string[];
  /** Column-weighted frequency of each term: the sum, over its occurrences, of its column's weight. */
  freqs: number[];
  /** Tokens in all columns together (bm25's document length). */
  length: number;
}

const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Counts the terms of a decision's columns with their weights (FTS5 column order).
 * @example countTerms(['Delay', 'The council’s delay'], [8, 1], classify) // terms delay, the, council, s; delay 9
 */
export function countTerms(columns: readonly string[], weights: readonly number[], classify: CharClass): TermCounts {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (term: string, w: number): void => {
    length++;
    counts.set(term, (counts.get(term) ?? 0) + w);
  };
  columns.forEach((text, col) => {
    const w = weights[col] ?? 1;
    if (onlyAsciiWords(text, classify)) {
      // Every non-ASCII character separates words (quotes, dashes, £): split natively.
      for (const t of text.toLowerCase().split(NOT_ASCII_WORD)) if (t) add(t, w);
      return;
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128 && !isAsciiWordChar(c)) {
        i++;
        continue;
      }
      // A run of ASCII word characters and non-ASCII characters; the latter are resolved one by one.
      const start = i;
      let plain = true;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (!isAsciiWordChar(d)) break;
        } else plain = false;
        i++;
      }
      if (plain) add(text.slice(start, i).toLowerCase(), w);
      else mixedRun(text.slice(start, i), classify, (t) => add(t, w));
    }
  });
  return { terms: [...counts.keys()], freqs: [...counts.values()], length };
}

const NOT_ASCII_WORD = /[^a-z0-9]+/;
const NON_ASCII = /[^\x00-\x7f]/gu;

/**
 * Whether the text's words are all plain ASCII: each non-ASCII character in it separates words.
 * Then lower-casing the whole text cannot join or change a word (only letters change case, and no
 * non-ASCII letter passes this test), so a native split gives the tokenizer's words.
 */
function onlyAsciiWords(text: string, classify: CharClass): boolean {
  for (const m of text.matchAll(NON_ASCII)) if (classify(m[0]) !== null) return false;
  return true;
}

/** Splits a run holding non-ASCII characters into tokens, folding each character as SQLite does. */
function mixedRun(run: string, classify: CharClass, emit: (term: string) => void): void {
  // A token of nothing but dropped accents is no token to FTS5 either: only non-empty ones count.
  let token = '';
  for (const ch of run) {
    const folded = ch.charCodeAt(0) < 128 ? ch.toLowerCase() : classify(ch);
    if (folded !== null) token += folded;
    else if (token) {
      emit(token);
      token = '';
    }
  }
  if (token) emit(token);
}
