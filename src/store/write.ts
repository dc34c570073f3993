/**
 * @file Writing one decision record into the store's tables and full-text index, and removing it.
 * Statements are prepared once per database (a build writes tens of thousands of records).
 */
import { RECORD_JSON } from './parse-pool.js';
import type { DecisionRecord, Payment } from '../schema/record.js';
import type { Store } from './open.js';

/** The text the full-text index holds for one record, per FTS column. */
export interface FtsText {
  summary: string;
  headings: string;
  organisation: string;
  body: string;
}

/** What goes into each FTS column: headings apart from the body so they can weigh more. */
export function ftsText(record: DecisionRecord): FtsText {
  return {
    summary: record.summary ?? '',
    headings: record.sections.map((s) => s.heading).filter(Boolean).join('\n'),
    organisation: record.organisation ?? '',
    body: record.sections.map((s) => s.paragraphs.join('\n')).join('\n\n'),
  };
}

export interface RecordWriter {
  /** Inserts a record (replacing any decision with the same ref); returns its id. */
  put(record: DecisionRecord, sourcePath: string, contentHash: string): number;
  /** Removes the decision with this ref, if any. */
  remove(ref: string): void;
  /** Source path of the stored decision with this ref, or null. */
  sourceOf(ref: string): string | null;
}

/** What a writer tells its caller: the index text of each record put, and the ids it removes. */
export interface WriteHooks {
  onPut?(id: number, text: FtsText, record: DecisionRecord): void;
  onRemove?(id: number): void;
}

/** Prepares the write statements for one database. */
export function recordWriter(db: Store, hooks: WriteHooks = {}): RecordWriter {
  const insDecision = db.prepare(`INSERT INTO decisions (ref, organisation, category, subcategory, outcome, outcome_inferred,
    decision_date, url, document_type, payment_total, decision_maker, truncated, warning_count, source_path,
    content_hash) VALUES (@ref, @organisation, @category, @subcategory, @outcome, @outcomeInferred,
    @decisionDate, @url, @documentType, @paymentTotal, @decisionMaker, @truncated, @warningCount, @sourcePath,
    @contentHash)`);
  const setCompliance = db.prepare('UPDATE decisions SET compliance_date = ? WHERE id = ?');
  const insRecord = db.prepare('INSERT INTO records (decision_id, summary, record_json) VALUES (?, ?, ?)');
  const insRemedy = db.prepare('INSERT INTO remedies VALUES (?, ?, ?, ?, ?, ?)');
  const insPayment = db.prepare(`INSERT INTO payments VALUES (${Array(20).fill('?').join(', ')})`);
  const insAmount = db.prepare('INSERT INTO amounts VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insFts = db.prepare('INSERT INTO decisions_fts (rowid, summary, headings, organisation, body) VALUES (?, ?, ?, ?, ?)');
  const findByRef = db.prepare('SELECT id, source_path FROM decisions WHERE ref = ?');
  // Child rows are deleted explicitly: a read-write open sets foreign_keys, but a caller's may not.
  const delChildren = ['records', 'remedies', 'payments', 'amounts'].map((t) => db.prepare(`DELETE FROM ${t} WHERE decision_id = ?`));
  const delFts = db.prepare('DELETE FROM decisions_fts WHERE rowid = ?');
  const delDecision = db.prepare('DELETE FROM decisions WHERE id = ?');

  const removeId = (id: number | bigint): void => {
    for (const st of delChildren) st.run(id);
    delFts.run(id);
    delDecision.run(id);
    hooks.onRemove?.(Number(id));
  };

  return {
    put(record, sourcePath, contentHash) {
      const old = findByRef.get(record.ref) as { id: number } | undefined;
      if (old) removeId(old.id);
      const id = Number(
        insDecision.run({
          ref: record.ref,
          organisation: record.organisation ?? '',
          category: record.category,
          subcategory: record.subcategory,
          outcome: record.outcome,
          outcomeInferred: record.outcomeInferred ? 1 : 0,
          decisionDate: record.decisionDate,
          url: record.url,
          documentType: record.documentType,
          paymentTotal: record.paymentTotal,
          decisionMaker: record.decisionMaker,
          truncated: record.truncated ? 1 : 0,
          warningCount: record.warnings.length,
          sourcePath,
          contentHash,
        }).lastInsertRowid,
      );
      // Older pages only: a separate statement keeps the common insert as it is. Read defensively (stored JSON from older builds).
      const compliance = (record as { complianceDate?: string | null }).complianceDate;
      if (compliance) setCompliance.run(compliance, id);
      insRecord.run(id, record.summary, (record as { [RECORD_JSON]?: string })[RECORD_JSON] ?? JSON.stringify(record));
      record.remedies.forEach((r, i) => insRemedy.run(id, i, r.kind, r.text, r.deadline, r.source));
      record.payments.forEach((p, i) =>
        insPayment.run(id, i, p.amount, p.currency, p.recipient, p.purpose, p.status, p.text, p.perUnit?.amount ?? null, p.perUnit?.unit ?? null, p.perUnit?.count ?? null, ...typedPaymentCells(p)),
      );
      record.amounts.forEach((a, i) => insAmount.run(id, i, a.amount, a.role, a.raw, a.section, a.text));
      const t = ftsText(record);
      insFts.run(id, t.summary, t.headings, t.organisation, t.body);
      hooks.onPut?.(id, t, record);
      return id;
    },
    remove(ref) {
      const old = findByRef.get(ref) as { id: number } | undefined;
      if (old) removeId(old.id);
    },
    sourceOf(ref) {
      const row = findByRef.get(ref) as { source_path: string } | undefined;
      return row ? row.source_path : null;
    },
  };
}

/** The payments row's typed columns (#14), read defensively: a record stored before them has none. */
function typedPaymentCells(p: Partial<Pick<Payment, 'purposeKinds' | 'recipientRole' | 'period' | 'source'>>): Array<string | number | null> {
  const s = p.source ?? null;
  return [(p.purposeKinds ?? []).join(';'), p.recipientRole ?? null, p.period?.amount ?? null, p.period?.unit ?? null, p.period?.count ?? null, s?.section ?? null, s ? s.paragraph : null, s ? s.start : null, s ? s.end : null];
}
