/**
 * @file The corpus store's layout: one SQLite database holding every decision record, its
 * remedies, payments and amounts as rows analysts can query, the full record as JSON in `records` (so `lgo show`
 * and exports rebuild it exactly), and an FTS5 index over summary, headings, organisation and body.
 * Documented for analysts in docs/search.md; bump SCHEMA_VERSION on any change here.
 */

import { ANALYST_VIEWS_SQL } from './views.js';

/** Stored in `meta.schema_version`; a database with another value must be rebuilt. */
export const SCHEMA_VERSION = 6; // 2: records table, nullable organisation; 3: terms, organisations; 4: decisions.compliance_date, typed payments (#14), analyst views; 5: FTS table with its own content (SQLite 3.31+); 6: ranking index (score_postings, score_state)

/** FTS5 column order; bm25 weights in search/rank.ts follow it. */
export const FTS_COLUMNS = ['summary', 'headings', 'organisation', 'body'] as const;

/**
 * The DDL. `decisions_fts` is a plain FTS5 table that keeps its own copy of the indexed text, so
 * `snippet()` and `highlight()` work and a row is deleted or replaced by an ordinary DELETE in
 * any SQLite from 3.31 on (Debian's sqlite3, Python, DB Browser, Datasette). The contentless
 * table it replaced needed `contentless_delete` (3.43+); an external-content table over a view
 * of `record_json` cannot work, because FTS5 refuses views that use json_each (virtual tables)
 * when it scans. The copy costs about a third of the database's size. `sections` is a view
 * over the JSON so the section text is not stored a third time.
 */
export const SCHEMA_SQL = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per corpus file seen by the last build, decision or not, for incremental builds.
CREATE TABLE files (
  path     TEXT PRIMARY KEY,          -- relative to the corpus folder, '/' separators
  hash     TEXT NOT NULL,             -- sha1 of the page bytes and its sidecar
  size     INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  ref      TEXT,                      -- the decision read from it; NULL when skipped
  status   TEXT NOT NULL,             -- 'ok' | 'skipped' (not a decision or unreadable) | 'duplicate'
  message  TEXT                       -- why it was skipped
);

CREATE TABLE decisions (
  id               INTEGER PRIMARY KEY,
  ref              TEXT NOT NULL UNIQUE,   -- '19 020 817'
  organisation     TEXT,                   -- NULL when the page names none
  category         TEXT,
  subcategory      TEXT,
  outcome          TEXT,
  outcome_inferred INTEGER NOT NULL,       -- 0/1
  decision_date    TEXT,                   -- ISO YYYY-MM-DD
  url              TEXT,
  document_type    TEXT,                   -- 'statement' | 'report'
  payment_total    REAL NOT NULL,
  decision_maker   TEXT,
  truncated        INTEGER NOT NULL,       -- 0/1
  warning_count    INTEGER NOT NULL,
  source_path      TEXT NOT NULL,          -- corpus file it was read from
  content_hash     TEXT NOT NULL,
  compliance_date  TEXT                    -- ISO: "Ombudsman satisfied with council's response" (older pages)
);
CREATE INDEX decisions_date ON decisions(decision_date);
CREATE INDEX decisions_org ON decisions(organisation COLLATE NOCASE);
CREATE INDEX decisions_category ON decisions(category COLLATE NOCASE, subcategory COLLATE NOCASE);
CREATE INDEX decisions_outcome ON decisions(outcome COLLATE NOCASE);
CREATE INDEX decisions_payment ON decisions(payment_total);
CREATE INDEX decisions_source ON decisions(source_path);

-- The text, apart from the row above: keeping decisions' rows small keeps filtering and sorting
-- tens of thousands of search matches fast.
CREATE TABLE records (
  decision_id INTEGER PRIMARY KEY REFERENCES decisions(id) ON DELETE CASCADE,
  summary     TEXT,
  record_json TEXT NOT NULL            -- the whole DecisionRecord, as lgo parse prints it
);

CREATE TABLE remedies (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  deadline    TEXT,
  source      TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;
CREATE INDEX remedies_kind ON remedies(kind, decision_id);

CREATE TABLE payments (
  decision_id     INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  amount          REAL NOT NULL,
  currency        TEXT NOT NULL,
  recipient       TEXT,
  purpose         TEXT,
  status          TEXT NOT NULL,
  text            TEXT NOT NULL,
  per_unit_amount REAL,
  per_unit_unit   TEXT,
  per_unit_count  INTEGER,
  purpose_kinds   TEXT NOT NULL,     -- why, 'distress;time_and_trouble' (PURPOSE_KINDS, ';'-joined)
  recipient_role  TEXT,              -- complainant | child | family | representative | other; NULL: not named
  period_amount   REAL,              -- '£200 a month for 7 months': 200, 'month', 7 (count NULL: not stated)
  period_unit     TEXT,
  period_count    INTEGER,
  source_section  INTEGER,           -- where the sentence stands: index into sections (NULL: the summary),
  source_paragraph INTEGER,          -- paragraph index, and the character range [start, end) in it;
  source_start    INTEGER,           -- all four NULL when the sentence could not be located
  source_end      INTEGER,
  PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;

CREATE TABLE amounts (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  amount      REAL NOT NULL,
  role        TEXT NOT NULL,
  raw         TEXT NOT NULL,
  section     TEXT,
  text        TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;
CREATE INDEX amounts_role ON amounts(role, decision_id);

-- Every word of the full-text index, for prefix search (assess* -> assess, assessed, ...) and
-- "did you mean". Rescanned from the index by full builds; updates add the words they bring, and
-- keep words whose last decision went (a superset never misses a match).
CREATE TABLE terms (
  term TEXT PRIMARY KEY,
  docs INTEGER NOT NULL               -- decisions holding it at the last scan; 0 if first seen since
) WITHOUT ROWID;

-- The ranking index (store/score-state.ts): for each word, the decisions holding it and its
-- column-weighted count, from which search computes FTS5's bm25() for every match without
-- asking FTS5 for each one. In segments: an update adds one instead of rewriting common words.
CREATE TABLE score_postings (
  term TEXT NOT NULL,
  seg  INTEGER NOT NULL,
  docs INTEGER NOT NULL,               -- postings in data
  data BLOB NOT NULL,                  -- (id gap, weighted count) varint pairs, ids ascending
  PRIMARY KEY (term, seg)
);
-- seg_of / len_of: each decision's segment and length in tokens (arrays by id); generation:
-- changes with every write, absent when the index must not be used.
CREATE TABLE score_state (
  key   TEXT PRIMARY KEY,
  value
);

-- Organisation names and their decision counts, remade by every build.
CREATE TABLE organisations (
  name      TEXT PRIMARY KEY,
  decisions INTEGER NOT NULL
) WITHOUT ROWID;

${ANALYST_VIEWS_SQL}
CREATE VIEW sections AS
  SELECT d.decision_id,
         CAST(s.key AS INTEGER) AS position,
         json_extract(s.value, '$.heading') AS heading,
         json_extract(s.value, '$.kind') AS kind,
         (SELECT group_concat(p.value, char(10)) FROM json_each(s.value, '$.paragraphs') p) AS text
  FROM records d, json_each(d.record_json, '$.sections') s;

CREATE VIRTUAL TABLE decisions_fts USING fts5(
  summary, headings, organisation, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
