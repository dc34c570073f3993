/**
 * @file Narrowing and ordering a list of matched decision ids (from exact.ts) with SQL over
 * `decisions d`: the filters and value fields keep some of them, and date or payment order
 * pages through them. Both choose between two plans by size, and both plans give the same answer.
 */
import type { Store } from '../store/open.js';
import type { Scored } from './exact.js';
import type { WhereClause } from './filters.js';

/** Matches up to which the filters are tested on the matches themselves rather than listed. */
const TEST_EACH = 2000;

/** The matches the condition keeps (and not `skip`, the reference shown first). */
export function keepWhere(db: Store, s: Scored, where: WhereClause, skip: number | undefined): Scored {
  if (where.sql === '1' && skip === undefined) return s;
  let keep: (id: number) => boolean = () => true;
  if (where.sql !== '1') {
    if (s.ids.length <= TEST_EACH) {
      const kept = new Set(db.prepare(`SELECT d.id FROM decisions d WHERE d.id IN (SELECT value FROM json_each(?)) AND ${where.sql}`).pluck().all(JSON.stringify(Array.from(s.ids)), ...where.params) as number[]);
      keep = (id) => kept.has(id);
    } else {
      const max = s.ids.length > 0 ? s.ids[s.ids.length - 1]! : 0;
      const bitmap = new Uint8Array(max + 1);
      for (const id of db.prepare(`SELECT d.id FROM decisions d WHERE ${where.sql}`).pluck().iterate(...where.params) as IterableIterator<number>) if (id <= max) bitmap[id] = 1;
      keep = (id) => bitmap[id] === 1;
    }
  }
  return keepTest(s, (id) => id !== skip && keep(id));
}

/** The matches `test` keeps. */
export function keepTest(s: Scored, test: (id: number) => boolean): Scored {
  const ids = new Int32Array(s.ids.length);
  const scores = new Float64Array(s.ids.length);
  let k = 0;
  for (let i = 0; i < s.ids.length; i++) {
    if (!test(s.ids[i]!)) continue;
    ids[k] = s.ids[i]!;
    scores[k++] = s.scores[i]!;
  }
  return { ids: ids.subarray(0, k), scores: scores.subarray(0, k) };
}

/** Rows an index walk may read before listing the matches is cheaper. */
const MAX_WALK = 5000;

/** Index order of each sort (an index ends in the row id; NULL dates sort last). */
export const ORDER = {
  date: { index: 'decisions_date', by: 'd.decision_date DESC, d.id DESC' },
  payment: { index: 'decisions_payment', by: 'd.payment_total DESC, d.id DESC' },
} as const;

/**
 * One page of `ids` in date or payment order. Dense matches: walk the order's index and keep
 * matched rows (about limit × decisions / matches rows read). Sparse ones: order the list itself.
 */
export function orderedPage(db: Store, sort: keyof typeof ORDER, ids: Int32Array, limit: number, offset: number): number[] {
  if (ids.length === 0 || offset >= ids.length) return [];
  const decisions = (db.prepare('SELECT max(id) FROM decisions').pluck().get() as number | null) ?? 0;
  const { index, by } = ORDER[sort];
  if (((offset + limit) * decisions) / ids.length > MAX_WALK) {
    return db.prepare(`SELECT d.id FROM decisions d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY ${by} LIMIT ? OFFSET ?`).pluck().all(JSON.stringify(Array.from(ids)), limit, offset) as number[];
  }
  const member = new Uint8Array(ids[ids.length - 1]! + 1);
  for (const id of ids) member[id] = 1;
  const out: number[] = [];
  let seen = 0;
  for (const id of db.prepare(`SELECT d.id FROM decisions d INDEXED BY ${index} ORDER BY ${by}`).pluck().iterate() as IterableIterator<number>) {
    if (id >= member.length || member[id] !== 1) continue;
    if (seen++ < offset) continue;
    out.push(id);
    if (out.length === limit) break;
  }
  return out;
}
