/**
 * @file Views for analysts: one row per payment, remedy or decision with the decision's fields
 * beside it, so a spreadsheet user or a SQL newcomer needs no joins (`SELECT * FROM payment_rows`).
 * Plain SQL only (no functions of lgo's, no JSON), so they work in any SQLite from 3.31 on:
 * Debian's sqlite3, Python, R, DB Browser, Datasette. Documented in docs/search.md.
 */

const SITE = 'https://www.lgo.org.uk/decisions/';

/**
 * SQL for a category name's URL slug, as export/url.ts's `slug` makes it: lower case, the
 * punctuation category names use turned into hyphens, runs of hyphens made one, none at the ends.
 */
export function slugSql(col: string): string {
  let s = `lower(${col})`;
  for (const ch of [' ', "''", '’', ',', '&', '(', ')', '/', '.', ':', ';', '+']) s = `replace(${s}, '${ch}', '-')`;
  for (let i = 0; i < 3; i++) s = `replace(${s}, '--', '-')`;
  return `trim(${s}, '-')`;
}

/** The decision's url, else built from category, subcategory and ref (as export/url.ts's canonicalUrl). */
const URL_SQL = `coalesce(d.url, CASE WHEN d.category IS NOT NULL AND d.subcategory IS NOT NULL
    THEN '${SITE}' || ${slugSql('d.category')} || '/' || ${slugSql('d.subcategory')} || '/' || replace(lower(d.ref), ' ', '-') END)`;

const LEAD = `d.ref, d.organisation, d.category, d.subcategory, d.outcome, d.decision_date,
    CAST(substr(d.decision_date, 1, 4) AS INTEGER) AS year`;

export const ANALYST_VIEWS_SQL = `
-- For analysts: no joins needed. One row per payment, remedy or decision, newest last.
CREATE VIEW payment_rows AS
  SELECT ${LEAD},
    p.amount, p.recipient, p.purpose, p.status, ${URL_SQL} AS url, p.text AS source_sentence,
    p.currency, p.per_unit_amount, p.per_unit_count, p.per_unit_unit, p.position, d.id AS decision_id
  FROM payments p JOIN decisions d ON d.id = p.decision_id;

CREATE VIEW remedy_rows AS
  SELECT ${LEAD},
    r.kind, r.deadline, r.source, ${URL_SQL} AS url, r.text AS source_sentence, r.position, d.id AS decision_id
  FROM remedies r JOIN decisions d ON d.id = r.decision_id;

CREATE VIEW decision_rows AS
  SELECT ${LEAD},
    d.payment_total,
    (SELECT count(*) FROM payments p WHERE p.decision_id = d.id) AS payment_count,
    (SELECT group_concat(kind, ', ') FROM (SELECT DISTINCT r.kind FROM remedies r WHERE r.decision_id = d.id)) AS remedy_kinds,
    d.document_type, d.decision_maker, ${URL_SQL} AS url,
    (SELECT rec.summary FROM records rec WHERE rec.decision_id = d.id) AS summary, d.id AS decision_id
  FROM decisions d;
`;
