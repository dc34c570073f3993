/**
 * @file "Similar decisions": other decisions about the same organisation or in the same category
 * that share the decision's rarest words. The rare words are read from the Summary (what the
 * decision is about) and weighed by the `terms` table's document counts; the candidates are
 * ranked by BM25 over those words with the search engine's field weights.
 */
import { FIELD_WEIGHTS } from '../search/rank.js';
import { tokenize } from '../search/query.js';
import type { DecisionRecord } from '../schema/record.js';
import type { Store } from '../store/open.js';

export interface SimilarDecision {
  ref: string;
  organisation: string | null;
  category: string | null;
  outcome: string | null;
  decisionDate: string | null;
  /** Why it is listed: "same organisation" or "same category". */
  reason: string;
  /** The shared rare words. */
  words: string[];
}

const RARE_WORDS = 8;

/** The decision's rarest words (in at least 2 decisions, fewer than half of them), rarest first. */
export function rareWords(db: Store, record: DecisionRecord, n = RARE_WORDS): string[] {
  const text = [record.summary ?? '', ...record.sections.slice(0, 2).flatMap((s) => s.paragraphs)].join(' ');
  const words = [...new Set(tokenize(text).filter((w) => w.length > 3 && !/^\d+$/.test(w)))].slice(0, 400);
  if (words.length === 0) return [];
  const total = db.prepare('SELECT count(*) FROM decisions').pluck().get() as number;
  const rows = db
    .prepare('SELECT term, docs FROM terms WHERE term IN (SELECT value FROM json_each(?)) AND docs >= 2 AND docs < ? ORDER BY docs, term LIMIT ?')
    .all(JSON.stringify(words), Math.max(3, total / 2), n) as { term: string; docs: number }[];
  return rows.map((r) => r.term);
}

/**
 * Up to `limit` decisions of the same organisation or category sharing rare words, best first.
 * @example similarDecisions(db, record, 5)[0].reason // "same organisation"
 */
export function similarDecisions(db: Store, record: DecisionRecord, limit = 5): SimilarDecision[] {
  const words = rareWords(db, record);
  if (words.length === 0 || (!record.organisation && !record.category)) return [];
  const match = words.map((w) => `"${w}"`).join(' OR ');
  const weights = FIELD_WEIGHTS.join(', ');
  const rows = db
    .prepare(
      `SELECT d.ref, d.organisation, d.category, d.outcome, d.decision_date AS decisionDate, d.id,
         (d.organisation = ?) AS sameOrg, -bm25(decisions_fts, ${weights}) AS score
       FROM decisions_fts f JOIN decisions d ON d.id = f.rowid
       WHERE decisions_fts MATCH ? AND d.ref != ? AND (d.organisation = ? OR d.category = ?)
       ORDER BY sameOrg DESC, score DESC LIMIT ?`,
    )
    .all(record.organisation, match, record.ref, record.organisation, record.category, limit) as (Omit<SimilarDecision, 'reason' | 'words'> & { id: number; sameOrg: number })[];
  const textOf = db.prepare('SELECT record_json FROM records WHERE decision_id = ?').pluck();
  return rows.map((r) => {
    const other = JSON.parse(textOf.get(r.id) as string) as DecisionRecord;
    const theirs = new Set(tokenize([other.summary ?? '', ...other.sections.flatMap((s) => s.paragraphs)].join(' ')));
    return {
      ref: r.ref,
      organisation: r.organisation,
      category: r.category,
      outcome: r.outcome,
      decisionDate: r.decisionDate,
      reason: r.sameOrg ? 'same organisation' : 'same category',
      words: words.filter((w) => theirs.has(w)),
    };
  });
}
