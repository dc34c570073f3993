/**
 * @file How SQLite's FTS5 tokenizer (`unicode61 remove_diacritics 2`, as in schema.ts) treats a
 * non-ASCII character, asked of SQLite itself: a private in-memory FTS5 table tokenizes
 * `q<char>q`, and the result says whether the character separates words (two tokens) or what it
 * folds to (one token, `q…q`). Each character is asked once per thread; a decision uses a few
 * dozen distinct ones (curly quotes, dashes, £, accented letters).
 */
import type { CharClass } from '../search/tokens.js';
import { openDatabase, type Database } from './sqlite.js';

let db: Database | null = null;
const known = new Map<string, string | null>();

/** The tokenizer clause of the full-text table; the ranking index must count words the same way. */
export const FTS_TOKENIZER = 'unicode61 remove_diacritics 2';

/** A CharClass answered by this thread's SQLite; cached. */
export const sqliteCharClass: CharClass = (ch) => {
  const hit = known.get(ch);
  if (hit !== undefined) return hit;
  if (!db) {
    db = openDatabase(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '${FTS_TOKENIZER}'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');`);
  }
  db.exec('DELETE FROM t');
  db.prepare('INSERT INTO t (rowid, x) VALUES (1, ?)').run(`q${ch}q`);
  const tokens = db.prepare('SELECT term FROM v ORDER BY offset').pluck().all() as string[];
  // One token `q…q`: a word character folded to the middle; otherwise it splits the word.
  const out = tokens.length === 1 && tokens[0]!.startsWith('q') && tokens[0]!.endsWith('q') ? tokens[0]!.slice(1, -1) : null;
  known.set(ch, out);
  return out;
};
