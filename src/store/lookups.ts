/**
 * @file Lookup tables derived from the decisions and kept by every build: `organisations` (names
 * and counts) and `terms` (the full-text index's vocabulary). They answer in microseconds what
 * the index answers in milliseconds: which words a prefix stands for (`assess*`), whether a word
 * is known ("did you mean"), and which organisation names a filter matches.
 */
import type { Store } from './open.js';
import type { FtsText } from './write.js';

/** Share of decisions changed since the last vocabulary scan that makes an update rescan it. */
const TERMS_STALE = 0.05;
/** Changed decisions whose words an update adds itself; past this it rescans the index instead. */
export const MAX_ADDED_TEXTS = 5000;

export interface LookupUpdate {
  full: boolean;
  /** Decisions added, updated or removed by this build. */
  changed: number;
  /** Index text of the decisions this update wrote, or null when it kept too many to list. */
  texts: FtsText[] | null;
}

/**
 * Brings `organisations` and `terms` up to date after the decision rows have been written.
 * Returns true when the vocabulary was rescanned from the index (the suggestion index then
 * rebuilds its vocabulary too).
 */
export function updateLookups(db: Store, u: LookupUpdate): boolean {
  db.exec('DELETE FROM organisations');
  db.exec("INSERT INTO organisations (name, decisions) SELECT organisation, count(*) FROM decisions WHERE organisation IS NOT NULL AND organisation <> '' GROUP BY organisation");

  const meta = (key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  const pending = Number(meta('terms_pending') ?? 0) + u.changed;
  const scanned = Number(meta('terms_scanned_at') ?? -1);
  const fresh = scanned >= 0 && pending < Math.max(1, scanned * TERMS_STALE);
  if (!u.full && fresh && u.texts) {
    addTerms(db, u.texts);
    put.run('terms_pending', String(pending));
    return false;
  }
  db.exec('DELETE FROM terms');
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, 'decisions_fts', 'row')");
  db.exec('INSERT INTO terms (term, docs) SELECT term, doc FROM temp.fts_vocab');
  put.run('terms_scanned_at', String(db.prepare('SELECT count(*) FROM decisions').pluck().get()));
  put.run('terms_pending', '0');
  return true;
}

/**
 * Adds the words of some index text to `terms`, tokenized by FTS5 itself (a temporary index with
 * the same tokenizer), so a prefix finds exactly the words the index holds.
 */
function addTerms(db: Store, texts: FtsText[]): void {
  if (texts.length === 0) return;
  db.exec("CREATE VIRTUAL TABLE temp.new_text USING fts5(body, content = '', tokenize = 'unicode61 remove_diacritics 2')");
  try {
    const ins = db.prepare('INSERT INTO temp.new_text (body) VALUES (?)');
    for (const t of texts) ins.run(`${t.summary}\n${t.headings}\n${t.organisation}\n${t.body}`);
    db.exec("CREATE VIRTUAL TABLE temp.new_vocab USING fts5vocab(temp, 'new_text', 'row')");
    db.exec('INSERT OR IGNORE INTO terms (term, docs) SELECT term, 0 FROM temp.new_vocab');
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.new_vocab');
    db.exec('DROP TABLE temp.new_text');
  }
}

/**
 * The indexed words starting with `prefix`, at most `max` + 1 of them (more means "too many").
 * @example wordsStartingWith(db, 'assess', 64) // ['assess', 'assessed', 'assessment', ...]
 */
export function wordsStartingWith(db: Store, prefix: string, max: number): string[] {
  // The upper bound: the prefix with its last character incremented ("assess" -> "assest").
  const upper = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  return db.prepare('SELECT term FROM terms WHERE term >= ? AND term < ? LIMIT ?').pluck().all(prefix, upper, max + 1) as string[];
}

/** True when the word is in the index's vocabulary (or was, before its decisions were removed). */
export function isKnownTerm(db: Store, word: string): boolean {
  return db.prepare('SELECT 1 FROM terms WHERE term = ?').get(word) !== undefined;
}
