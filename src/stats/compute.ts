/**
 * @file `lgo stats` arithmetic: decisions grouped by organisation, category, subcategory, year
 * or outcome, with uphold share and payment figures; or a histogram of payment amounts. Pure:
 * it folds an iterable of decisions (streamed from the store) into per-group accumulators that
 * keep counts plus the payment amounts (needed for median and percentile).
 */
import { UsageError } from '../errors.js';
import type { DecisionRecord } from '../schema/record.js';
import { daysBetween } from '../export/columns.js';

export const GROUP_KEYS = ['organisation', 'category', 'subcategory', 'year', 'outcome', 'compliance-year', 'purpose', 'recipient'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Keys of a payment, not a decision (#14): a decision's payments are split among their groups. */
const PAYMENT_KEYS: readonly GroupKey[] = ['purpose', 'recipient'];

/** What a group's figures are read from: the fields stats need of a decision. */
export type StatsDecision = Pick<DecisionRecord, 'organisation' | 'category' | 'subcategory' | 'outcome' | 'decisionDate'> & {
  /** ISO date of "Ombudsman satisfied with council's response" (older pages). */
  complianceDate?: string | null;
  payments: readonly { amount: number; purposeKinds?: readonly string[]; recipientRole?: string | null }[];
  remedies: readonly { kind: string }[];
};

/** One group's figures. Amounts in pounds; null where there is nothing to measure. */
export interface GroupStats {
  /** One value per --by key, "(unknown)" for a missing value. */
  key: string[];
  decisions: number;
  upheld: number;
  notUpheld: number;
  /** upheld / (upheld + not upheld): the Ombudsman's own "uphold rate" (of investigated decisions). */
  upheldShare: number | null;
  withPayment: number;
  paymentCount: number;
  paymentsTotal: number;
  medianPayment: number | null;
  p90Payment: number | null;
  maxPayment: number | null;
  /** The three most common remedy kinds, "apology (12); payment (9)". */
  topRemedies: string;
  /** Median days from decision date to compliance date, over decisions that give both. */
  medianDaysToCompliance: number | null;
}

export const MEASURES = ['decisions', 'upheld', 'upheldShare', 'withPayment', 'paymentCount', 'paymentsTotal', 'medianPayment', 'p90Payment', 'maxPayment', 'medianDaysToCompliance'] as const;
export type Measure = (typeof MEASURES)[number];

export const UNKNOWN = '(unknown)';

/** Reads a --by value; `amount` is the histogram mode and cannot be combined. */
export function parseGroupKeys(values: string[] | undefined): GroupKey[] | 'amount' {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (list.length === 0) return ['organisation'];
  if (list.includes('amount')) {
    if (list.length > 1) throw new UsageError('--by amount (a histogram of payments) cannot be combined with other --by keys', { code: 'bad-group' });
    return 'amount';
  }
  return list.map((v) => {
    const key = GROUP_KEYS.find((k) => k === v);
    if (!key) throw new UsageError(`unknown --by "${v}"`, { code: 'bad-group', hint: `use one of: ${[...GROUP_KEYS, 'amount'].join(', ')}` });
    return key;
  });
}

function keyValue(d: StatsDecision, key: Exclude<GroupKey, 'purpose' | 'recipient'>): string {
  if (key === 'year') return d.decisionDate ? d.decisionDate.slice(0, 4) : UNKNOWN;
  if (key === 'compliance-year') return d.complianceDate ? d.complianceDate.slice(0, 4) : UNKNOWN;
  return d[key] ?? UNKNOWN;
}

/**
 * With a payment key (--by purpose, --by recipient), one decision's slices: each payment goes to
 * the group of each of its purpose kinds (a payment "for distress and time and trouble" counts in
 * both) and of its recipient role; a decision counts once in every group it has a payment in,
 * and decisions without payments are in the "all" row only.
 */
function paymentSlices(d: StatsDecision, by: GroupKey[]): Array<{ key: string[]; decision: StatsDecision }> {
  const slices = new Map<string, { key: string[]; payments: StatsDecision['payments'][number][] }>();
  for (const p of d.payments) {
    const kinds = by.includes('purpose') && p.purposeKinds?.length ? p.purposeKinds : [UNKNOWN];
    for (const kind of kinds) {
      const key = by.map((k) => (k === 'purpose' ? kind : k === 'recipient' ? (p.recipientRole ?? UNKNOWN) : keyValue(d, k)));
      const id = key.join('\u0000');
      const slice = slices.get(id) ?? { key, payments: [] };
      slice.payments.push(p);
      slices.set(id, slice);
    }
  }
  return [...slices.values()].map((s) => ({ key: s.key, decision: { ...d, payments: s.payments } }));
}

// "Upheld", "Upheld: maladministration and injustice" vs "Not upheld", "Not upheld: no maladministration".
function outcomeClass(outcome: string | null): 'upheld' | 'not_upheld' | 'other' {
  const o = (outcome ?? '').trim().toLowerCase();
  if (o.startsWith('upheld')) return 'upheld';
  if (o.startsWith('not upheld')) return 'not_upheld';
  return 'other';
}

/**
 * The p-quantile of ascending `sorted` by linear interpolation between closest ranks: the same
 * as a spreadsheet's PERCENTILE.INC and MEDIAN, so an analyst can check a figure by hand.
 * @example quantile([100, 200, 300, 400], 0.5) // 250
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return round2(sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!));
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Acc {
  key: string[];
  decisions: number;
  upheld: number;
  notUpheld: number;
  withPayment: number;
  amounts: number[];
  remedies: Map<string, number>;
  complianceDays: number[];
}

function newAcc(key: string[]): Acc {
  return { key, decisions: 0, upheld: 0, notUpheld: 0, withPayment: 0, amounts: [], remedies: new Map(), complianceDays: [] };
}

function add(acc: Acc, d: StatsDecision): void {
  acc.decisions++;
  const cls = outcomeClass(d.outcome);
  if (cls === 'upheld') acc.upheld++;
  else if (cls === 'not_upheld') acc.notUpheld++;
  if (d.payments.length > 0) acc.withPayment++;
  for (const p of d.payments) acc.amounts.push(p.amount);
  const days = daysBetween(d.decisionDate, d.complianceDate ?? null);
  if (days !== null) acc.complianceDays.push(days);
  // A kind counts once per decision: "most common" means in most decisions.
  for (const kind of new Set(d.remedies.map((r) => r.kind))) acc.remedies.set(kind, (acc.remedies.get(kind) ?? 0) + 1);
}

function finish(acc: Acc): GroupStats {
  const sorted = acc.amounts.sort((a, b) => a - b);
  const investigated = acc.upheld + acc.notUpheld;
  const top = [...acc.remedies].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
  return {
    key: acc.key,
    decisions: acc.decisions,
    upheld: acc.upheld,
    notUpheld: acc.notUpheld,
    upheldShare: investigated ? round2((acc.upheld / investigated) * 100) / 100 : null,
    withPayment: acc.withPayment,
    paymentCount: sorted.length,
    paymentsTotal: round2(sorted.reduce((s, a) => s + a, 0)),
    medianPayment: quantile(sorted, 0.5),
    p90Payment: quantile(sorted, 0.9),
    maxPayment: sorted.length ? sorted[sorted.length - 1]! : null,
    topRemedies: top.map(([k, n]) => `${k} (${n})`).join('; '),
    medianDaysToCompliance: quantile(acc.complianceDays.sort((a, b) => a - b), 0.5),
  };
}

/** Groups and an "all" row over every matching decision. */
export interface StatsResult {
  by: GroupKey[];
  groups: GroupStats[];
  total: GroupStats;
}

/**
 * Folds decisions into per-group figures, in first-seen order (sort with `sortGroups`).
 * @example computeStats(decisions, ['year']).groups[0] // { key: ['2021'], decisions: 3, ... }
 */
export function computeStats(decisions: Iterable<StatsDecision>, by: GroupKey[]): StatsResult {
  const groups = new Map<string, Acc>();
  const total = newAcc(by.map(() => 'all'));
  const byPayment = by.some((k) => PAYMENT_KEYS.includes(k));
  for (const d of decisions) {
    const slices = byPayment ? paymentSlices(d, by) : [{ key: by.map((k) => keyValue(d, k as Exclude<GroupKey, 'purpose' | 'recipient'>)), decision: d }];
    for (const { key, decision } of slices) {
      const id = key.join('\u0000');
      let acc = groups.get(id);
      if (!acc) groups.set(id, (acc = newAcc(key)));
      add(acc, decision);
    }
    add(total, d);
  }
  return { by, groups: [...groups.values()].map(finish), total: finish(total) };
}

/** Reads a --sort value: a measure (largest first) or `key` (A to Z). */
export function parseSort(value: string | undefined): Measure | 'key' {
  if (!value) return 'decisions';
  const v = value.trim();
  const found = [...MEASURES, 'key' as const].find((m) => m.toLowerCase() === v.toLowerCase());
  if (!found) throw new UsageError(`unknown --sort "${value}"`, { code: 'bad-sort', hint: `use one of: key, ${MEASURES.join(', ')}` });
  return found;
}

/** `x.localeCompare(y, 'en', { numeric: true })`, made once: a collator per comparison cost 190 ms sorting 300 groups. */
const KEY_ORDER = new Intl.Collator('en', { numeric: true });

/** Sorts groups by a measure, largest first (nulls last), ties by key; or by key A to Z, unknown last. */
export function sortGroups<G extends Pick<GroupStats, 'key'> & Partial<Pick<GroupStats, Measure>>>(groups: G[], sort: Measure | 'key'): G[] {
  // Key by key, A to Z with numbers in order, "(unknown)" after every known value.
  const byKey = (a: G, b: G): number => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!;
      const y = b.key[i]!;
      if (x === y) continue;
      if (x === UNKNOWN || y === UNKNOWN) return x === UNKNOWN ? 1 : -1;
      return KEY_ORDER.compare(x, y);
    }
    return 0;
  };
  if (sort === 'key') return [...groups].sort(byKey);
  return [...groups].sort((a, b) => (b[sort] ?? -Infinity) - (a[sort] ?? -Infinity) || byKey(a, b));
}
